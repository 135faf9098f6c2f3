import CFFTW
import Foundation

/// Computes r(τ) = Σⱼ a[j]·x[j+τ] for τ in 0..<lagCount through FFTW (r2c → product → c2r):
/// the correlation step of FFT-based YIN. One instance per thread; FFTW buffers freed in `deinit`.
public final class CrossCorrelator {
    public let size: Int
    private let a: UnsafeMutablePointer<Float>
    private let x: UnsafeMutablePointer<Float>
    private let spectrumA: UnsafeMutablePointer<fftwf_complex>
    private let spectrumX: UnsafeMutablePointer<fftwf_complex>
    private let forward: OpaquePointer
    private let inverse: OpaquePointer

    /// `size` must be ≥ len(a) + lagCount and ≥ len(x) so the circular correlation equals the linear one.
    public init(size: Int) {
        self.size = size
        a = fftwf_alloc_real(size)!
        x = fftwf_alloc_real(size)!
        spectrumA = fftwf_alloc_complex(size / 2 + 1)!
        spectrumX = fftwf_alloc_complex(size / 2 + 1)!
        forward = FFTPlanCache.shared.forwardPlan(size: size)
        inverse = FFTPlanCache.shared.inversePlan(size: size)
    }

    deinit {
        fftwf_free(a); fftwf_free(x); fftwf_free(spectrumA); fftwf_free(spectrumX)
    }

    /// Writes r(0..<lagCount) into `result`.
    public func correlate(_ aValues: UnsafeBufferPointer<Float>, _ xValues: UnsafeBufferPointer<Float>,
                          lagCount: Int, into result: UnsafeMutableBufferPointer<Float>) {
        precondition(aValues.count + lagCount <= size && xValues.count <= size)
        for i in 0..<size { a[i] = i < aValues.count ? aValues[i] : 0 }
        for i in 0..<size { x[i] = i < xValues.count ? xValues[i] : 0 }
        fftwf_execute_dft_r2c(forward, a, spectrumA)
        fftwf_execute_dft_r2c(forward, x, spectrumX)
        let sa = UnsafeMutableRawPointer(spectrumA).assumingMemoryBound(to: Float.self)
        let sx = UnsafeMutableRawPointer(spectrumX).assumingMemoryBound(to: Float.self)
        // conj(A) · X, written over X
        for k in 0..<(size / 2 + 1) {
            let ar = sa[2 * k], ai = sa[2 * k + 1], xr = sx[2 * k], xi = sx[2 * k + 1]
            sx[2 * k] = ar * xr + ai * xi
            sx[2 * k + 1] = ar * xi - ai * xr
        }
        fftwf_execute_dft_c2r(inverse, spectrumX, x)
        let scale = 1 / Float(size)
        for lag in 0..<lagCount { result[lag] = x[lag] * scale }
    }
}
