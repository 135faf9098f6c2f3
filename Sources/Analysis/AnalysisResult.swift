import AudioIO

/// Everything SampleMind measures about one audio file.
public struct AnalysisResult: Sendable, Codable {
    public var path: String
    public var format: AudioFormat
    public var durationSeconds: Double
    public var level: LevelMeter.Result
    public var loudness: LoudnessMeter.Result
    public var spectral: SpectralShape.Result
    public var mfcc: MFCC.Result
    public var envelope: EnvelopeAnalyzer.Result
    public var onsets: OnsetDetector.Result
    /// Nil for one-shots and material with no periodic onsets.
    public var tempo: TempoEstimator.Result?
    /// Pitch-class profile, index 0 = C, maximum 1.
    public var chroma: [Double]
    /// Nil ("atonal") for drums and noise.
    public var key: KeyEstimator.Result?
    /// Nil ("none") for noise, drums and chords.
    public var pitch: PitchEstimator.Result?
    public var kind: SampleKind
    public var kindConfidence: Double
    public var family: InstrumentFamily
    public var features: FeatureVector
    /// Algorithm version of every descriptor.
    public var versions: [String: Int]
    /// Wall-clock analysis time, seconds.
    public var analysisSeconds: Double
}

extension AnalysisResult {
    private enum CodingKeys: String, CodingKey {
        case path, format, durationSeconds, level, loudness, spectral, mfcc, envelope, onsets, tempo, chroma, key
        case pitch, kind, kindConfidence, family, features, versions, analysisSeconds
    }

    /// Encodes absent estimates as explicit `null` so every JSON object has the same keys.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(path, forKey: .path)
        try c.encode(format, forKey: .format)
        try c.encode(durationSeconds, forKey: .durationSeconds)
        try c.encode(level, forKey: .level)
        try c.encode(loudness, forKey: .loudness)
        try c.encode(spectral, forKey: .spectral)
        try c.encode(mfcc, forKey: .mfcc)
        try c.encode(envelope, forKey: .envelope)
        try c.encode(onsets, forKey: .onsets)
        try c.encode(tempo, forKey: .tempo)
        try c.encode(chroma, forKey: .chroma)
        try c.encode(key, forKey: .key)
        try c.encode(pitch, forKey: .pitch)
        try c.encode(kind, forKey: .kind)
        try c.encode(kindConfidence, forKey: .kindConfidence)
        try c.encode(family, forKey: .family)
        try c.encode(features, forKey: .features)
        try c.encode(versions, forKey: .versions)
        try c.encode(analysisSeconds, forKey: .analysisSeconds)
    }
}
