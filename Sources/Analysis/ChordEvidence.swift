import Foundation

/// What a file's chords (`ChordSequence`) say about each candidate key, beside its pitch-class
/// totals: how well the chords belong to the key, whether the first chord is its tonic chord, and
/// how long the tonic's root sounds. C major and A minor have the same notes and the same chords;
/// a loop starting on, and dwelling on, A minor is in A minor. A ii–V–I–I loop starts on ii but
/// dwells on I.
public struct ChordEvidence: Sendable {
    /// How typical each diatonic triad is of a key, keyed by root above the tonic (semitones) and
    /// quality: the tonic 1, the dominant and subdominant 0.8, the other diatonic triads less (in
    /// minor both the natural v and the harmonic V, and the major VI, III and VII). Any other triad 0;
    /// a seventh chord counts as its triad, a bare fifth as the better of the two triads on its root.
    static let majorKeyChords: [Int: [ChordSequence.Chord.Quality: Double]] = [
        0: [.major: 1.0], 5: [.major: 0.8], 7: [.major: 0.8], 9: [.minor: 0.6], 2: [.minor: 0.6], 4: [.minor: 0.4]]
    static let minorKeyChords: [Int: [ChordSequence.Chord.Quality: Double]] = [
        0: [.minor: 1.0], 5: [.minor: 0.8], 7: [.major: 0.8, .minor: 0.6], 8: [.major: 0.7], 3: [.major: 0.6],
        10: [.major: 0.7]]
    /// The weight of a tonic-rooted triad of the other quality (timbres whose partials blur the third).
    static let tonicOfOtherQuality = 0.5

    private let sequence: ChordSequence
    private let rootShare: [Double]

    /// nil when the sequence holds no chord.
    public init?(_ sequence: ChordSequence) {
        let total = Double(sequence.frameCount)
        guard total > 0 else { return nil }
        self.sequence = sequence
        var share = [Double](repeating: 0, count: 12)
        for segment in sequence.segments { share[segment.chord.root] += Double(segment.frames) / total }
        let top = share.max() ?? 1
        rootShare = share.map { $0 / top }
    }

    /// The chords' mean fit with `key` (`weight(of:in:)` weighted by duration), 0 … 1.
    public func fit(_ key: MusicalKey) -> Double {
        let sum = sequence.segments.reduce(0.0) { $0 + Double($1.frames) * Self.weight(of: $1.chord, in: key) }
        return sum / Double(sequence.frameCount)
    }

    /// 1 when the first chord is built on `key`'s tonic triad or is a bare fifth on its tonic,
    /// `tonicOfOtherQuality` when it is built on the other triad on the tonic, else 0.
    public func opensOnTonic(_ key: MusicalKey) -> Double {
        guard let first = sequence.segments.first?.chord, first.root == key.tonicPitchClass else { return 0 }
        let triad = first.quality.triad
        if triad == .bareFifth { return 1 }
        return (triad == .minor) == (key.mode == .minor) ? 1 : Self.tonicOfOtherQuality
    }

    /// How long chords on `key`'s tonic sound, as a share of the longest-sounding root, 0 … 1.
    public func tonicRootShare(_ key: MusicalKey) -> Double { rootShare[key.tonicPitchClass] }

    /// How typical `chord` is of `key`, 0 … 1.
    static func weight(of chord: ChordSequence.Chord, in key: MusicalKey) -> Double {
        let interval = ((chord.root - key.tonicPitchClass) % 12 + 12) % 12
        let weights = (key.mode == .major ? majorKeyChords : minorKeyChords)[interval] ?? [:]
        let triad = chord.quality.triad
        if triad == .bareFifth { return weights.values.max() ?? 0 }
        if let weight = weights[triad] { return weight }
        return interval == 0 ? tonicOfOtherQuality : 0
    }
}
