import Analysis
import Foundation
import Synthesis
import Testing
import TestSupport

@Suite("Loop or one-shot: pad loops whose chords swell in")
struct PadLoopKindTests {
    let dir = TemporaryDirectory()

    /// Pad chords (triads of 8-partial tones) that swell in over `attackSeconds` and fade out over
    /// 0.2 s past their `chordSeconds`, one after another; the tail past the loop wraps onto its
    /// start, as an exactly trimmed loop's does, or with `ringOutSeconds` the file runs that long past
    /// the loop (the last chord's release, then silence).
    static func padLoop(_ chords: [[Int]], chordSeconds: Double, attackSeconds: Double, ringOutSeconds: Double = 0,
                        sampleRate: Int = 44100) -> [Float] {
        let loop = Signals.length(chordSeconds * Double(chords.count), sampleRate)
        let file = ringOutSeconds > 0 ? loop + Signals.length(ringOutSeconds, sampleRate) : loop
        var out = [Float](repeating: 0, count: file)
        let attack = Signals.length(attackSeconds, sampleRate), release = Signals.length(0.2, sampleRate)
        for (index, chord) in chords.enumerated() {
            let start = Signals.length(chordSeconds * Double(index), sampleRate)
            for midi in chord {
                var note = Signals.tone(midi: Double(midi), seconds: chordSeconds + 0.2, sampleRate: sampleRate,
                                        amplitude: 0.15, decaySeconds: 1000)
                let held = note.count - release
                for i in 0..<note.count {
                    note[i] *= Float(min(1, Double(i) / Double(attack))
                        * (i > held ? Double(note.count - i) / Double(release) : 1))
                }
                for (i, sample) in note.enumerated() { out[(start + i) % file] += sample }
            }
        }
        return Signals.normalize(out, peak: 0.8)
    }

    static let cMajor = [60, 64, 67], gMajor = [55, 59, 62], aMinor = [57, 60, 64], fMajor = [53, 57, 60]

    @Test("a pad loop of I–V–vi–IV whose chords swell in (no attack the onset detector sees) is a loop",
          arguments: [(0.35, 1.6), (0.5, 2.0), (0.5, 2.9)])
    func swellingChords(attackSeconds: Double, chordSeconds: Double) throws {
        let loop = Self.padLoop([Self.cMajor, Self.gMajor, Self.aMinor, Self.fMajor], chordSeconds: chordSeconds,
                                attackSeconds: attackSeconds)
        let result = try Analyzer().analyze(path: Fixtures.write(loop, in: dir, name: "pad\(attackSeconds).wav"))
        #expect(result.onsets.count < 4, "onsets \(result.onsets.timesSeconds)")   // the swells decide
        #expect(result.kind == .loop)
    }

    @Test("the same pad holding one chord for as long is a one-shot")
    func heldChord() throws {
        let held = Self.padLoop([Self.cMajor], chordSeconds: 9.6, attackSeconds: 0.35)
        #expect(try Analyzer().analyze(path: Fixtures.write(held, in: dir, name: "held.wav")).kind == .oneshot)
    }

    @Test("the swell grid: one lateness for every swell, slots 1 ..< 4 or 8, swells near full level")
    func swellGrid() {
        func grid(_ times: [Double], _ duration: Double, levels: [Double]? = nil) -> OnsetGrid? {
            SwellGrid.find(swellTimes: times, swellLevelsDB: levels ?? times.map { _ in -1 },
                           durationSeconds: duration, startSeconds: 0)
        }
        // 4 chords of 2.4 s, swells 0.4 s late
        let found = grid([2.8, 5.2, 7.6], 9.6)
        #expect(found?.slots == 4)
        #expect(abs((found?.periodSeconds ?? 0) - 2.4) < 0.02)
        #expect(grid([2.8, 7.6, 12.4, 14.8], 19.2)?.slots == 8)    // 8 chords, some repeated (no swell)
        #expect(grid([2.8, 5.2], 9.6) == nil)                      // two swells: too few
        #expect(grid([2.8, 5.2, 7.6], 9.6, levels: [-1, -6, -9]) == nil)  // riding down a decay
        #expect(grid([2.8, 5.9, 7.6], 9.6) == nil)                 // off the grid
        #expect(grid([2.5, 5.2, 8.0], 9.6) == nil)                 // late by 0.1, 0.4 and 0.8 s: no one lateness
        #expect(grid([2.8, 5.2, 7.6], 14) == nil)                  // 5.8 periods: no 4 or 8 chords
        #expect(grid([9.5, 18.5, 27.5], 36) == nil)                // 9 s chords: longer than any pad loop's
    }

    @Test("swells on the grid that change no pitch classes are a held chord's beating, not chord changes")
    func swellsMustChangeHarmony() {
        // 4 chords of 2.4 s in frames of 0.4 s: C major, G major, A minor, F major; or C major throughout
        func frames(_ chords: [[Int]]) -> PitchClassFrames {
            let values = (0..<24).flatMap { frame -> [Float] in
                let chord = chords[min(chords.count - 1, frame / 6)]
                return (0..<12).map { chord.contains($0) ? 1 : 0 }
            }
            return PitchClassFrames(frameSeconds: 0.4, values: values)
        }
        let progression = frames([[0, 4, 7], [7, 11, 2], [9, 0, 4], [5, 9, 0]])
        let held = frames([[0, 4, 7]])
        func grid(_ pitchClasses: PitchClassFrames?) -> OnsetGrid? {
            SwellGrid.find(swellTimes: [2.8, 5.2, 7.6], swellLevelsDB: [-1, -1, -1], durationSeconds: 9.6,
                           startSeconds: 0, pitchClasses: pitchClasses)
        }
        #expect(grid(progression)?.slots == 4)
        #expect(grid(held) == nil)
        #expect(grid(nil)?.slots == 4)   // unknown harmony: the timing alone decides
    }

    @Test("the onset grid takes the first interval as two periods when the chord between made no onset")
    func onsetGridWithMissedSecondChord() {
        // chords every 0.72 s; the onsets at 0.72 and 3.6 were too soft to detect
        let times = [0, 1.44, 2.16, 2.88, 4.32, 5.04]
        let grid = OnsetGrid.find(onsetTimes: times, onsetLevelsDB: times.map { _ in -1 }, durationSeconds: 5.78,
                                  silenceHeadSeconds: 0)
        #expect(grid?.slots == 8)
        #expect(abs((grid?.periodSeconds ?? 0) - 0.72) < 0.01)
    }

    @Test("a cut at the end of a file held at full level does not raise the picking threshold over the onsets before it")
    func cutAtEndKeepsWeakOnsets() {
        var detector = OnsetDetector()
        var frame = [Float](repeating: -30, count: 40)
        var frames: [[Float]] = []
        for i in 0..<200 {
            var f = frame
            if i > 0 && i % 40 == 0 { f = f.map { $0 + 3 } }    // a soft re-attack every 40 frames
            frames.append(f)
        }
        frame = frame.map { _ in 20 }                            // the padded frame: the cut in every band
        frames.append(frame)
        for f in frames { f.withUnsafeBufferPointer { detector.process(melDecibels: $0) } }
        #expect(detector.onsetFrames(framesPerSecond: 86, paddedEndFrames: 1) == [0, 40, 80, 120, 160, 200])
        #expect(detector.onsetFrames(framesPerSecond: 86) == [0, 200])   // the cut sets the threshold
    }
}
