import Foundation

/// True-peak estimate: each channel upsampled 4× with a 48-tap windowed-sinc polyphase filter
/// (BS.1770-4 Annex 2 style; not the Annex's exact coefficients, hence "estimate").
///
/// Interpolation is only evaluated between samples that are within 6 dB of the running sample
/// peak: an inter-sample peak between two quieter samples cannot exceed the final peak for
/// real-world band-limited audio, and skipping them keeps the meter cheap.
struct TruePeakMeter {
    static let phases = 4
    static let tapsPerPhase = 12
    /// coefficients[phase][tap]
    static let coefficients: [[Float]] = {
        let taps = phases * tapsPerPhase
        let centre = Double(taps - 1) / 2
        var all = [Double](repeating: 0, count: taps)
        for n in 0..<taps {
            let t = (Double(n) - centre) / Double(phases)
            let sinc = t == 0 ? 1 : sin(Double.pi * t) / (Double.pi * t)
            let window = 0.5 - 0.5 * cos(2 * Double.pi * (Double(n) + 0.5) / Double(taps))
            all[n] = sinc * window
        }
        return (0..<phases).map { phase in
            (0..<tapsPerPhase).map { Float(all[$0 * phases + phase]) }
        }
    }()

    private let channels: Int
    private var history: [[Float]]   // last tapsPerPhase samples per channel
    private var position = 0
    private(set) var peakSample: Float = 0
    private var interpolatedPeak: Float = 0

    init(channels: Int) {
        self.channels = channels
        history = Array(repeating: Array(repeating: 0, count: TruePeakMeter.tapsPerPhase), count: channels)
    }

    /// Largest of the sample peak and the interpolated peak (linear).
    var peak: Double { Double(max(peakSample, interpolatedPeak)) }

    mutating func process(interleaved: UnsafeBufferPointer<Float>) {
        let frames = interleaved.count / channels
        let taps = TruePeakMeter.tapsPerPhase
        for frame in 0..<frames {
            for channel in 0..<channels {
                let x = interleaved[frame * channels + channel]
                peakSample = max(peakSample, abs(x))
                history[channel][position] = x
                let centre = history[channel][(position - taps / 2 + taps) % taps]
                if abs(centre) >= 0.5 * peakSample && peakSample > 0 {
                    interpolate(channel: channel, newest: position, taps: taps)
                }
            }
            position = (position + 1) % taps
        }
    }

    private mutating func interpolate(channel: Int, newest: Int, taps: Int) {
        for phase in 1..<TruePeakMeter.phases {
            var sum: Float = 0
            let c = TruePeakMeter.coefficients[phase]
            for tap in 0..<taps {
                let index = (newest - tap + taps) % taps
                sum += c[tap] * history[channel][index]
            }
            interpolatedPeak = max(interpolatedPeak, abs(sum))
        }
    }
}
