/// The version of each descriptor's algorithm. Bump one when its output changes, so stored
/// results of the old version are recognised as stale and only those rows are re-analysed.
public enum AlgorithmVersion {
    public static let level = 1
    public static let loudness = 1
    public static let spectral = 1
    public static let mfcc = 1
    public static let envelope = 2
    public static let onsets = 4
    public static let tempo = 25
    public static let key = 4
    public static let pitch = 8
    public static let kind = 11
    public static let family = 4

    /// Every descriptor's version by name, as printed in JSON.
    public static var all: [String: Int] {
        ["level": level, "loudness": loudness, "spectral": spectral, "mfcc": mfcc, "envelope": envelope,
         "onsets": onsets, "tempo": tempo, "key": key, "pitch": pitch, "kind": kind, "family": family,
         "features": FeatureVector.version]
    }
}

extension AlgorithmVersion {
    /// All versions in one comparable string ("envelope1-family1-…"): a stored analysis whose
    /// stamp differs is stale and gets re-analysed.
    public static var stamp: String {
        all.sorted { $0.key < $1.key }.map { "\($0.key)\($0.value)" }.joined(separator: "-")
    }
}
