import Analysis
import Foundation
import Synthesis
import Testing
import TestSupport

/// Harmonic loops: a comb over chord changes cannot tell a chord every two beats from a chord every bar at
/// twice the tempo, so the octave prior decides, centred for harmonic material on 105 BPM
/// (`TempoEstimator.Configuration.harmonicPreferredBPM`; issue 8).
@Suite("Tempo of harmonic loops: the octave prior for chords")
struct HarmonicTempoPriorTests {
    let dir = TemporaryDirectory()

    /// vi–IV–I–V in C as block chords over their bass, each `beatsPerChord` beats at `bpm`, played twice;
    /// the tempo the analysis reads.
    private func tempoOfProgression(bpm: Double, beatsPerChord: Double) throws -> Double {
        let loop = Progressions.loop([(root: 9, intervals: [0, 3, 7]), (root: 5, intervals: [0, 4, 7]),
                                      (root: 0, intervals: [0, 4, 7]), (root: 7, intervals: [0, 4, 7])],
                                     tonicMidi: 60, chordSeconds: beatsPerChord * 60 / bpm)
        return try analyzedTempo(loop, in: dir, name: "chords\(bpm)x\(beatsPerChord).wav").1.bpm
    }

    /// Under the drums' centre of 120 BPM these read double (153, 158 and 163 BPM: a chord a bar). Known
    /// limit: under about 74 BPM (105/√2, where the double is as near the centre) such a loop still reads
    /// double (70, 72.5 and 74 BPM do).
    @Test("block chords every two beats at 76.5–81.5 BPM read their tempo, not the double",
          arguments: [76.5, 79.0, 81.5])
    func chordsEveryTwoBeats(bpm: Double) throws {
        let read = try tempoOfProgression(bpm: bpm, beatsPerChord: 2)
        #expect(abs(read / bpm - 1) < 0.02, "\(bpm) BPM read \(read)")
    }

    /// The centre is not so low that half the tempo (a chord every two beats at 61–68 BPM) wins.
    @Test("block chords a bar each at 122–136 BPM read their tempo, not half", arguments: [122.0, 136.0])
    func chordsEveryBar(bpm: Double) throws {
        let read = try tempoOfProgression(bpm: bpm, beatsPerChord: 4)
        #expect(abs(read / bpm - 1) < 0.02, "\(bpm) BPM read \(read)")
    }
}
