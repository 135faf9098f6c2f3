import Foundation

/// The pitch classes of each frame of the long-window STFT (`Chromagram`), and each frame's bass,
/// to tell whether the harmony changed between two stretches of a file and which chords it holds.
public struct PitchClassFrames: Sendable, Equatable {
    /// The length of one frame (and the hop between frames), seconds.
    public let frameSeconds: Double
    /// 12 values per frame (index 0 = C), unnormalised; zeros for a silent frame.
    public private(set) var values: [Float] = []
    /// Each frame's bass pitch class (its lowest strong peak, `Chromagram.bassPeakShare`), nil when none.
    public private(set) var bass: [Int?] = []

    public init(frameSeconds: Double) { self.frameSeconds = frameSeconds }

    /// Frames given as 12 values each, one after another, and optionally each frame's bass.
    public init(frameSeconds: Double, values: [Float], bass: [Int?]? = nil) {
        self.frameSeconds = frameSeconds
        self.values = Array(values.prefix(values.count / 12 * 12))
        let given = (bass ?? []).prefix(self.values.count / 12)
        self.bass = Array(given) + Array(repeating: nil, count: self.values.count / 12 - given.count)
    }

    /// The number of frames.
    public var count: Int { values.count / 12 }

    /// Appends a frame of 12 zeros with no bass and returns its index into `values`.
    mutating func appendFrame() -> Int {
        values.append(contentsOf: repeatElement(0, count: 12))
        bass.append(nil)
        return values.count - 12
    }

    /// Sets the bass pitch class of the last frame.
    mutating func setLastBass(_ pitchClass: Int) {
        if !bass.isEmpty { bass[bass.count - 1] = pitchClass }
    }

    /// Adds `magnitude` to pitch class `pitchClass` of the frame starting at `frameIndex`.
    mutating func add(_ magnitude: Float, pitchClass: Int, frameIndex: Int) {
        values[frameIndex + pitchClass] += magnitude
    }

    /// The pitch classes (index 0 = C, unnormalised) of the frames that lie wholly within
    /// `from ..< to` seconds or, when none does, of those whose centre does; nil when no frame does.
    public func pitchClasses(from: Double, to: Double) -> [Double]? {
        let frames = count
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
