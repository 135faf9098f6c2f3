import Analysis
import Foundation
import Testing
import TestSupport

/// The analysis of `samples` written to `dir` as `name`, and its tempo; the test fails when it has none.
func analyzedTempo(_ samples: [Float], in dir: TemporaryDirectory, name: String) throws
    -> (AnalysisResult, TempoEstimator.Result) {
    let result = try Analyzer().analyze(path: Fixtures.write(samples, in: dir, name: name))
    return (result, try #require(result.tempo, "\(name) has no tempo (kind \(result.kind))"))
}

/// A file's tempo inputs as the analysis measured them (onset envelope and frame RMS at 44.1 kHz with a
/// 512-sample hop, onset times, duration and silent tail), recorded so a test can replay them through
/// `TempoEstimator` where a synthetic signal does not reproduce the case.
struct RecordedTempoInputs {
    static let framesPerSecond = 44100.0 / 512
    var envelope: [Float], frameRMS: [Float], onsetTimes: [Double]
    var durationSeconds: Double, trailingSilenceSeconds: Double

    /// What `estimator` reads from these inputs.
    func estimate(_ estimator: TempoEstimator = TempoEstimator(), harmonic: Bool = false) -> TempoEstimator.Result? {
        estimator.estimate(envelope: envelope, frameRMS: frameRMS, framesPerSecond: Self.framesPerSecond,
                           durationSeconds: durationSeconds, trailingSilenceSeconds: trailingSilenceSeconds,
                           harmonic: harmonic, onsetTimes: onsetTimes)
    }
}
