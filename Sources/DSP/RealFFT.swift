import CFFTW

/// A real-input FFT of one size with its own aligned buffers; one instance per thread.
///
/// Owns FFTW-allocated memory, freed in `deinit`. The plan comes from the shared `FFTPlanCache`.
public final class RealFFT {
    /// Transform length in samples.
    public let size: Int
    /// Number of complex bins: `size / 2 + 1`.
    public var binCount: Int { size / 2 + 1 }
    /// Time-domain input; fill it, then call `forward()`.
    public let input: UnsafeMutableBufferPointer<Float>
    private let output: UnsafeMutablePointer<fftwf_complex>
    private let plan: OpaquePointer

    public init(size: Int) {
        precondition(size >= 2 && size % 2 == 0, "FFT size must be even")
        self.size = size
        input = UnsafeMutableBufferPointer(start: fftwf_alloc_real(size)!, count: size)
        input.initialize(repeating: 0)
        output = fftwf_alloc_complex(size / 2 + 1)!
        plan = FFTPlanCache.shared.forwardPlan(size: size)
    }

    deinit {
        fftwf_free(input.baseAddress)
        fftwf_free(output)
    }

    /// Transforms `input` in place of the output buffer; read it with `powerSpectrum` or `complexBin`.
    public func forward() {
        fftwf_execute_dft_r2c(plan, input.baseAddress, output)
    }

    /// Writes |X[k]|² for every bin into `power` (which must hold `binCount` values).
    public func powerSpectrum(into power: UnsafeMutableBufferPointer<Float>) {
        let raw = UnsafeMutableRawPointer(output).assumingMemoryBound(to: Float.self)
        for bin in 0..<binCount {
            let re = raw[2 * bin], im = raw[2 * bin + 1]
            power[bin] = re * re + im * im
        }
    }

    /// The complex value of one bin after `forward()`.
    public func complexBin(_ bin: Int) -> (re: Float, im: Float) {
        let raw = UnsafeMutableRawPointer(output).assumingMemoryBound(to: Float.self)
        return (raw[2 * bin], raw[2 * bin + 1])
    }
}
