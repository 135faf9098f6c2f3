import Foundation

/// The chords of a file, in order, from the pitch classes of its long frames (`PitchClassFrames`).
///
/// Each sounding frame is matched against 72 chords, six qualities on each root — major, minor, a
/// bare fifth with no third, and the major, minor and dominant sevenths — (the cosine of its pitch
/// classes with the chord's notes, plus `bassBonus` when the frame's bass is the root), and a Viterbi
/// pass over the frames picks the best-matching chords with a reward, `stayBonus`, for keeping the
/// chord, so one frame of an arpeggio or a passing note does not make a new chord. Silent frames are
/// skipped.
///
/// The bare fifth matters: a chord whose third is quiet beside a sustained bass (a decaying
/// e-piano over a saw bass) would otherwise be called major, as the bass's 5th harmonic is a
/// major third above it; a chord's third must reach about a third of its root's level to name
/// the quality. The sevenths keep a Cmaj7 on C (its upper three notes are E minor). This is what a
/// key needs beyond the pitch-class totals: which chord comes first and which sounds longest
/// (C major's and A minor's chords have the same notes).
public struct ChordSequence: Sendable, Equatable {
    /// A chord on a root, of one quality.
    public struct Chord: Sendable, Hashable {
        public enum Quality: Sendable, Hashable, CaseIterable {
            case major, minor
            /// Root and fifth only: the third is too quiet to say major or minor.
            case bareFifth
            case majorSeventh, minorSeventh, dominantSeventh

            /// Semitones above the root.
            public var intervals: [Int] {
                switch self {
                case .major: [0, 4, 7]
                case .minor: [0, 3, 7]
                case .bareFifth: [0, 7]
                case .majorSeventh: [0, 4, 7, 11]
                case .minorSeventh: [0, 3, 7, 10]
                case .dominantSeventh: [0, 4, 7, 10]
                }
            }

            /// The triad the chord is built on: major, minor, or none (a bare fifth).
            public var triad: Quality {
                switch self {
                case .major, .majorSeventh, .dominantSeventh: .major
                case .minor, .minorSeventh: .minor
                case .bareFifth: .bareFifth
                }
            }
        }
        /// Root pitch class, 0 = C.
        public var root: Int
        public var quality: Quality
        public init(root: Int, quality: Quality) { self.root = root; self.quality = quality }

        /// The chord's pitch classes, root first.
        public var pitchClasses: [Int] { quality.intervals.map { (root + $0) % 12 } }
    }

    /// A stretch of frames holding one chord.
    public struct Segment: Sendable, Equatable {
        public var chord: Chord
        /// How many frames the chord lasts.
        public var frames: Int
        public init(chord: Chord, frames: Int) { self.chord = chord; self.frames = frames }
    }

    /// Added to a chord's match when the frame's bass is its root.
    public static let bassBonus = 0.1
    /// Added to the path for each frame that keeps the previous frame's chord.
    public static let stayBonus = 0.15

    /// The chords in order; consecutive segments hold different chords. Empty for silence.
    public let segments: [Segment]

    /// The 72 chords, every quality on every root.
    static let chords: [Chord] = (0..<12).flatMap { root in Chord.Quality.allCases.map { Chord(root: root, quality: $0) } }
    /// Each of `chords`' pitch classes, computed once rather than per frame.
    private static let chordNotes: [[Int]] = chords.map(\.pitchClasses)

    public init(segments: [Segment]) { self.segments = segments }

    /// Tracks the chords of `frames`.
    public init(frames: PitchClassFrames) {
        var scores: [[Double]] = []
        for frame in 0..<frames.count {
            let values = (0..<12).map { Double(frames.values[frame * 12 + $0]) }
            let norm = values.reduce(0) { $0 + $1 * $1 }.squareRoot()
            guard norm > 0 else { continue }
            scores.append(zip(ChordSequence.chords, ChordSequence.chordNotes).map { chord, notes in
                notes.reduce(0) { $0 + values[$1] } / (norm * Double(notes.count).squareRoot())
                    + (frames.bass[frame] == chord.root ? ChordSequence.bassBonus : 0)
            })
        }
        segments = ChordSequence.segments(of: ChordSequence.bestPath(scores))
    }

