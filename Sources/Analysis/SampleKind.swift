/// One-shot or loop.
public enum SampleKind: String, Sendable, Codable, CaseIterable {
    case oneshot, loop
}

/// Decides one-shot vs loop from duration, onsets, rhythmic regularity and harmony.
///
/// Rules (version 11), in order:
/// 1. shorter than 0.8 s is a one-shot;
/// 2. a file whose onsets are spread over most of its length (≥ 4 onsets, first-to-last span ≥ 40 %
///    of the sounding length), that has a periodic onset envelope (tempo confidence, or the comb score
///    of its ½× or 2× alternative, ≥ 0.15: the octave the tempo estimator picks may be the weaker
///    periodicity of the two), a whole-bar length, or onsets on the sixteenth-note grid of its tempo
///    (`TempoEstimator.onSixteenthGrid`: a one-bar loop rung out or cut short has a weak comb and fits
///    no whole number of bars, but its hits still lie on a beat's grid), and that comes back to within
///    6 dB of its loudest level after the middle of that span is a loop (beats, busy loops; a held
///    note's beating or ripple rides down its decay);
/// 3. a file whose onsets, however few, lie on an `OnsetGrid` is a loop: they start with the sound,
///    are equally spaced (≥ 0.5 s apart), each re-attacks to within 4 dB of the loudest level, and the
///    file is 2, 4 or 8 of their periods long, plus at most a period's ring-out (chord loops: 2–4 chord
///    changes, which are too few for rule 2);
/// 4. a file whose chords swell in without an attack (a pad or string loop, whose chord changes make
///    no onsets) is a loop when its swells lie on a `SwellGrid`: at least three, near full level,
///    each the same lateness after its slot of a grid of 4 or 8 chords that spans the file, and at
///    least half of them changing the pitch classes (a held chord's beating voices swell too);
/// 5. a file in a key whose chords change through a progression (`ChordSequence.holdsProgression`:
///    at least three different chords, each held about 1.1 s) is a loop, however its chords start —
///    a one-shot holds one chord; so is one in a key that alternates two chords on different roots,
///    each held about a third of the file or more, the second within 6 dB of the loudest level
///    (`ChordSequence.twoChordChange`: a pad loop of two chords; a held chord keeps its root, and a
///    bell whose partials drift as it decays is far below its peak by then);
/// 6. everything else — single hits with long tails, held pads, risers — is a one-shot.
public struct KindClassifier {
    public struct Evidence: Sendable {
        public var durationSeconds: Double
        public var soundingSeconds: Double
        public var onsetTimes: [Double]
        public var tempo: TempoEstimator.Result?
        /// Level after each onset (the loudest frame in the 0.25 s after it), dB re the file's loudest
        /// frame; one per onset time. Empty: unknown, and rule 3 is not applied.
        public var onsetLevelsDB: [Double]
        /// The silent head of the file, seconds.
        public var silenceHeadSeconds: Double
        /// Times of the swells after the opening one (`SlowChangeDetector`), seconds, and the level
        /// after each, dB re the loudest frame.
        public var swellTimes: [Double]
        public var swellLevelsDB: [Double]
        /// The pitch classes of each stretch of the file (`Chromagram.frames`); nil: unknown.
        public var pitchClasses: PitchClassFrames?
        /// Whether the file has a key and its chords change through a progression.
        public var keyedProgression: Bool
        /// Whether the file has a key and alternates two chords on different roots
        /// (`ChordSequence.twoChordChange`), the second sounding within `comeBackDB` of the loudest level.
        public var keyedChordChange: Bool
        public init(durationSeconds: Double, soundingSeconds: Double, onsetTimes: [Double],
                    tempo: TempoEstimator.Result?, onsetLevelsDB: [Double] = [], silenceHeadSeconds: Double = 0,
                    swellTimes: [Double] = [], swellLevelsDB: [Double] = [],
                    pitchClasses: PitchClassFrames? = nil, keyedProgression: Bool = false,
                    keyedChordChange: Bool = false) {
            self.durationSeconds = durationSeconds
            self.soundingSeconds = soundingSeconds
            self.onsetTimes = onsetTimes
            self.tempo = tempo
            self.onsetLevelsDB = onsetLevelsDB
            self.silenceHeadSeconds = silenceHeadSeconds
            self.swellTimes = swellTimes
            self.swellLevelsDB = swellLevelsDB
            self.pitchClasses = pitchClasses
            self.keyedProgression = keyedProgression
            self.keyedChordChange = keyedChordChange
        }
    }

