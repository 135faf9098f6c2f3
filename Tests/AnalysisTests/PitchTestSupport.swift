import Analysis
import Foundation
import Testing
import TestSupport

/// The pitch `Analyzer` reads from `samples` written to `dir` as `name`; the test fails when it reads none.
func analyzedPitch(_ samples: [Float], in dir: TemporaryDirectory, name: String) throws -> PitchEstimator.Result {
    try #require(try Analyzer().analyze(path: Fixtures.write(samples, in: dir, name: name)).pitch)
}

extension PitchEstimator.Result {
    /// How far the reading lies from `midi` (fractional for a detuned note), in cents.
    func centsOff(midi: Double) -> Double { (69 + 12 * log2(hz / 440) - midi) * 100 }
}
