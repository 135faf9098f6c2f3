import Analysis
import Foundation
import Synthesis
import Testing
import TestSupport

@Suite("Level, spectral shape, MFCC and envelope")
struct SpectralTests {
    let dir = TemporaryDirectory()

    @Test("a 1 kHz sine: centroid 1 kHz, level −6 dBFS peak, −9 dBFS RMS, pitch 1 kHz")
    func sine1k() throws {
        let path = try Fixtures.write(Signals.sine(hz: 1000, seconds: 1, amplitude: 0.5), in: dir, name: "1k.wav")
        let r = try Analyzer().analyze(path: path)
        // centroid of a pure tone is its frequency (the Hann window's leakage is symmetric)
        #expect(abs(r.spectral.centroidHz - 1000) < 15)
        #expect(abs(r.level.peakDBFS - (-6.02)) < 0.01)
        #expect(abs(r.level.rmsDBFS - (-9.03)) < 0.01)
        #expect(abs(r.level.crestDB - 3.01) < 0.02)
        // 2 crossings per period
        #expect(abs(r.spectral.zeroCrossingRate - 2000.0 / 44100) < 0.001)
        let pitch = try #require(r.pitch)
        #expect(abs(pitch.hz - 1000) < 1)
        #expect(pitch.note == "B5")   // 1000 Hz = B5 +21 cents
        #expect(abs(pitch.cents - 21.3) < 2)
        #expect(r.kind == .oneshot)
    }

    @Test("white noise is flatter than pink noise, and both flatter than a sine")
    func flatnessOrdering() throws {
        let white = try Analyzer().analyze(path: Fixtures.write(Signals.whiteNoise(seconds: 2), in: dir, name: "w.wav"))
        let pink = try Analyzer().analyze(path: Fixtures.write(Signals.pinkNoise(seconds: 2), in: dir, name: "p.wav"))
        let sine = try Analyzer().analyze(path: Fixtures.write(Signals.sine(hz: 440, seconds: 2), in: dir, name: "s.wav"))
        #expect(white.spectral.flatness > pink.spectral.flatness)
        #expect(pink.spectral.flatness > sine.spectral.flatness)
        #expect(white.spectral.flatness > 0.5)
        // a pink spectrum puts its centroid far lower than white noise's (Nyquist/2)
        #expect(pink.spectral.centroidHz < white.spectral.centroidHz / 2)
        #expect(abs(white.spectral.centroidHz - 11025) < 600)
        #expect(white.pitch == nil && white.key == nil, "noise has neither pitch nor key")
    }

    @Test("an impulse has an attack time of (nearly) zero; a 200 ms fade-in has about 160 ms (10 %→90 %)")
    func attackTime() throws {
        let impulse = try Analyzer().analyze(path: Fixtures.write(
            Signals.impulse(atSeconds: 0.1, seconds: 0.5), in: dir, name: "impulse.wav"))
        #expect(impulse.envelope.attackSeconds < 0.002)
        var ramp = Signals.sine(hz: 440, seconds: 1)
        let rampLength = Signals.length(0.2, 44100)
        for i in 0..<rampLength { ramp[i] *= Float(i) / Float(rampLength) }
        let faded = try Analyzer().analyze(path: Fixtures.write(ramp, in: dir, name: "ramp.wav"))
        #expect(abs(faded.envelope.attackSeconds - 0.16) < 0.01)
    }

    @Test("silence at the head and tail is measured")
    func headAndTailSilence() throws {
        let signal = Signals.silence(seconds: 0.25) + Signals.sine(hz: 440, seconds: 0.5) + Signals.silence(seconds: 0.75)
        let r = try Analyzer().analyze(path: Fixtures.write(signal, in: dir, name: "padded.wav"))
        #expect(abs(r.level.silenceHeadSeconds - 0.25) < 0.001)
        #expect(abs(r.level.silenceTailSeconds - 0.75) < 0.001)
    }

    @Test("a constant offset shows as DC offset")
    func dcOffset() throws {
        let signal = Signals.sine(hz: 440, seconds: 1).map { $0 + 0.1 }
        let r = try Analyzer().analyze(path: Fixtures.write(signal, in: dir, name: "dc.wav"))
        #expect(abs(r.level.dcOffset - 0.1) < 0.001)
    }

    @Test("MFCC 0 is louder for a louder sound; every feature slot is named and finite")
    func mfccAndFeatures() throws {
        let quiet = try Analyzer().analyze(path: Fixtures.write(Signals.whiteNoise(seconds: 1, amplitude: 0.05), in: dir, name: "q.wav"))
        let loud = try Analyzer().analyze(path: Fixtures.write(Signals.whiteNoise(seconds: 1, amplitude: 0.5), in: dir, name: "l.wav"))
        #expect(loud.mfcc.mean[0] > quiet.mfcc.mean[0] + 50)
        #expect(loud.mfcc.mean.count == 13 && loud.mfcc.std.count == 13)
        #expect(loud.features.values.count == FeatureVector.names.count)
        #expect(loud.features.values.allSatisfy { $0.isFinite })
        #expect(Set(FeatureVector.names).count == FeatureVector.names.count)
    }
}
