@testable import Analysis
import Foundation
import Synthesis
import Testing
import TestSupport

/// Notes without one period (issue 8): a pitch that glides into place, and inharmonic partials.
@Suite("Pitch of gliding and inharmonic notes: 808s, kicks, struck bars")
struct PitchSettlingTests {
    let dir = TemporaryDirectory()

    /// An 808: a sine whose frequency falls from `start` times the note's to the note's with time constant
    /// `sweep` (seconds), driven into tanh, decaying over `seconds`.
    private func eightOhEight(midi: Double, start: Double, sweep: Double, seconds: Double = 1.2) -> [Float] {
        let hz = Signals.hz(midi: midi)
        var phase = 0.0
        return (0..<Signals.length(seconds, 44100)).map { i in
            let t = Double(i) / 44100
            phase += 2 * Double.pi * hz * (1 + (start - 1) * exp(-t / sweep)) / 44100
            return Float(0.8 * min(1, t / 0.005) * tanh(2 * sin(phase)) * exp(-t / (seconds / 2.5)))
        }
    }

    /// Falls of an octave or more over 30–50 ms, as bench/make_timbre_valset.py draws them: four of these
    /// five read 39–86 cents sharp while the pitch was the median of frames taken during the fall.
    @Test("an 808 whose pitch falls into its note reads the note it settles on",
          arguments: [(40.0, 2.0, 0.04), (48.0, 2.0, 0.04), (31.2, 2.0, 0.04), (45.5, 3.0, 0.03), (28.0, 2.5, 0.05)])
    func eightOhEightSettles(midi: Double, start: Double, sweep: Double) throws {
        let p = try analyzedPitch(eightOhEight(midi: midi, start: start, sweep: sweep), in: dir, name: "808.wav")
        #expect(abs(p.centsOff(midi: midi)) < 25, "\(p.note) \(p.cents) c, \(p.centsOff(midi: midi)) c off")
    }

    /// A free bar's partials (1, 2.76, 5.40 and 8.93 times the fundamental, the upper ones dying faster): the
    /// period that best fits them is about 90 cents flat of the fundamental, which is what the bar is tuned to.
    @Test("a struck bar reads its fundamental partial, not the period its inharmonic partials pull flat",
          arguments: [36.13, 42.29, 54.29, 66.26, 87.17])
    func struckBar(midi: Double) throws {
        let f0 = Signals.hz(midi: midi)
        let partials: [(ratio: Double, amplitude: Double, decay: Double)] =
            [(1, 1, 1.0), (2.76, 0.5, 0.4), (5.40, 0.3, 0.2), (8.93, 0.2, 0.1)]
        let samples: [Float] = (0..<Signals.length(1.5, 44100)).map { i in
            let t = Double(i) / 44100
            let v = partials.filter { $0.ratio * f0 < 20_000 }
                .reduce(0.0) { $0 + $1.amplitude * sin(2 * Double.pi * $1.ratio * f0 * t) * exp(-t / $1.decay) }
            return Float(0.4 * min(1, t / 0.005) * v)
        }
        let p = try analyzedPitch(samples, in: dir, name: "bar.wav")
        #expect(abs(p.centsOff(midi: midi)) < 25, "\(p.note) \(p.cents) c, \(p.centsOff(midi: midi)) c off")
    }

    @Test("a lead with ±20 cent vibrato reads its centre pitch: a pitch that moves both ways is no glide",
          arguments: [45.0, 57.0, 69.0])
    func vibrato(midi: Double) throws {
        let hz = Signals.hz(midi: midi)
        var phase = 0.0
        let samples: [Float] = (0..<Signals.length(1.5, 44100)).map { i in
            let t = Double(i) / 44100
            phase += 2 * Double.pi * hz * pow(2, 0.2 / 12 * sin(2 * Double.pi * 5.5 * t)) / 44100
            return Float(0.3 * min(1, t / 0.005) * (sin(phase) + 0.5 * sin(2 * phase) + 0.33 * sin(3 * phase)))
        }
        let p = try analyzedPitch(samples, in: dir, name: "vibrato.wav")
        #expect(abs(p.centsOff(midi: midi)) < 25, "\(p.note) \(p.cents) c, \(p.centsOff(midi: midi)) c off")
    }

    @Test("a glide settles where its last frames are; a jump between period candidates or a small drift is none")
    func settledPitch() throws {
        let estimator = PitchEstimator()
        let fall = [109.4, 97.8, 90.7, 87.1, 85.0, 83.8, 83.2, 82.8, 82.6, 82.5]   // an 808 at 82.36 Hz
        let settled = try #require(estimator.settledPitch(fall))
        #expect(abs(settled - 82.36) < 0.05, "\(settled)")                          // extrapolated past 82.5
        #expect(estimator.settledPitch(Array(fall.reversed())) == 97.8)              // a rise, steps growing: last 3
        #expect(estimator.settledPitch([199, 199, 199, 199, 199, 199, 426.8, 422.7, 417.7, 410]) == nil)   // FM bell
        let drift = [100, 100.4, 100.8, 101.2, 101.6, 102, 102.4, 102.6]   // 44 cents, halves 27 apart
        #expect(estimator.settledPitch(drift) == nil)
        #expect(estimator.settledPitch([100, 97, 94, 91, 93, 90, 88, 86]) == nil)   // back up by 38 cents: not one way
        #expect(estimator.settledPitch([100, 95, 90]) == nil)                        // too few frames to tell
    }

    @Test("a glide still moving at the last frame is extrapolated to its end, by at most 50 cents")
    func extrapolatedEnd() throws {
        let estimator = PitchEstimator()
        // 100 Hz approached from 150 with a time constant of 3 frames: 101.8 Hz at the last frame
        let slow = (0..<10).map { 100 * (1 + 0.5 * exp(-Double($0) / 3)) }
        let end = try #require(estimator.extrapolatedEnd(slow))
        #expect(abs(end - 100) < 0.01, "\(end)")
        // from 200, time constant 8 frames: the end lies 487 cents below the last frame; 50 are taken
        let slower = (0..<10).map { 100 * (1 + exp(-Double($0) / 8)) }
        let capped = try #require(estimator.extrapolatedEnd(slower))
        #expect(abs(1200 * log2(slower[9] / capped) - 50) < 0.01)
        #expect(estimator.extrapolatedEnd([100, 101, 101, 100.5, 100.4]) == nil)   // turns: no approach
        #expect(estimator.extrapolatedEnd([100, 99, 98, 97, 96]) == nil)           // steady steps: no end in sight
    }
}
