import Foundation

/// Onset strength envelope (spectral flux of log-mel energies, half-wave rectified and averaged
/// over bands, as librosa's `onset_strength`) and onset times by adaptive peak picking.
public struct OnsetDetector {
    public struct Configuration: Sendable {
        /// A peak must exceed the local mean (±`meanWindowFrames`) by this much, in envelope units (dB/band).
        public var delta: Float = 0.9
        /// Half width of the local-mean window, frames.
        public var meanWindowFrames = 8
        /// Minimum gap between onsets, seconds.
        public var minimumGapSeconds = 0.05
        public init() {}
    }

    public struct Result: Sendable, Equatable, Codable {
        public var count: Int
        /// Onset times, seconds from the start of the file.
        public var timesSeconds: [Double]
        /// Onsets per second over the file's duration.
        public var rate: Double
        public let version = AlgorithmVersion.onsets
        private enum CodingKeys: String, CodingKey { case count, timesSeconds, rate, version }
    }

    public let configuration: Configuration
    /// One value per STFT frame.
    public private(set) var envelope: [Float] = []
    private var previous: [Float] = []
    private var current: [Float] = []

    public init(_ configuration: Configuration = .init()) { self.configuration = configuration }

    /// Feeds one frame's mel band levels in dB (`10·log10(max(power, 1e-10))`).
    public mutating func process(melDecibels: UnsafeBufferPointer<Float>) {
        if current.count != melDecibels.count { current = [Float](repeating: 0, count: melDecibels.count) }
        for band in 0..<melDecibels.count {
            current[band] = max(melDecibels[band], -80)
        }
        var flux: Float = 0
        if !previous.isEmpty {
            for band in 0..<current.count { flux += max(0, current[band] - previous[band]) }
        } else {
            // the first frame is measured against silence so a sound starting at 0 is an onset
            for band in 0..<current.count { flux += max(0, current[band] + 80) }
        }
        envelope.append(flux / Float(current.count))
        swap(&previous, &current)
    }

    /// Picks onset frames from the envelope. The last `paddedEndFrames` frames run past the end of
    /// the file (their window is zero-padded).
    public func onsetFrames(framesPerSecond: Double, paddedEndFrames: Int = 0) -> [Int] {
        let e = envelope
        guard !e.isEmpty else { return [] }
        // The first frame is measured against silence, so its flux can dwarf every later onset (a
        // chord change over a sustained sound); a frame padded past the end of a file cut at full
        // level spreads the cut over every band and does the same. The relative threshold is taken
        // from the frames between, but from no less than a quarter of either, so a decaying
        // one-shot's tail does not turn into onsets.
        let inner = e.dropFirst().dropLast(max(0, paddedEndFrames))
        let padded = e.dropFirst().suffix(max(0, paddedEndFrames))
        let maxValue = max(inner.max() ?? 0, 0.25 * e[0], 0.25 * (padded.max() ?? 0))
        guard maxValue > 0 else { return [] }
        let w = configuration.meanWindowFrames
        let minGap = max(1, Int(configuration.minimumGapSeconds * framesPerSecond))
        var onsets: [Int] = []
        for i in 0..<e.count {
            let lo = max(0, i - w), hi = min(e.count - 1, i + w)
            var isPeak = true
            for j in max(0, i - 3)...min(e.count - 1, i + 3) where e[j] > e[i] { isPeak = false; break }
            if !isPeak { continue }
            var mean: Float = 0
            for j in lo...hi { mean += e[j] }
            mean /= Float(hi - lo + 1)
            guard e[i] >= mean + configuration.delta, e[i] >= 0.1 * maxValue else { continue }
            if let last = onsets.last, i - last < minGap { continue }
            onsets.append(i)
        }
        return onsets
    }

    /// Onset times and rate. The last `paddedEndFrames` frames run past the end of the file: they do
    /// not set the picking threshold. With `droppingCutAfter` (the analysis frame's length, seconds), an
    /// onset after the first whose frame runs past the end of the file is dropped: a decayed note cut
    /// off there spreads its spectrum like an attack, but nothing starts. (The caller passes it only
    /// when the sound had decayed by the end: a loop cut at full level wraps round to its start, and
    /// that cut marks where the next pass begins.)
    public func result(framesPerSecond: Double, hopSeconds: Double, durationSeconds: Double,
                       paddedEndFrames: Int = 0, droppingCutAfter frameSeconds: Double? = nil) -> Result {
        var times = onsetFrames(framesPerSecond: framesPerSecond, paddedEndFrames: paddedEndFrames)
            .map { Double($0) * hopSeconds }
        if let frameSeconds {
            while times.count > 1, let last = times.last, last + frameSeconds > durationSeconds { times.removeLast() }
        }
        return Result(count: times.count, timesSeconds: times,
                      rate: durationSeconds > 0 ? Double(times.count) / durationSeconds : 0)
    }
}