    /// The total number of frames with a chord.
    public var frameCount: Int { segments.reduce(0) { $0 + $1.frames } }

    /// How many different chords are held at least `heldFrames` frames at a stretch.
    public func distinctChords(heldFrames: Int) -> Int {
        Set(held(heldFrames).map(\.chord)).count
    }

    /// The segments that last at least `frames` frames.
    private func held(_ frames: Int) -> [Segment] { segments.filter { $0.frames >= frames } }

    /// Fewest different chords, each held `progressionHeldFrames` frames (about 1.1 s) at a stretch,
    /// that make a progression. Of the Debian corpus's 1,160 files, 16 hold one — cymbals, ambiences,
    /// loops —, and of them only a guitar loop has a key; chord one-shots and single notes of the
    /// generated sets hold at most 2.
    public static let progressionChords = 3, progressionHeldFrames = 3

    /// Whether the chords change through a progression (`progressionChords` held chords), as a chord
    /// loop's do and a single hit's do not.
    public var holdsProgression: Bool {
        distinctChords(heldFrames: Self.progressionHeldFrames) >= Self.progressionChords
    }

    /// A two-chord loop's chords, each held this share of the chord frames or more (a loop of two
    /// chords gives each about half).
    public static let twoChordShare = 0.35

    /// Where the chords first change when they alternate between two chords on different roots: the
    /// chords held `progressionHeldFrames` at a stretch are exactly two, on different roots, each held
    /// `twoChordShare` of the chord frames or more. The frame (counted over chord frames) at which the
    /// second chord begins; nil otherwise. A held chord keeps its root as its third or its upper notes
    /// fade, so its quality may change but not its root.
    public var twoChordChange: Int? {
        let heldSegments = held(Self.progressionHeldFrames)
        let chords = Set(heldSegments.map(\.chord))
        guard chords.count == 2, Set(chords.map(\.root)).count == 2,
              let first = heldSegments.first?.chord else { return nil }
        let total = Double(frameCount)
        guard chords.allSatisfy({ chord in
            Double(heldSegments.filter { $0.chord == chord }.reduce(0) { $0 + $1.frames }) >= Self.twoChordShare * total
        }), let second = segments.firstIndex(where: { $0.frames >= Self.progressionHeldFrames && $0.chord != first })
        else { return nil }
        return segments[..<second].reduce(0) { $0 + $1.frames }
    }

    /// The chord index (into `chords`) per frame that maximises the summed matches plus `stayBonus`
    /// per kept chord (Viterbi; ties go to the lower index).
    private static func bestPath(_ scores: [[Double]]) -> [Int] {
        guard var total = scores.first else { return [] }
        let states = chords.count
        var back = [[Int]](repeating: [Int](repeating: 0, count: states), count: scores.count)
        for frame in 1..<max(1, scores.count) {
            var best = -Double.infinity, bestState = 0
            for state in 0..<states where total[state] > best { best = total[state]; bestState = state }
            for state in 0..<states {
                let stay = total[state] + stayBonus
                if stay >= best {
                    back[frame][state] = state
                    total[state] = stay + scores[frame][state]
                } else {
                    back[frame][state] = bestState
                    total[state] = best + scores[frame][state]
                }
            }
        }
        var state = 0
        for candidate in 0..<states where total[candidate] > total[state] { state = candidate }
        var path = [state]
        for frame in stride(from: scores.count - 1, to: 0, by: -1) {
            state = back[frame][state]
            path.append(state)
        }
        return path.reversed()
    }

    private static func segments(of path: [Int]) -> [Segment] {
        var segments: [Segment] = []
        for state in path {
            if let last = segments.last, last.chord == chords[state] {
                segments[segments.count - 1].frames += 1
            } else {
                segments.append(Segment(chord: chords[state], frames: 1))
            }
        }
        return segments
    }
}
