import CFFTW
import Foundation

/// FFTW single-precision real-to-complex plans, made once per size and shared by every thread.
///
/// FFTW's planner is not thread-safe, so plans are created under `lock`; executing a plan with
/// the new-array call (`fftwf_execute_dft_r2c`) on other buffers is thread-safe, which is what
/// `RealFFT` does.
final class FFTPlanCache: @unchecked Sendable {
    // @unchecked: `plans` is only read or written while `lock` is held, and an `fftwf_plan`
    // is immutable after creation (FFTW documents execute-with-new-arrays as thread-safe).
    static let shared = FFTPlanCache()

    private let lock = NSLock()
    private var plans: [Int: OpaquePointer] = [:]
    private var inversePlans: [Int: OpaquePointer] = [:]

    /// The forward plan for `size` points, created with FFTW_ESTIMATE on first use.
    func forwardPlan(size: Int) -> OpaquePointer {
        lock.lock()
        defer { lock.unlock() }
        if let plan = plans[size] { return plan }
        let input = fftwf_alloc_real(size)!
        let output = fftwf_alloc_complex(size / 2 + 1)!
        defer { fftwf_free(input); fftwf_free(output) }
        let plan = fftwf_plan_dft_r2c_1d(Int32(size), input, output, UInt32(FFTW_ESTIMATE))!
        plans[size] = plan
        return plan
    }

    /// The complex-to-real inverse plan for `size` points (unnormalised, as FFTW's).
    func inversePlan(size: Int) -> OpaquePointer {
        lock.lock()
        defer { lock.unlock() }
        if let plan = inversePlans[size] { return plan }
        let input = fftwf_alloc_complex(size / 2 + 1)!
        let output = fftwf_alloc_real(size)!
        defer { fftwf_free(input); fftwf_free(output) }
        let plan = fftwf_plan_dft_c2r_1d(Int32(size), input, output, UInt32(FFTW_ESTIMATE))!
        inversePlans[size] = plan
        return plan
    }
}
