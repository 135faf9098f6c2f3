import DSP
import Foundation

/// The ITU-R BS.1770-4 K-weighting pre-filter (high shelf + high pass) for any sample rate,
/// with the analog-prototype parameters used by libebur128, so 48 kHz gives the standard's
/// published coefficients.
public enum KWeighting {
    /// The two biquads, shelf first.
    public static func filters(sampleRate: Double) -> (shelf: Biquad, highPass: Biquad) {
        // Stage 1: high shelf, +4 dB above ~1.7 kHz.
        var f0 = 1681.974450955533, gain = 3.999843853973347, q = 0.7071752369554196
        var k = tan(Double.pi * f0 / sampleRate)
        let vh = pow(10, gain / 20), vb = pow(vh, 0.4996667741545416)
        var a0 = 1 + k / q + k * k
        let shelf = Biquad(b0: (vh + vb * k / q + k * k) / a0, b1: 2 * (k * k - vh) / a0,
                           b2: (vh - vb * k / q + k * k) / a0, a1: 2 * (k * k - 1) / a0,
                           a2: (1 - k / q + k * k) / a0)
        // Stage 2: RLB high pass at ~38 Hz.
        f0 = 38.13547087602444; q = 0.5003270373238773; gain = 0
        k = tan(Double.pi * f0 / sampleRate)
        a0 = 1 + k / q + k * k
        let highPass = Biquad(b0: 1, b1: -2, b2: 1, a1: 2 * (k * k - 1) / a0, a2: (1 - k / q + k * k) / a0)
        return (shelf, highPass)
    }
}
