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
