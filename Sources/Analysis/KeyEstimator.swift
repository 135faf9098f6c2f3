import Foundation

/// Key from a chroma vector by correlation with the Krumhansl–Kessler major and minor profiles
/// (24 rotations). Returns nil ("atonal") when no profile fits well enough — drums and noise.
public struct KeyEstimator {
    public struct Configuration: Sendable {
        /// Minimum Pearson correlation with the best profile to report a key, [-1, 1].
        public var minimumCorrelation = 0.6
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
        /// Pearson correlation with the winning profile, 0 … 1.
        public var confidence: Double
        /// How far the winner is ahead of the runner-up (correlation difference).
        public var margin: Double
        public let version = AlgorithmVersion.key
        private enum CodingKeys: String, CodingKey { case tonic, mode, name, camelot, openKey, confidence, margin, version }

        public var key: MusicalKey {
            MusicalKey(tonicPitchClass: MusicalKey.pitchClassNames.firstIndex(of: tonic) ?? 0, mode: mode)
        }
    }

    // Krumhansl & Kessler (1982) probe-tone ratings, tonic first.
    static let majorProfile = [6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88]
    static let minorProfile = [6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17]

    public let configuration: Configuration
    public init(_ configuration: Configuration = .init()) { self.configuration = configuration }

    public func estimate(chroma: [Double], flatness: Double) -> Result? {
        guard chroma.count == 12, (chroma.max() ?? 0) > 0, flatness <= configuration.maximumFlatness else { return nil }
        var scores: [(key: MusicalKey, r: Double)] = []
        for tonic in 0..<12 {
            for (mode, profile) in [(MusicalKey.Mode.major, KeyEstimator.majorProfile),
                                    (.minor, KeyEstimator.minorProfile)] {
                let rotated = (0..<12).map { profile[(($0 - tonic) % 12 + 12) % 12] }
                scores.append((MusicalKey(tonicPitchClass: tonic, mode: mode), pearson(chroma, rotated)))
            }
        }
        scores.sort { $0.r > $1.r }
        let best = scores[0]
        guard best.r >= configuration.minimumCorrelation else { return nil }
        return Result(tonic: best.key.tonicName, mode: best.key.mode, name: best.key.name,
                      camelot: best.key.camelot, openKey: best.key.openKey,
                      confidence: best.r, margin: best.r - scores[1].r)
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
