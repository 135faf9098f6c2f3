import Analysis
import Foundation
import Synthesis
import Testing
import TestSupport

@Suite("Key: profiles, bass, tuning, no key for drums")
struct KeyEstimatorTests {
    let dir = TemporaryDirectory()

    private func key(_ samples: [Float], _ name: String) throws -> KeyEstimator.Result? {
        try Analyzer().analyze(path: Fixtures.write(samples, in: dir, name: name)).key
    }

    @Test("the four-chord pop loop I–V–vi–IV is in the major key of its first chord",
          arguments: [60, 62, 65, 67, 70])
    func popMajor(tonic: Int) throws {
        let k = try key(Progressions.popLoop(tonicMidi: tonic, minor: false, beatSeconds: 0.4), "maj\(tonic).wav")
        #expect(k?.key == MusicalKey(tonicPitchClass: tonic, mode: .major), "got \(k?.name ?? "none")")
    }

    @Test("i–VI–III–VII is minor, not its relative major, though the major's triad occurs as often",
          arguments: [57, 60, 64, 66, 71])
    func popMinor(tonic: Int) throws {
        let k = try key(Progressions.popLoop(tonicMidi: tonic, minor: true, beatSeconds: 0.4), "min\(tonic).wav")
        #expect(k?.key == MusicalKey(tonicPitchClass: tonic, mode: .minor), "got \(k?.name ?? "none")")
    }

    @Test("chords with no bass line keep their key: the chords' lowest notes are the bass",
          arguments: [(57, true), (64, true), (71, true), (60, false), (66, false)])
    func noBassLine(tonic: Int, minor: Bool) throws {
        let k = try key(Progressions.popLoop(tonicMidi: tonic, minor: minor, beatSeconds: 0.4, withBass: false),
                        "nobass\(tonic)\(minor).wav")
        #expect(k?.key == MusicalKey(tonicPitchClass: tonic, mode: minor ? .minor : .major), "got \(k?.name ?? "none")")
    }

    @Test("a loop tuned 40 cents sharp keeps its key (the tuning is estimated and removed)")
    func detuned() throws {
        let k = try key(Progressions.popLoop(tonicMidi: 62, minor: false, beatSeconds: 0.4, detuneCents: 40), "sharp.wav")
        #expect(k?.name == "D major")
    }

    @Test("a chord with no third (C5 power chord) gets tonic C, with less margin than a full triad")
    func noThird() throws {
        let power = try #require(try key(Progressions.chord([48, 55, 60, 67], seconds: 3), "c5.wav"))
        let triad = try #require(try key(Progressions.chord([48, 55, 60, 64, 67], seconds: 3), "cmaj.wav"))
        #expect(power.tonic == "C")
        #expect(triad.name == "C major")
        #expect(power.margin < triad.margin)
    }

    @Test("ii–V–I–I with two-beat chords is in the key of the I it ends on and dwells on, not of its opening ii or V",
          arguments: [57, 60, 62, 64, 66])
    func twoFiveOne(tonic: Int) throws {
        let chords: [(root: Int, intervals: [Int])] = [(2, [0, 3, 7]), (7, [0, 4, 7]), (0, [0, 4, 7]), (0, [0, 4, 7])]
        let k = try key(Progressions.loop(chords, tonicMidi: tonic, chordSeconds: 0.8), "iiVI\(tonic).wav")
        #expect(k?.key == MusicalKey(tonicPitchClass: tonic, mode: .major), "got \(k?.name ?? "none")")
    }

    @Test("minor seventh chords whose thirds fade over a held saw bass stay minor (the bass's 5th harmonic is a major third)",
          arguments: [57, 60, 64])
    func fadingThirds(tonic: Int) throws {
        let chords: [(root: Int, intervals: [Int])] = [(0, [0, 3, 7, 10]), (5, [0, 3, 7, 10]), (10, [0, 4, 7, 11]),
                                                       (7, [0, 4, 7, 10])]
        let k = try key(Progressions.loop(chords, tonicMidi: tonic, chordSeconds: 2, bassAmplitude: 0.5,
                                          chordDecaySeconds: 0.4), "fade\(tonic).wav")
        #expect(k?.key == MusicalKey(tonicPitchClass: tonic, mode: .minor), "got \(k?.name ?? "none")")
    }

    @Test("a progression of three held chords is accepted at a lower profile fit than a single sound")
    func progressionGate() {
        // The measured chroma of an i–VII–VI–V loop in G minor with drums: its best profile fit is 0.615.
        let chroma = [0.19, 0.04, 1, 0.7, 0.1, 0.55, 0.2, 0.57, 0.17, 0.38, 0.14, 0.05]
        let held = { (root: Int, quality: ChordSequence.Chord.Quality) in
            ChordSequence.Segment(chord: .init(root: root, quality: quality), frames: 3)
        }
        let progression = ChordSequence(segments: [held(7, .minor), held(5, .major), held(3, .major), held(2, .major)])
        let oneChord = ChordSequence(segments: [held(7, .minor)])
        let brief = ChordSequence(segments: [held(7, .minor), held(5, .major), held(3, .major), held(2, .major)]
            .map { ChordSequence.Segment(chord: $0.chord, frames: 2) })
        #expect(KeyEstimator().estimate(chroma: chroma, chords: progression, flatness: 0.01)?.name == "G minor")
        #expect(KeyEstimator().estimate(chroma: chroma, chords: oneChord, flatness: 0.01) == nil)
        #expect(KeyEstimator().estimate(chroma: chroma, chords: brief, flatness: 0.01) == nil)
        #expect(KeyEstimator().estimate(chroma: chroma, flatness: 0.01) == nil)
    }

    @Test("drum loops and noise have no key")
    func atonal() throws {
        #expect(try key(DrumPattern.breakbeat.render(bpm: 170, bars: 2), "dnb.wav") == nil)
        #expect(try key(DrumPattern.fourOnTheFloor.render(bpm: 124, bars: 4), "house.wav") == nil)
        #expect(try key(Signals.whiteNoise(seconds: 2), "noise.wav") == nil)
    }

    @Test("the estimator's bass term decides between a key and its relative")
    func bassDecides() {
        // C major and A minor share their notes; the chroma alone favours C a little.
        let chroma = [1.0, 0.1, 0.6, 0.1, 0.8, 0.6, 0.1, 0.9, 0.1, 0.8, 0.1, 0.5]
        var aBass = [Double](repeating: 0, count: 12)
        aBass[9] = 1
        let plain = KeyEstimator().estimate(chroma: chroma, flatness: 0.01)
        let withBass = KeyEstimator().estimate(chroma: chroma, openingBass: aBass, flatness: 0.01)
        #expect(plain?.name == "C major")
        #expect(withBass?.name == "A minor")
    }
}
