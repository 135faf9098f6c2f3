import Analysis
import Foundation
import Synthesis
import Testing
import TestSupport

/// Family rules (version 4) on synthetic one-shots whose physics is known, analysed end to end.
@Suite("Instrument family of one-shots")
struct FamilyClassifierTests {
    let dir = TemporaryDirectory()

    private func analyze(_ samples: [Float], _ name: String) throws -> AnalysisResult {
        try Analyzer().analyze(path: Fixtures.write(samples, in: dir, name: name))
    }

    /// A cosine (peak at t = 0, so the attack is instant) with an exponential decay of time constant `tau`.
    private func decayingSine(hz: Double, seconds: Double, tau: Double) -> [Float] {
        Signals.sine(hz: hz, seconds: seconds, phase: .pi / 2).enumerated().map { i, v in
            v * Float(exp(-Double(i) / 44100 / tau))
        }
    }

    @Test("the decay of a 41 Hz note is its −20 dB time, not the first block peak near a zero crossing")
    func lowNoteDecay() throws {
        let r = try analyze(decayingSine(hz: 41.2, seconds: 1, tau: 0.2), "decay41.wav")
        // −20 dB after τ·ln 10 = 0.46 s
        #expect(abs(r.envelope.decaySeconds - 0.2 * log(10)) < 0.04, "\(r.envelope.decaySeconds)")
    }

    @Test("a 41 Hz bass note held for 1.5 s is bass, not kick")
    func heldLowBass() throws {
        let r = try analyze(decayingSine(hz: 41.2, seconds: 1.5, tau: 1), "bass41.wav")
        #expect(r.family == .bass)
    }

    @Test("a 200 Hz body plus a band-limited noise burst is a snare")
    func snare() throws {
        var random = SeededRandom(seed: 5)
        let a = Float(1 - exp(-2 * Double.pi * 1500 / 44100))   // one-pole low-pass at 1.5 kHz, twice
        var y1: Float = 0, y2: Float = 0
        let samples: [Float] = (0..<Signals.length(0.3, 44100)).map { i in
            let t = Double(i) / 44100
            y1 += a * (random.nextSigned() - y1)
            y2 += a * (y1 - y2)
            return Float(0.5 * sin(2 * .pi * 200 * t) * exp(-t / 0.04)) + 2.5 * y2 * Float(exp(-t / 0.06))
        }
        let r = try analyze(samples, "snare.wav")
        #expect(r.family == .snare)
    }

    @Test("the demo pack's snare (body under band-limited wires) is a snare")
    func demoSnare() throws {
        #expect(try analyze(Drums.acousticSnare(), "demo-snare.wav").family == .snare)
    }

    @Test("a noise swell that rises for a second and holds is an effect, not a pad")
    func noiseSwell() throws {
        var random = SeededRandom(seed: 11)
        let samples: [Float] = (0..<Signals.length(2.5, 44100)).map { i in
            let t = Double(i) / 44100
            return 0.5 * random.nextSigned() * Float(min(1, t / 1.0))
        }
        let r = try analyze(samples, "swell.wav")
        #expect(r.family == .fx)
    }

    /// White noise through a one-pole high-pass at `highHz` and two one-pole low-passes at `lowHz`, decaying
    /// with time constant `tau`.
    private func bandNoise(seconds: Double, highHz: Double, lowHz: Double, tau: Double, seed: UInt64) -> [Float] {
        var random = SeededRandom(seed: seed)
        let high = Float(exp(-2 * Double.pi * highHz / 44100)), low = Float(1 - exp(-2 * Double.pi * lowHz / 44100))
        var previous: Float = 0, highPassed: Float = 0, lowPassed: Float = 0, lowPassedTwice: Float = 0
        return (0..<Signals.length(seconds, 44100)).map { i in
            let white = random.nextSigned()
            highPassed = high * (highPassed + white - previous)
            previous = white
            lowPassed += low * (highPassed - lowPassed)
            lowPassedTwice += low * (lowPassed - lowPassedTwice)
            return 1.5 * lowPassedTwice * Float(exp(-Double(i) / 44100 / tau))
        }
    }

    @Test("a dark unpitched hit still ringing after 0.4 s, in a 3 s file, is a cymbal, not a snare")
    func darkRingingCymbal() throws {
        let r = try analyze(bandNoise(seconds: 3, highHz: 400, lowHz: 1500, tau: 0.35, seed: 4), "darkride.wav")
        #expect(r.spectral.centroidHz < 2500 && r.envelope.decaySeconds > FamilyClassifier.cymbalMinimumDecaySeconds,
                "centroid \(r.spectral.centroidHz), decay \(r.envelope.decaySeconds)")
        #expect(r.family == .cymbal)
    }

    @Test("a long bright noise that swells for 0.1 s and rings for seconds is a cymbal")
    func crash() throws {
        var random = SeededRandom(seed: 9)
        var previous: Float = 0
        let samples: [Float] = (0..<Signals.length(2.5, 44100)).map { i in
            let t = Double(i) / 44100
            let white = random.nextSigned()
            defer { previous = white }
            return 0.4 * (white - previous) * Float(min(1, t / 0.1) * exp(-max(0, t - 0.1) / 0.6))
        }
        let r = try analyze(samples, "crash.wav")
        #expect(r.family == .cymbal)
    }

    @Test("a 100 Hz membrane hit (pitch falling from 110 Hz, 0.12 s decay) in a 1.2 s file is a tom, not bass")
    func tom() throws {
        var phase = 0.0
        let samples: [Float] = (0..<Signals.length(1.2, 44100)).map { i in
            let t = Double(i) / 44100
            phase += 2 * .pi * (100 + 10 * exp(-t / 0.05)) / 44100
            return Float(0.8 * sin(phase) * exp(-t / 0.12))
        }
        let r = try analyze(samples, "tom.wav")
        #expect(r.family == .tom)
    }

    @Test("one 20 ms sawtooth cycle is an oscillator shape (lead/synth), not a kick")
    func singleCycle() throws {
        let n = Signals.length(0.02, 44100)
        let samples = (0..<n).map { Float(0.8 * (2 * Double($0) / Double(n) - 1)) }
        let r = try analyze(samples, "cycle.wav")
        #expect(r.family == .leadSynth)
    }

    @Test("the synthetic 808 kick stays a kick")
    func kick() throws {
        #expect(try analyze(Drums.kick(), "kick.wav").family == .kick)
    }
}
