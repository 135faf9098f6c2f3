import Analysis
import Foundation
import Synthesis
import Testing
import TestSupport

@Suite("Loudness after ITU-R BS.1770-4 / EBU R128")
struct LoudnessTests {
    let dir = TemporaryDirectory()

    /// EBU Tech 3341 (2016), test cases 1 and 2: stereo 1 kHz sine at −23 / −33 dBFS, 20 s → −23.0 / −33.0 LUFS ±0.1.
    @Test("EBU Tech 3341 cases 1–2: stereo 1 kHz sine at −23 and −33 dBFS", arguments: [-23.0, -33.0])
    func tech3341(level: Double) throws {
        let sine = Signals.sine(hz: 1000, seconds: 20, sampleRate: 48000, amplitude: Fixtures.amplitude(dBFS: level))
        let path = try Fixtures.writeStereo(sine, in: dir, name: "tech3341.wav", sampleRate: 48000)
        let result = try Analyzer().analyze(path: path)
        let lufs = try #require(result.loudness.integratedLUFS)
        #expect(abs(lufs - level) <= 0.1)
    }

    @Test("a mono file counts one channel: 1 kHz at −23 dBFS is 3 dB quieter than stereo")
    func monoIsOneChannel() throws {
        let sine = Signals.sine(hz: 1000, seconds: 5, sampleRate: 48000, amplitude: Fixtures.amplitude(dBFS: -23))
        let path = try Fixtures.write(sine, in: dir, name: "mono.wav", sampleRate: 48000)
        let lufs = try #require(try Analyzer().analyze(path: path).loudness.integratedLUFS)
        #expect(abs(lufs - (-26.01)) <= 0.1)
    }

    @Test("44.1 kHz K-weighting gives the same answer as 48 kHz")
    func otherSampleRate() throws {
        let sine = Signals.sine(hz: 1000, seconds: 5, sampleRate: 44100, amplitude: Fixtures.amplitude(dBFS: -23))
        let path = try Fixtures.writeStereo(sine, in: dir, name: "441.wav", sampleRate: 44100)
        let lufs = try #require(try Analyzer().analyze(path: path).loudness.integratedLUFS)
        #expect(abs(lufs - (-23)) <= 0.1)
    }

    @Test("a file shorter than one 400 ms block is measured over its own length")
    func shortFile() throws {
        let sine = Signals.sine(hz: 1000, seconds: 0.2, sampleRate: 48000, amplitude: Fixtures.amplitude(dBFS: -23))
        let path = try Fixtures.writeStereo(sine, in: dir, name: "short.wav", sampleRate: 48000)
        let lufs = try #require(try Analyzer().analyze(path: path).loudness.integratedLUFS)
        // The K-weighting filters start from rest, so a few ms of settling cost a little energy.
        #expect(abs(lufs - (-23)) <= 0.3)
    }

    @Test("silence has no loudness (nil), not −inf")
    func silence() throws {
        let path = try Fixtures.write(Signals.silence(seconds: 1), in: dir, name: "silent.wav")
        let result = try Analyzer().analyze(path: path)
        #expect(result.loudness.integratedLUFS == nil)
        #expect(result.loudness.truePeakDBTP.isFinite)
    }

    @Test("a step from −36 to −16 dBFS has a loudness range near 20 LU (EBU Tech 3342 case 2 style)")
    func loudnessRange() throws {
        let quiet = Signals.sine(hz: 1000, seconds: 20, sampleRate: 48000, amplitude: Fixtures.amplitude(dBFS: -36))
        let loud = Signals.sine(hz: 1000, seconds: 20, sampleRate: 48000, amplitude: Fixtures.amplitude(dBFS: -16))
        let path = try Fixtures.writeStereo(quiet + loud, in: dir, name: "lra.wav", sampleRate: 48000)
        let range = try Analyzer().analyze(path: path).loudness.rangeLU
        #expect(abs(range - 20) <= 1)
    }

    @Test("true peak of a full-scale sine at fs/4 with 45° phase exceeds its sample peak")
    func truePeakFindsIntersamplePeak() throws {
        // Samples fall at ±0.707 of the waveform's peak: sample peak −3 dB, true peak 0 dB.
        let sine = Signals.sine(hz: 12000, seconds: 1, sampleRate: 48000, amplitude: 1.0, phase: Double.pi / 4)
        let path = try Fixtures.write(sine, in: dir, name: "tp.wav", sampleRate: 48000)
        let result = try Analyzer().analyze(path: path)
        #expect(abs(result.level.peakDBFS - (-3.01)) < 0.05)
        #expect(result.loudness.truePeakDBTP > -0.6)
        #expect(result.loudness.truePeakDBTP < 0.3)
    }
}
