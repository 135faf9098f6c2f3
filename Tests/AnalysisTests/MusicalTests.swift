import Analysis
import Foundation
import Synthesis
import Testing
import TestSupport

@Suite("Tempo, key, pitch, type and family")
struct MusicalTests {
    let dir = TemporaryDirectory()

    @Test("a click train at 120 BPM is a loop at 120 BPM with 60 and 240 among the alternatives")
    func clickTrain() throws {
        let path = try Fixtures.write(Signals.clickTrain(bpm: 120, seconds: 8), in: dir, name: "clicks.wav")
        let r = try Analyzer().analyze(path: path)
        #expect(r.kind == .loop)
        let tempo = try #require(r.tempo)
        #expect(abs(tempo.bpm - 120) < 0.5)
        #expect(Set(tempo.alternatives.map { $0.bpm.rounded() }) == [60, 240, 80, 180])
        #expect(abs(r.onsets.count - 16) <= 1)
    }

    @Test("a synthetic drum loop of exactly 2 bars gets its exact tempo", arguments: [92.0, 128.0, 140.0])
    func drumLoop(bpm: Double) throws {
        let path = try Fixtures.write(Drums.loop(bpm: bpm, bars: 2), in: dir, name: "loop\(Int(bpm)).wav")
        let r = try Analyzer().analyze(path: path)
        #expect(r.kind == .loop)
        #expect(r.family == .loopDrums)
        let tempo = try #require(r.tempo)
        #expect(abs(tempo.bpm / bpm - 1) < 0.02)
    }

    @Test("a fast loop keeps its octave: 174 BPM is not reported as 87")
    func fastLoop() throws {
        let path = try Fixtures.write(Drums.loop(bpm: 174, bars: 2), in: dir, name: "dnb.wav")
        let tempo = try #require(try Analyzer().analyze(path: path).tempo)
        #expect(abs(tempo.bpm / 174 - 1) < 0.02)
    }

    @Test("a I–IV–V–I progression in C is C major (8B); i–iv–V–i in A is A minor (8A)")
    func keys() throws {
        let major = try Analyzer().analyze(path: Fixtures.write(
            Progressions.cadence(tonicMidi: 60, minor: false), in: dir, name: "c.wav"))
        let minor = try Analyzer().analyze(path: Fixtures.write(
            Progressions.cadence(tonicMidi: 57, minor: true), in: dir, name: "am.wav"))
        #expect(major.key?.name == "C major")
        #expect(major.key?.camelot == "8B")
        #expect(minor.key?.name == "A minor")
        #expect(minor.key?.camelot == "8A")
        #expect(minor.key?.openKey == "1m")
    }

    @Test("Camelot and Open Key names of all 24 keys follow the circle of fifths")
    func camelotWheel() {
        let majors = ["C": "8B", "G": "9B", "D": "10B", "A": "11B", "E": "12B", "B": "1B", "F#": "2B",
                      "C#": "3B", "G#": "4B", "D#": "5B", "A#": "6B", "F": "7B"]
        let minors = ["A": "8A", "E": "9A", "B": "10A", "F#": "11A", "C#": "12A", "G#": "1A", "D#": "2A",
                      "A#": "3A", "F": "4A", "C": "5A", "G": "6A", "D": "7A"]
        for (pc, name) in MusicalKey.pitchClassNames.enumerated() {
            #expect(MusicalKey(tonicPitchClass: pc, mode: .major).camelot == majors[name])
            #expect(MusicalKey(tonicPitchClass: pc, mode: .minor).camelot == minors[name])
        }
        #expect(MusicalKey(tonicPitchClass: 0, mode: .major).openKey == "1d")
        #expect(MusicalKey(tonicPitchClass: 7, mode: .major).openKey == "2d")
    }

    @Test("tonal one-shots get their pitch within 10 cents, from a 41 Hz bass to a 1.3 kHz lead",
          arguments: [28.0, 40.0, 52.3, 69.0, 88.0])
    func pitch(midi: Double) throws {
        let path = try Fixtures.write(Signals.tone(midi: midi, seconds: 1.0, amplitude: 0.5), in: dir, name: "n\(midi).wav")
        let r = try Analyzer().analyze(path: path)
        let pitch = try #require(r.pitch)
        let error = (69 + 12 * log2(pitch.hz / 440) - midi) * 100
        #expect(abs(error) < 10)
        #expect(r.kind == .oneshot)
    }

    @Test("a drum hit has no pitch and no key; a kick is a kick, a hat a hat")
    func drumsAreAtonal() throws {
        let hat = try Analyzer().analyze(path: Fixtures.write(Drums.hat(), in: dir, name: "hat.wav"))
        let kick = try Analyzer().analyze(path: Fixtures.write(Drums.kick(), in: dir, name: "kick.wav"))
        #expect(hat.pitch == nil && hat.key == nil)
        #expect(hat.family == .hat)
        #expect(kick.family == .kick)
        #expect(hat.tempo == nil && kick.tempo == nil, "one-shots have no tempo")
    }
}
