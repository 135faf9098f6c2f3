import Foundation

/// Swells: where the spectrum rose over a few hundred milliseconds. The novelty of a frame is the
/// mean over mel bands of the half-wave-rectified rise in dB from the frame `lag` before it. A chord
/// that swells in over a held one (a pad, strings) raises its bands by tens of dB, but a fraction of
/// a dB per frame — too slowly for the frame-to-frame flux of `OnsetDetector`. Over the lag, that
/// swell is one peak, a little after the chord starts.
public struct SlowChangeDetector {
    /// The lag, frames.
    public let lag: Int
    /// One value per frame, dB per band; the first `lag` frames compare with silence.
    public private(set) var novelty: [Float] = []
    /// The last `lag` frames' band levels, oldest at `next`.
    private var history: [Float] = []
    private var bands = 0
    private var next = 0

    public init(lagFrames: Int) { lag = max(1, lagFrames) }

    /// Feeds one frame's mel band levels in dB.
    public mutating func process(melDecibels: UnsafeBufferPointer<Float>) {
        if bands != melDecibels.count {
            bands = melDecibels.count
            history = [Float](repeating: -80, count: lag * bands)
            next = 0
        }
        guard bands > 0 else { novelty.append(0); return }
        var rise: Float = 0
        let row = next * bands
        for band in 0..<bands {
            let level = max(melDecibels[band], -80)
            rise += max(0, level - history[row + band])
            history[row + band] = level
        }
        novelty.append(rise / Float(bands))
        next = (next + 1) % lag
    }

    /// Least gap between two swells, seconds: a chord swells in over up to about half a second.
    public static let minimumGapSeconds = 0.4
    /// A swell peaks at least at this share of the strongest swell: a held chord's beating voices
    /// or ripple make smaller ones.
    public static let relativeThreshold: Float = 0.4
    /// And at least this many dB per band.
    public static let absoluteThreshold: Float = 1

    /// Times of the swells after the opening one, seconds: peaks of the novelty (the largest within
    /// ±`minimumGapSeconds`) past the first `minimumGapSeconds` of sound after `startSeconds`, and
    /// before the last `paddedEndFrames` frames (their window runs past the end of the file).
    public func swellTimes(framesPerSecond fps: Double, startSeconds: Double, paddedEndFrames: Int) -> [Double] {
        let gap = max(1, Int(Self.minimumGapSeconds * fps))
        let first = Int(((startSeconds + Self.minimumGapSeconds) * fps).rounded(.up))
        let end = novelty.count - max(0, paddedEndFrames)
        guard first < end else { return [] }
        var peaks: [(frame: Int, value: Float)] = []
        for i in first..<end {
            let value = novelty[i]
            let lo = max(0, i - gap), hi = min(novelty.count - 1, i + gap)
            var isPeak = true
            for j in lo...hi where novelty[j] > value || (novelty[j] == value && j < i) { isPeak = false; break }
            if isPeak { peaks.append((i, value)) }
        }
        let strongest = peaks.map(\.value).max() ?? 0
        let threshold = max(Self.absoluteThreshold, Self.relativeThreshold * strongest)
        return peaks.filter { $0.value >= threshold }.map { Double($0.frame) / fps }
    }
}
