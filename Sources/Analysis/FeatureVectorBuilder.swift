import Foundation

/// Fills the feature-vector slots from the descriptor results, in `FeatureVector.names` order.
enum FeatureVectorBuilder {
    static func build(duration: Double, level: LevelMeter.Result, loudness: LoudnessMeter.Result,
                      spectral: SpectralShape.Result, mfcc: MFCC.Result, envelope: EnvelopeAnalyzer.Result,
                      onsets: OnsetDetector.Result, tempo: TempoEstimator.Result?,
                      pitch: PitchEstimator.Result?, key: KeyEstimator.Result?, chroma: [Double]) -> FeatureVector {
        var v: [Double] = [
            log(duration + 1e-3), level.peakDBFS, level.rmsDBFS, level.crestDB,
            loudness.integratedLUFS ?? -70, loudness.rangeLU,
            log(spectral.centroidHz + 1), log(spectral.rolloffHz + 1), spectral.flatness,
            log(spectral.bandwidthHz + 1), spectral.zeroCrossingRate,
        ]
        v += mfcc.mean
        v += mfcc.std
        v += [log(envelope.attackSeconds + 1e-3), log(envelope.decaySeconds + 1e-3),
              duration > 0 ? envelope.temporalCentroidSeconds / duration : 0, onsets.rate,
              tempo?.bpm ?? 0, tempo?.confidence ?? 0, Double(pitch?.midi ?? 0), pitch?.confidence ?? 0,
              key?.confidence ?? 0]
        v += chroma.count == 12 ? chroma : Array(repeating: 0, count: 12)
        return FeatureVector(values: v.map(Float.init))
    }
}
