@testable import Analysis
import Foundation
import Synthesis
import Testing
import TestSupport

/// A spectral flux flags an onset about a frame less a hop before its sound starts, but the file's first
/// sound in the first frame, on time: the tempo's periodicity moves that first flag back by as much (issue 8).
@Suite("Tempo: a chord change is flagged as early as every other onset, the file's start too")
struct ChordChangeLeadTests {
    let dir = TemporaryDirectory()

    /// Two block chords of a bar each (C, then G), then silence. The change is the loop's only onset after
    /// its start. Before the lead, these read 113.58, 104.4, 109.57, 161.5 and 102.31 BPM.
    @Test("two-chord loops with one change and a silent tail read their tempo within 1 %",
          arguments: [(152.0, 0.8, 0.5, 0.3), (152.0, 3.0, 0.7, 0.0), (163.0, 0.8, 0.7, 0.0),
                      (158.8, 3.0, 0.25, 0.0), (147.3, 0.8, 0.7, 0.0)])
    func twoChords(bpm: Double, chordDecaySeconds: Double, tailSeconds: Double, bassAmplitude: Double) throws {
        let loop = Progressions.loop([(root: 0, intervals: [0, 4, 7]), (root: 7, intervals: [0, 4, 7])],
                                     tonicMidi: 60, chordSeconds: 240 / bpm, passes: 1, bassAmplitude: bassAmplitude,
                                     chordDecaySeconds: chordDecaySeconds)
            + Signals.silence(seconds: tailSeconds)
        let (_, tempo) = try analyzedTempo(loop, in: dir, name: "twochords\(bpm).wav")
        #expect(abs(tempo.bpm / bpm - 1) < 0.01, "\(bpm) BPM read \(tempo.bpm)")
    }

    @Test("the first frame's flux moves to the frame the lead before the end; a short envelope is left alone")
    func startFlaggedWithLead() {
        let envelope: [Double] = [5, 0, 1, 0, 0, 0, 2, 0]
        #expect(TempoEstimator.startFlaggedWithLead(envelope, frames: 3) == [0, 0, 1, 0, 0, 5, 2, 0])
        #expect(TempoEstimator.startFlaggedWithLead(envelope, frames: 0) == envelope)
        #expect(TempoEstimator.startFlaggedWithLead([5, 0, 1, 0, 2, 0], frames: 3) == [5, 0, 1, 0, 2, 0])
    }
}
