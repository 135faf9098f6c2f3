import Analysis
import Foundation
import Synthesis
import Testing
import TestSupport

@Suite("Pitch of tonal one-shots: note, cents, octave")
struct PitchEstimatorTests {
    let dir = TemporaryDirectory()

    @Test("a note detuned by +27 cents is A3 +27 c")
    func detuned() throws {
        let p = try analyzedPitch(Signals.tone(midi: 57.27, seconds: 1, amplitude: 0.5), in: dir,
                                  name: "detuned.wav")
        #expect(p.note == "A3")
        #expect(abs(p.cents - 27) < 5)
        #expect(p.confidence > 0.8)
    }

    @Test("sample rates that put the longest lag on a power of two (a fuzzed AIFF crashed here) still give the pitch",
          arguments: [30_660, 61_380, 15_300])
    func lagOnPowerOfTwo(sampleRate: Int) throws {
        let tone = Signals.tone(midi: 57, seconds: 1, sampleRate: sampleRate, amplitude: 0.5)
        let p = try #require(PitchEstimator().estimate(segment: tone, sampleRate: sampleRate))
        #expect(p.note == "A3")
    }

    @Test("a pure sine bass at 41.2 Hz (E1) is E1, not an octave up")
    func bass41() throws {
        let p = try analyzedPitch(Signals.tone(midi: 28, seconds: 1.5, amplitude: 0.6, partials: 1), in: dir,
                                  name: "e1.wav")
        #expect(p.note == "E1")
        #expect(abs(p.cents) < 10)
    }

    @Test("notes above C7, up to C8 (4186 Hz), read their pitch and not an octave below",
          arguments: [(97.6, 8), (99.3, 8), (103.0, 1), (107.8, 1)])
    func topOctave(midi: Double, partials: Int) throws {
        let p = try analyzedPitch(Signals.tone(midi: midi, seconds: 1, amplitude: 0.5, partials: partials), in: dir,
                                  name: "high.wav")
        let error = p.centsOff(midi: midi)
        #expect(abs(error) < 25, "\(p.note) \(p.cents) c, \(error) c off")
    }

    @Test("a tone with a weak fundamental keeps its pitch (no octave error upwards)")
    func weakFundamental() throws {
        let f0 = Signals.hz(midi: 45)
        let samples: [Float] = (0..<44100).map { i in
            let t = Double(i) / 44100
            var v = 0.1 * sin(2 * Double.pi * f0 * t)
            for k in 2...6 { v += sin(2 * Double.pi * Double(k) * f0 * t) / Double(k) }
            return Float(0.4 * v * exp(-t / 0.6))
        }
        let p = try analyzedPitch(samples, in: dir, name: "weak.wav")
        #expect(p.midi == 45, "got \(p.note) \(p.cents)")
    }

    @Test("MIDI, cents and note name are consistent for any frequency", arguments: [30.0, 41.2, 261.63, 1000, 2000])
    func naming(hz: Double) {
        let r = PitchEstimator.Result(hz: hz, confidence: 1)
        let back = 440 * pow(2, (Double(r.midi) + r.cents / 100 - 69) / 12)
        #expect(abs(back / hz - 1) < 1e-9)
        #expect(abs(r.cents) <= 50)
    }
}
