import Foundation

/// True-peak estimate: each channel upsampled 4× with a 48-tap windowed-sinc polyphase filter
/// (BS.1770-4 Annex 2 style; not the Annex's exact coefficients, hence "estimate").
///
/// Interpolation is only evaluated next to local maxima of |x| that are within 6 dB of the
/// running sample peak: an inter-sample peak sits beside a local sample maximum, and one between
/// quieter samples cannot exceed the final peak for real-world band-limited audio. A block whose
/// sample peak is below that threshold is skipped whole. This keeps the meter cheap.
struct TruePeakMeter {
    static let phases = 4
    static let taps = 12
    /// Flat table: coefficient of `tap` for interpolation `phase` (1…3) at `(phase - 1) * taps + tap`.
    static let coefficients: [Float] = {
        let length = phases * taps
        let centre = Double(length - 1) / 2
        var all = [Double](repeating: 0, count: length)
        for n in 0..<length {
            let t = (Double(n) - centre) / Double(phases)
            let sinc = t == 0 ? 1 : sin(Double.pi * t) / (Double.pi * t)
            let window = 0.5 - 0.5 * cos(2 * Double.pi * (Double(n) + 0.5) / Double(length))
            all[n] = sinc * window
        }
        return (1..<phases).flatMap { phase in (0..<taps).map { Float(all[$0 * phases + phase]) } }
    }()

    private let channels: Int
    /// One channel at a time: the previous block's last `taps` samples followed by this block.
    private var scratch: [Float] = []
    /// Per channel, the last `taps` samples of the previous block.
    private var tails: [Float]
    private(set) var peakSample: Float = 0
    private var interpolatedPeak: Float = 0

    init(channels: Int) {
        self.channels = channels
        tails = [Float](repeating: 0, count: channels * TruePeakMeter.taps)
    }

    /// Largest of the sample peak and the interpolated peak (linear).
    var peak: Double { Double(max(peakSample, interpolatedPeak)) }

    mutating func process(interleaved: UnsafeBufferPointer<Float>) {
        let frames = interleaved.count / channels
        let taps = TruePeakMeter.taps
        var blockPeak: Float = 0
        for x in interleaved { blockPeak = max(blockPeak, abs(x)) }
        peakSample = max(peakSample, blockPeak)
        let threshold = 0.5 * peakSample
        if scratch.count < frames + taps { scratch = [Float](repeating: 0, count: frames + taps) }
        var best = interpolatedPeak
        let evaluate = blockPeak >= threshold && threshold > 0
        TruePeakMeter.coefficients.withUnsafeBufferPointer { c in
            scratch.withUnsafeMutableBufferPointer { s in
                tails.withUnsafeMutableBufferPointer { tails in
                    for channel in 0..<channels {
                        for k in 0..<taps { s[k] = tails[channel * taps + k] }
                        var index = channel
                        for frame in 0..<frames {
                            s[taps + frame] = interleaved[index]
                            index += channels
                        }
                        if evaluate {
                            // s[n] is the centre sample of the window ending at n + taps/2
                            for n in (taps / 2)..<(frames + taps / 2) {
                                let centre = abs(s[n])
                                guard centre >= threshold, centre >= abs(s[n - 1]), centre >= abs(s[n + 1]) else { continue }
                                let newest = n + taps / 2 - 1
                                for phase in 0..<3 {
                                    var sum: Float = 0
                                    let row = phase * taps
                                    for tap in 0..<taps { sum += c[row + tap] * s[newest - tap] }
                                    best = max(best, abs(sum))
                                }
                            }
                        }
                        for k in 0..<taps { tails[channel * taps + k] = s[frames + k] }
                    }
                }
            }
        }
        interpolatedPeak = best
    }
}
