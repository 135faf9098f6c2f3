import Analysis
import Foundation
import Synthesis
import Testing
import TestSupport

/// The octave a listener hears when the signal's period is not the note's (issue 8).
@Suite("Pitch octave: FM bells, weak fundamentals, square waves")
struct PitchOctaveTests {
    let dir = TemporaryDirectory()

    /// A decaying one-shot: `partial(k)` is the amplitude of harmonic k, `t` in seconds.
    private func note(midi: Double, seconds: Double = 1.2, _ value: (Double, Double) -> Double) -> [Float] {
        let f0 = Signals.hz(midi: midi)
        return (0..<Signals.length(seconds, 44100)).map { i in
            let t = Double(i) / 44100
            return Float(0.4 * min(1, t / 0.005) * exp(-t / (seconds / 2.5)) * value(f0, t))
        }
    }

    @Test("an FM bell whose partials are all multiples of f0/2 (modulator n + ½ times the carrier) reads f0, not an octave below",
          arguments: [(45.0, 3.5), (62.3, 3.5), (86.0, 3.5), (52.0, 4.5), (79.0, 5.5)])
    func fmBell(midi: Double, ratio: Double) throws {
        let samples = note(midi: midi) { f0, t in
            sin(2 * Double.pi * f0 * t + 2 * exp(-t / 0.4) * sin(2 * Double.pi * ratio * f0 * t))
        }
        let p = try analyzedPitch(samples, in: dir, name: "bell.wav")
        let error = p.centsOff(midi: midi)
        #expect(abs(error) < 25, "\(p.note) \(p.cents) c, \(error) c off")
        #expect(p.confidence > 0.5)
    }

    @Test("an FM bell below 60 Hz, whose period 2/f is longer than the lowest searched (30 Hz), still reads f",
          arguments: [(28.0, 3.5), (31.0, 4.5), (34.0, 3.5)])
    func lowFmBell(midi: Double, ratio: Double) throws {
        let samples = note(midi: midi, seconds: 2) { f0, t in
            sin(2 * Double.pi * f0 * t + 2 * exp(-t / 0.4) * sin(2 * Double.pi * ratio * f0 * t))
        }
        let p = try analyzedPitch(samples, in: dir, name: "lowbell.wav")
        let error = p.centsOff(midi: midi)
        #expect(abs(error) < 25, "\(p.note) \(p.cents) c, \(error) c off")
    }

    @Test("a saw bass with a weak or missing fundamental keeps its pitch (harmonics 2, 3, 4 … carry it)",
          arguments: [(31.0, 0.1), (36.0, 0.0), (43.0, 0.05)])
    func weakFundamentalBass(midi: Double, fundamental: Double) throws {
        let samples = note(midi: midi) { f0, t in
            (2...12).reduce(fundamental * sin(2 * Double.pi * f0 * t)) { $0 + sin(2 * Double.pi * Double($1) * f0 * t) / Double($1) }
        }
        let p = try analyzedPitch(samples, in: dir, name: "bass.wav")
        #expect(p.midi == Int(midi), "got \(p.note) \(p.cents) c")
    }

    @Test("a square wave (no even harmonics) keeps its pitch", arguments: [24.0, 28.0, 47.0, 69.0, 90.0])
    func squareWave(midi: Double) throws {
        let samples = note(midi: midi) { f0, t in
            stride(from: 1, to: 40, by: 2).reduce(0.0) { sum, k in
                Double(k) * f0 < 20_000 ? sum + sin(2 * Double.pi * Double(k) * f0 * t) / Double(k) : sum
            }
        }
        let p = try analyzedPitch(samples, in: dir, name: "square.wav")
        #expect(p.midi == Int(midi), "got \(p.note) \(p.cents) c")
    }
}
