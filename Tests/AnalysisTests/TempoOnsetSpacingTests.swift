import Analysis
import Foundation
import Synthesis
import Testing
import TestSupport

/// A one-bar loop's length gives its tempo only as exactly as it was trimmed: 30 ms cut off a bar at
/// 160 BPM is 2 % of it. The onsets' own spacing does not depend on the trim (`onsetSpacingTempo`).
@Suite("Tempo: a loosely trimmed one-bar loop reads the tempo its onsets are spaced at")
struct TempoOnsetSpacingTests {
    let dir = TemporaryDirectory()

    static let patterns: [String: DrumPattern] = ["break": .breakbeat, "halftime": .halfTime, "house": .fourOnTheFloor,
                                                  "clave": .clave, "backbeat": .backbeat]

    /// Each of these read 2.0–2.3 % fast from its length (160.14 for 157) before.
    @Test("a one-bar loop cut 30 ms short reads its tempo",
          arguments: [(157.0, "break"), (163.5, "halftime"), (176.5, "house"), (170.0, "clave")])
    func cutShort(bpm: Double, style: String) throws {
        let bar = try #require(Self.patterns[style]).render(bpm: bpm, bars: 1)
        let (r, t) = try analyzedTempo(Array(bar.dropLast(Signals.length(0.03, 44100))), in: dir,
                                       name: "short\(style)\(bpm).wav")
        #expect(r.kind == .loop)
        #expect(abs(t.bpm / bpm - 1) < 0.02, "\(bpm) BPM estimated \(t.bpm)")
        // A bar at the tempo ends 30 ms past the file: an inexact trim, still whole bars.
        #expect(t.fitsWholeBars)
    }

    /// Each of these read 2.2–2.4 % fast from the comb of the bar wrapped short of its true end before.
    @Test("a one-bar loop ringing 0.3–0.45 s past its bar reads its tempo",
          arguments: [(163.5, "break", 0.3), (170.0, "clave", 0.3), (163.5, "halftime", 0.45),
                      (150.5, "backbeat", 0.3)])
    func ringingOut(bpm: Double, style: String, ring: Double) throws {
        let samples = try #require(Self.patterns[style]).render(bpm: bpm, bars: 1, ringOutSeconds: ring)
        let (r, t) = try analyzedTempo(samples, in: dir, name: "ring\(style)\(bpm).wav")
        #expect(r.kind == .loop)
        #expect(abs(t.bpm / bpm - 1) < 0.02, "\(bpm) BPM estimated \(t.bpm)")
    }

    /// 20 ms of silence after the bar; these read 139.7 (3 % slow) before.
    @Test("a one-bar loop with 20 ms of silence after it reads its tempo", arguments: ["break", "halftime"])
    func silentTail(style: String) throws {
        let bpm = 144.0
        let bar = try #require(Self.patterns[style]).render(bpm: bpm, bars: 1)
        let (_, t) = try analyzedTempo(bar + Signals.silence(seconds: 0.02), in: dir, name: "tail\(style).wav")
        #expect(abs(t.bpm / bpm - 1) < 0.02, "\(bpm) BPM estimated \(t.bpm)")
    }

    @Test("onsets on an eighth-note grid give its tempo; sixteenths between and a first onset at 0 are left out")
    func spacingOfOnsets() throws {
        // 150 BPM: eighths 0.2 s apart, each detected 23 ms late, with a sixteenth (0.1 s off the grid)
        // after every other one, and the file's first onset at 0.
        let eighths = (1..<16).map { 0.023 + Double($0) * 0.2 }
        let sixteenths = stride(from: 1, to: 16, by: 2).map { 0.023 + Double($0) * 0.2 + 0.1 }
        let onsets = [0] + (eighths + sixteenths).sorted()
        let spaced = try #require(TempoEstimator().onsetSpacingTempo(onsetTimes: onsets, near: 147))
        #expect(abs(spaced.bpm - 150) < 0.01, "\(spaced.bpm)")
        #expect(spaced.residual < 0.001)
        // Onsets at random times lie on no grid: fewer than four within its slack, or far from its line.
        var random = SeededRandom(seed: 3)
        let scattered = (0..<12).map { _ in 2 * Double(random.nextSigned() + 1) }.sorted()
        let loose = TempoEstimator().onsetSpacingTempo(onsetTimes: scattered, near: 150)
        #expect(loose == nil || loose!.residual > TempoEstimator.Configuration().spacingResidual)
    }
}
