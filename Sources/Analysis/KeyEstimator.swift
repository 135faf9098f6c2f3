import Foundation

/// Key from pitch-class profiles and chords: the whole file's chroma correlated (Pearson) with
/// Temperley's (Kostka–Payne) major and minor profiles, 24 rotations, plus a bass term — the weight
/// of the candidate tonic in the bass of the opening and, less, of the whole file — and a chord term
/// (`ChordEvidence`): how well the file's chords belong to the key, whether the first is its tonic
/// chord and how long the tonic's root sounds. Pitch-class content alone cannot tell a key from its
/// relative or its neighbours when the harmony borrows (i–iv–VII–V has more F than C in C minor);
/// the chord a loop starts on, and the one it dwells on, usually can.
/// Returns nil ("atonal") when the profile fit is poor or the material is noise — drums and noise.
public struct KeyEstimator {
    public struct Configuration: Sendable {
        /// Minimum correlation of the chroma with its best-fitting profile (any of the 24) to report a
        /// key at all, [-1, 1]. Synthetic chord loops fit at 0.72–0.87, drum loops at 0.29–0.63.
        public var minimumCorrelation = 0.68
        /// The minimum correlation when the file holds a chord progression
        /// (`ChordSequence.holdsProgression`): loops of i–VII–VI–V with drums, whose major V is
        /// foreign to the minor profile, fit at 0.61–0.68. No file of the Debian corpus that fits
        /// between the two minimums holds a progression.
        public var minimumProgressionCorrelation = 0.6
        /// Weight of the tonic's share of the opening's bass, and of the whole file's bass, [0, 2].
        public var openingBassWeight = 0.3, bassWeight = 0.1
        /// Weights of the chord evidence, [0, 2]: the chords' fit with the key (`ChordEvidence.fit`),
        /// the first chord being the tonic chord, and the tonic root's share of the time.
        public var chordFitWeight = 0.6, openingChordWeight = 0.4, tonicShareWeight = 0.2
        /// Minimum `Chromagram.tuningCoherence` to report a key, [0, 1]: synthetic chord loops have
        /// 0.61–0.79, drum loops mostly 0.02–0.35 (pitched kicks can reach 0.9, but then their chroma
        /// fits no key profile).
        public var minimumTuningCoherence = 0.45
        /// Spectral flatness above which the material is treated as noise (no key), [0, 1].
        public var maximumFlatness = 0.25
        public init() {}
    }

    public struct Result: Sendable, Equatable, Codable {
        public var tonic: String
        public var mode: MusicalKey.Mode
        public var name: String
        public var camelot: String
        public var openKey: String
        /// Pearson correlation of the chroma with the winning profile, 0 … 1.
        public var confidence: Double
        /// How far the winner's total score is ahead of the runner-up's.
        public var margin: Double
        public let version = AlgorithmVersion.key
        private enum CodingKeys: String, CodingKey { case tonic, mode, name, camelot, openKey, confidence, margin, version }

        public var key: MusicalKey {
            MusicalKey(tonicPitchClass: MusicalKey.pitchClassNames.firstIndex(of: tonic) ?? 0, mode: mode)
        }
    }

    // Temperley (2001), from the Kostka–Payne corpus: how often each degree occurs, tonic first.
    // Unlike Krumhansl–Kessler they favour the raised 7th in minor and penalise chromatic degrees more.
    static let majorProfile = [0.748, 0.060, 0.488, 0.082, 0.670, 0.460, 0.096, 0.715, 0.104, 0.366, 0.057, 0.400]
    static let minorProfile = [0.712, 0.084, 0.474, 0.618, 0.049, 0.460, 0.105, 0.747, 0.404, 0.067, 0.133, 0.330]

    public let configuration: Configuration
    public init(_ configuration: Configuration = .init()) { self.configuration = configuration }

    /// - Parameters:
    ///   - chroma: the whole file's pitch-class profile (index 0 = C), any scale.
    ///   - bass, openingBass: the bass's profiles over the file and over its opening, max 1 (or nil).
    ///   - chords: the file's chords, or nil.
    ///   - tuningCoherence: how tuned the spectral peaks are (`Chromagram.tuningCoherence`), or nil.
    ///   - flatness: spectral flatness, 0 … 1; above `maximumFlatness` there is no key.
    public func estimate(chroma: [Double], bass: [Double]? = nil, openingBass: [Double]? = nil,
                         chords: ChordSequence? = nil, tuningCoherence: Double? = nil, flatness: Double) -> Result? {
        guard chroma.count == 12, (chroma.max() ?? 0) > 0, flatness <= configuration.maximumFlatness,
              (tuningCoherence ?? 1) >= configuration.minimumTuningCoherence else { return nil }
        func share(_ profile: [Double]?, _ tonic: Int) -> Double {
            guard let profile, profile.count == 12, let top = profile.max(), top > 0 else { return 0 }
            return profile[tonic] / top
        }
        let evidence = chords.flatMap(ChordEvidence.init)
        var scores: [(key: MusicalKey, r: Double, total: Double)] = []
        for tonic in 0..<12 {
            let bassTerm = configuration.openingBassWeight * share(openingBass, tonic)
                + configuration.bassWeight * share(bass, tonic)
            for (mode, profile) in [(MusicalKey.Mode.major, KeyEstimator.majorProfile),
                                    (.minor, KeyEstimator.minorProfile)] {
                let key = MusicalKey(tonicPitchClass: tonic, mode: mode)
                let rotated = (0..<12).map { profile[(($0 - tonic) % 12 + 12) % 12] }
                let r = pearson(chroma, rotated)
                let chordTerm = evidence.map {
                    configuration.chordFitWeight * $0.fit(key) + configuration.openingChordWeight * $0.opensOnTonic(key)
                        + configuration.tonicShareWeight * $0.tonicRootShare(key)
                } ?? 0
                scores.append((key, r, r + bassTerm + chordTerm))
            }
        }
        scores.sort { $0.total > $1.total }
        let best = scores[0]
        let minimumFit = chords?.holdsProgression == true
            ? configuration.minimumProgressionCorrelation : configuration.minimumCorrelation
        guard let fit = scores.map(\.r).max(), fit >= minimumFit else { return nil }
        return Result(tonic: best.key.tonicName, mode: best.key.mode, name: best.key.name,
                      camelot: best.key.camelot, openKey: best.key.openKey,
                      confidence: max(0, best.r), margin: best.total - scores[1].total)
    }

    private func pearson(_ a: [Double], _ b: [Double]) -> Double {
        let ma = a.reduce(0, +) / 12, mb = b.reduce(0, +) / 12
        var num = 0.0, da = 0.0, db = 0.0
        for i in 0..<12 {
            num += (a[i] - ma) * (b[i] - mb)
            da += (a[i] - ma) * (a[i] - ma)
            db += (b[i] - mb) * (b[i] - mb)
        }
        return da > 0 && db > 0 ? num / (da * db).squareRoot() : 0
    }
}
