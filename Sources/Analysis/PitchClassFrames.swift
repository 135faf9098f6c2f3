import Foundation

/// The pitch classes of each frame of the long-window STFT (`Chromagram`), to tell whether the
/// harmony changed between two stretches of a file.
public struct PitchClassFrames: Sendable, Equatable {
    /// The length of one frame (and the hop between frames), seconds.
    public let frameSeconds: Double
    /// 12 values per frame (index 0 = C), unnormalised; zeros for a silent frame.
    public private(set) var values: [Float] = []

    public init(frameSeconds: Double) { self.frameSeconds = frameSeconds }

    /// Frames given as 12 values each, one after another.
    public init(frameSeconds: Double, values: [Float]) {
        self.frameSeconds = frameSeconds
        self.values = Array(values.prefix(values.count / 12 * 12))
    }

    /// Appends a frame of 12 zeros and returns its index into `values`.
    mutating func appendFrame() -> Int {
        values.append(contentsOf: repeatElement(0, count: 12))
        return values.count - 12
    }

    /// Adds `magnitude` to pitch class `pitchClass` of the frame starting at `frameIndex`.
    mutating func add(_ magnitude: Float, pitchClass: Int, frameIndex: Int) {
        values[frameIndex + pitchClass] += magnitude
    }

    /// The pitch classes (index 0 = C, unnormalised) of the frames that lie wholly within
    /// `from ..< to` seconds or, when none does, of those whose centre does; nil when no frame does.
    public func pitchClasses(from: Double, to: Double) -> [Double]? {
        let frames = values.count / 12
        let whole = (0..<frames).filter { Double($0) * frameSeconds >= from && Double($0 + 1) * frameSeconds <= to }
        let chosen = whole.isEmpty
            ? (0..<frames).filter { (Double($0) + 0.5) * frameSeconds >= from && (Double($0) + 0.5) * frameSeconds < to }
            : whole
        guard !chosen.isEmpty else { return nil }
        var sum = [Double](repeating: 0, count: 12)
        for frame in chosen { for pc in 0..<12 { sum[pc] += Double(values[frame * 12 + pc]) } }
        return sum
    }
}