    public struct Result: Sendable, Equatable, Codable {
        public var kind: SampleKind
        /// 0.5 … 1: how clearly the evidence points one way.
        public var confidence: Double
        public let version = AlgorithmVersion.kind
        private enum CodingKeys: String, CodingKey { case kind, confidence, version }
    }

    public init() {}

    public func classify(_ evidence: Evidence) -> Result {
        guard evidence.durationSeconds >= 0.8 else {
            return Result(kind: .oneshot, confidence: 0.95)
        }
        let onsets = evidence.onsetTimes
        let sounding = max(evidence.soundingSeconds, 0.001)
        let span = (onsets.last ?? 0) - (onsets.first ?? 0)
        let spread = span / sounding
        let periodic = evidence.tempo.map { tempo in
            tempo.confidence >= 0.15 || tempo.alternatives.contains { [0.5, 2].contains($0.ratio) && $0.score >= 0.15 }
        } ?? false
        let wholeBars = evidence.tempo?.fitsWholeBars ?? false
        let onGrid = evidence.tempo.map { TempoEstimator().onSixteenthGrid(onsetTimes: onsets, bpm: $0.bpm) } ?? false
        if onsets.count >= 4 && spread >= 0.4 && (periodic || wholeBars || onGrid) && Self.comesBack(evidence) {
            let strength = min(1, 0.6 + 0.1 * Double(onsets.count - 4) / 4 + (wholeBars ? 0.2 : 0))
            return Result(kind: .loop, confidence: strength)
        }
        if OnsetGrid.find(onsetTimes: onsets, onsetLevelsDB: evidence.onsetLevelsDB,
                          durationSeconds: evidence.durationSeconds,
                          silenceHeadSeconds: evidence.silenceHeadSeconds) != nil {
            return Result(kind: .loop, confidence: 0.6)
        }
        if SwellGrid.find(swellTimes: evidence.swellTimes, swellLevelsDB: evidence.swellLevelsDB,
                          durationSeconds: evidence.durationSeconds, startSeconds: evidence.silenceHeadSeconds,
                          pitchClasses: evidence.pitchClasses) != nil {
            return Result(kind: .loop, confidence: 0.6)
        }
        if evidence.keyedProgression || evidence.keyedChordChange {
            return Result(kind: .loop, confidence: 0.6)
        }
        return Result(kind: .oneshot, confidence: onsets.count <= 2 ? 0.9 : 0.6)
    }

    /// How close to the loudest level some onset in the later half of the onsets' span must bring
    /// the sound back, dB: a loop repeats, so its later bars play as loud as its first.
    public static let comeBackDB = -6.0

    /// Whether an onset in the later half of the onsets' span reaches `comeBackDB` (true when the
    /// levels are unknown). A held note whose detuned voices beat, or a low note whose band levels
    /// ripple, has periodic onsets too, but they ride down its decay.
    static func comesBack(_ evidence: Evidence) -> Bool {
        let times = evidence.onsetTimes, levels = evidence.onsetLevelsDB
        guard levels.count == times.count, let first = times.first, let last = times.last else { return true }
        let middle = (first + last) / 2
        return zip(times, levels).contains { $0.0 >= middle && $0.1 >= comeBackDB }
    }
}
