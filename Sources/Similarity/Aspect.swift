import Analysis

/// The named groups of the similarity embedding, each an explainable part of "sounds like".
public enum Aspect: String, CaseIterable, Sendable, Codable {
    case timbre, spectrum, pitch, envelope, rhythm

    /// Feature-vector slots of this aspect.
    public var slotNames: [String] {
        switch self {
        case .timbre:
            return (0..<MFCC.coefficientCount).map { "mfcc\($0)_mean" } + (0..<MFCC.coefficientCount).map { "mfcc\($0)_std" }
        case .spectrum:
            return ["centroid_log_hz", "rolloff_log_hz", "flatness", "bandwidth_log_hz", "zcr"]
        case .pitch:
            return MusicalKey.pitchClassNames.map { "chroma_\($0)" } + ["pitch_midi", "pitch_confidence", "key_confidence"]
        case .envelope:
            return ["attack_log_s", "decay_log_s", "temporal_centroid_ratio", "crest_db", "loudness_lufs", "peak_dbfs",
                    "rms_dbfs", "duration_log", "loudness_range_lu"]
        case .rhythm:
            return ["onset_rate", "tempo_bpm", "tempo_confidence"]
        }
    }
}

/// How the embedding is laid out: the feature-vector slots regrouped so each aspect is one
/// contiguous range, each range padded with zeros to a multiple of 4 so the search runs on
/// SIMD4 lanes. Versioned with the feature vector it reads.
public struct EmbeddingLayout: Sendable {
    /// Bump when the grouping or normalisation changes.
    public static let version = 1
    public static let standard = EmbeddingLayout()

    /// For each embedding dimension, the feature-vector slot it comes from (−1: padding, always 0).
    public let sourceSlots: [Int]
    /// The dimension range of each aspect, in `Aspect.allCases` order.
    public let ranges: [Range<Int>]
    public var dimensions: Int { sourceSlots.count }

    init() {
        var slots: [Int] = []
        var ranges: [Range<Int>] = []
        for aspect in Aspect.allCases {
            let start = slots.count
            slots += aspect.slotNames.map { FeatureVector.names.firstIndex(of: $0)! }
            while slots.count % 4 != 0 { slots.append(-1) }
            ranges.append(start..<slots.count)
        }
        sourceSlots = slots
        self.ranges = ranges
    }

    /// The raw (not normalised) embedding of a feature vector, or nil when it has NaN/inf.
    public func embed(_ features: [Float]) -> [Float]? {
        guard features.count == FeatureVector.names.count, features.allSatisfy({ $0.isFinite }) else { return nil }
        return sourceSlots.map { $0 >= 0 ? features[$0] : 0 }
    }
}
