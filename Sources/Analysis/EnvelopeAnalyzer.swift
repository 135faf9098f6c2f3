import Foundation

/// Amplitude envelope of the mono signal: attack time, decay time and temporal centroid.
///
/// Keeps the peak of every 64-sample block for the first `fineSeconds` (enough for any one-shot's
/// attack) and the frame RMS of the whole file, so memory stays bounded on long files.
public struct EnvelopeAnalyzer {
    public static let blockSize = 64
    public static let fineSeconds = 30.0

    public struct Result: Sendable, Equatable, Codable {
        /// From the first time the envelope reaches 10 % of its maximum to the first time it reaches 90 %, seconds.
        public var attackSeconds: Double
        /// From the envelope maximum until it falls 20 dB below it and stays there for 25 ms, seconds
        /// (to the end if it never does).
        public var decaySeconds: Double
        /// Energy-weighted mean time of the envelope, seconds.
        public var temporalCentroidSeconds: Double
        public let version = AlgorithmVersion.envelope
        private enum CodingKeys: String, CodingKey {
            case attackSeconds, decaySeconds, temporalCentroidSeconds, version
        }
    }

    private let sampleRate: Double
    private let fineLimit: Int
    private(set) var fine: [Float] = []
    private var blockPeak: Float = 0
    private var blockFill = 0

    public init(sampleRate: Int) {
        self.sampleRate = Double(sampleRate)
        fineLimit = Int(EnvelopeAnalyzer.fineSeconds * Double(sampleRate)) / EnvelopeAnalyzer.blockSize
    }

    public mutating func process(mono: UnsafeBufferPointer<Float>) {
        guard fine.count < fineLimit else { return }
        for sample in mono {
            blockPeak = max(blockPeak, abs(sample))
            blockFill += 1
            if blockFill == EnvelopeAnalyzer.blockSize {
                fine.append(blockPeak)
                blockPeak = 0
                blockFill = 0
                if fine.count >= fineLimit { return }
            }
        }
    }

    /// - Parameter frameRMS: RMS per STFT hop over the whole file, used when the file outlives the fine envelope.
    public func result(frameRMS: [Float], hopSeconds: Double) -> Result {
        var fine = self.fine
        if blockFill > 0 && fine.count < fineLimit { fine.append(blockPeak) }
        let blockSeconds = Double(EnvelopeAnalyzer.blockSize) / sampleRate
        let useFine = fine.count < fineLimit || frameRMS.isEmpty
        let env = useFine ? fine : frameRMS
        let step = useFine ? blockSeconds : hopSeconds
        guard let maxValue = env.max(), maxValue > 0 else {
            return Result(attackSeconds: 0, decaySeconds: 0, temporalCentroidSeconds: 0)
        }
        let peakIndex = env.firstIndex(of: maxValue) ?? 0
        let start = env.firstIndex { $0 >= 0.1 * maxValue } ?? 0
        let reach = env.firstIndex { $0 >= 0.9 * maxValue } ?? peakIndex
        let floor = maxValue * 0.1   // −20 dB
        // A block peak near a zero crossing of a low note is far below the note's amplitude (a
        // 64-sample block spans only 1.5 ms, a 41 Hz half-cycle 12 ms), so one low block is not the
        // end of the decay: the level must stay under the floor for half a period of the lowest
        // audible frequency (20 Hz → 25 ms). A run cut short by the end of the file still counts.
        let hold = max(1, Int((0.025 / step).rounded(.up)))
        var end = env.count - 1, below = 0
        for i in peakIndex..<env.count {
            below = env[i] < floor ? below + 1 : 0
            if below == hold || (below > 0 && i == env.count - 1) { end = i - below + 1; break }
        }
        var weighted = 0.0, total = 0.0
        for (i, v) in env.enumerated() {
            let energy = Double(v) * Double(v)
            weighted += energy * Double(i)
            total += energy
        }
        return Result(attackSeconds: Double(max(0, reach - start)) * step,
                      decaySeconds: Double(end - peakIndex) * step,
                      temporalCentroidSeconds: total > 0 ? weighted / total * step : 0)
    }
}
