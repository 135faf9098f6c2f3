import Foundation

/// The named, versioned vector of numbers that later feeds similarity search. Raw (not yet
/// normalised over a library); every slot is finite.
public struct FeatureVector: Sendable, Equatable, Codable {
    /// Bump when a slot is added, removed or computed differently.
    public static let version = 1

    /// Slot names, in order.
    public static let names: [String] = {
        var names = ["duration_log", "peak_dbfs", "rms_dbfs", "crest_db", "loudness_lufs", "loudness_range_lu",
                     "centroid_log_hz", "rolloff_log_hz", "flatness", "bandwidth_log_hz", "zcr"]
        names += (0..<MFCC.coefficientCount).map { "mfcc\($0)_mean" }
        names += (0..<MFCC.coefficientCount).map { "mfcc\($0)_std" }
        names += ["attack_log_s", "decay_log_s", "temporal_centroid_ratio", "onset_rate",
                  "tempo_bpm", "tempo_confidence", "pitch_midi", "pitch_confidence", "key_confidence"]
        names += MusicalKey.pitchClassNames.map { "chroma_\($0)" }
        return names
    }()

    public var version: Int
    public var values: [Float]

    public init(values: [Float]) {
        precondition(values.count == FeatureVector.names.count)
        version = FeatureVector.version
        self.values = values.map { $0.isFinite ? $0 : 0 }
    }

    /// The value of a named slot.
    public subscript(name: String) -> Float? {
        FeatureVector.names.firstIndex(of: name).map { values[$0] }
    }
}
