import Analysis
import Foundation
import Synthesis
import Testing
import TestSupport

/// The accuracy floor CI holds the analysis to (issue 8): a small generated set of loops, chord
/// loops and notes with known answers, scored like `bench/eval_devset.py`. The floors are set a
/// little below what the estimators measure on this set (tempo 12/12 since the subdivision prior —
/// before it a 4-bar drum & bass loop at 184 BPM read as 92 —, octave-tolerant 12/12, key 10/10,
/// pitch 10/10, type 32/32), so a regression fails CI.
@Suite("Accuracy floor on a generated set")
struct AccuracyFloorTests {
    let dir = TemporaryDirectory()

    struct Score: CustomStringConvertible {
        var right = 0, total = 0
        var fraction: Double { total > 0 ? Double(right) / Double(total) : 0 }
        mutating func add(_ ok: Bool) { total += 1; right += ok ? 1 : 0 }
        var description: String { "\(right)/\(total)" }
    }

    @Test("tempo ±2 %, key, pitch ±25 cents and loop/one-shot stay above their floors")
    func floors() throws {
        var tempo = Score(), octave = Score(), key = Score(), pitch = Score(), kind = Score()
        var failures: [String] = []

        // Loops: three patterns, 1, 2 and 4 bars, straight and swung, 64–184 BPM. (Half-time
        // patterns are ambiguous by an octave; TempoEstimatorTests covers them.)
        let patterns: [(String, DrumPattern)] = [("house", .fourOnTheFloor), ("hiphop", .backbeat),
                                                 ("dnb", .breakbeat)]
        let bpms = [64.0, 77, 89, 101, 109, 117, 129, 136, 147, 158, 171, 184]
        for (i, bpm) in bpms.enumerated() {
            let (style, pattern) = patterns[i % patterns.count]
            let bars = [1, 2, 4][i % 3]
            let swing = i % 4 == 1 ? 0.62 : 0.5
            let name = "loop\(i)-\(style)-\(bars)bar-\(Int(bpm)).wav"
            let r = try Analyzer().analyze(path: Fixtures.write(pattern.render(bpm: bpm, bars: bars, swing: swing),
                                                                in: dir, name: name))
            let estimate = r.tempo?.bpm ?? 0
            tempo.add(abs(estimate / bpm - 1) <= 0.02)
            octave.add([1, 2, 0.5, 3, 1.0 / 3].contains { abs(estimate / (bpm * $0) - 1) <= 0.02 })
            kind.add(r.kind == .loop)
            if abs(estimate / bpm - 1) > 0.02 { failures.append("\(name): \(estimate) BPM") }
        }

        // Chord loops: the pop progression in five major and five minor keys.
        for (i, tonic) in [60, 63, 66, 69, 71].enumerated() {
            for minor in [false, true] {
                let name = "chords\(tonic)\(minor ? "m" : "").wav"
                let samples = Progressions.popLoop(tonicMidi: tonic, minor: minor, beatSeconds: 0.35 + 0.05 * Double(i))
                let r = try Analyzer().analyze(path: Fixtures.write(samples, in: dir, name: name))
                let truth = MusicalKey(tonicPitchClass: tonic, mode: minor ? .minor : .major)
                key.add(r.key?.key == truth)
                kind.add(r.kind == .loop)
                if r.key?.key != truth { failures.append("\(name): \(r.key?.name ?? "no key")") }
            }
        }

        // Notes: 33 Hz to 1.9 kHz, detuned by up to ±30 cents, harmonic and pure tones.
        let notes: [(Double, Int)] = [(24.3, 8), (31.8, 1), (40.0, 8), (45.25, 4), (52.1, 8),
                                      (57.9, 1), (64.7, 8), (71.2, 3), (83.0, 8), (94.15, 1)]
        for (i, (midi, partials)) in notes.enumerated() {
            let name = "note\(i).wav"
            let samples = Signals.tone(midi: midi, seconds: 0.5 + 0.2 * Double(i % 5), amplitude: 0.5, partials: partials)
            let r = try Analyzer().analyze(path: Fixtures.write(samples, in: dir, name: name))
            let cents = r.pitch.map { (69 + 12 * log2($0.hz / 440) - midi) * 100 } ?? .infinity
            pitch.add(abs(cents) <= 25)
            kind.add(r.kind == .oneshot)
            if abs(cents) > 25 { failures.append("\(name): \(r.pitch?.note ?? "no pitch") (\(cents) c)") }
        }

        let report = "tempo \(tempo), octave \(octave), key \(key), pitch \(pitch), type \(kind); \(failures)"
        #expect(tempo.fraction >= 0.91, "\(report)")
        #expect(octave.fraction >= 1.0, "\(report)")
        #expect(key.fraction >= 0.9, "\(report)")
        #expect(pitch.fraction >= 0.9, "\(report)")
        #expect(kind.fraction >= 0.95, "\(report)")
        print("accuracy floor set: \(report)")
    }
}
