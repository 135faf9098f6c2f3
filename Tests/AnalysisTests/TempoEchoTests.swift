import Analysis
import Foundation
import Synthesis
import Testing
import TestSupport

/// The subdivision prior weighs down a tempo at which the onset envelope repeats at an eighth of the beat
/// (a beat split into eight is rare). An echo of each hit at that lag is no such stream: it does not
/// repeat at two eighths.
@Suite("Tempo: an echo of each hit is not a beat split into eight")
struct TempoEchoTests {
    let dir = TemporaryDirectory()

    /// A kick with a 0.2–0.4 s decay cut off at 0.6 s clicks about 85 ms before the next kick, which at
    /// 84–90 BPM is an eighth of the beat: these read half their tempo (42–45 BPM) when one repeat
    /// sufficed.
    @Test("a four-on-the-floor loop whose kick is cut off while it rings reads its tempo, not half",
          arguments: [(86.0, 0.3), (88.0, 0.4), (90.0, 0.2)])
    func cutKick(bpm: Double, decay: Double) throws {
        let snareAndHats = DrumPattern([.init(.snare, steps: [4, 12], gain: 0.8),
                                        .init(.hat, steps: [2, 6, 10, 14], gain: 0.7)])
        var samples = snareAndHats.render(bpm: bpm, bars: 4)
        let kick = Drums.kick(seconds: 0.6, decaySeconds: decay)
        for beat in 0..<16 {
            Signals.mix(kick, into: &samples, at: Signals.length(Double(beat) * 60 / bpm, 44100))
        }
        let (_, t) = try analyzedTempo(Signals.normalize(samples, peak: 0.9), in: dir, name: "cutkick\(bpm).wav")
        #expect(abs(t.bpm / bpm - 1) < 0.02, "\(bpm) BPM estimated \(t.bpm)")
    }

    /// A clave with quiet rims over a sixteenth-note shaker: 3 or 6 bars at the tempo are 2 or 4 bars at
    /// 2/3 of it, where an autocorrelation peak one eighth of that beat after each hit (about 90 ms) does
    /// not repeat at two eighths. Weighed down as a stream, it left a third of the tempo to win (these
    /// read 40–43 BPM); the 2/3 reading wins now, and the cross-rhythm check takes it to the tempo.
    @Test("a quiet clave loop of 3 or 6 bars reads its tempo, not a third of it",
          arguments: [(124.8, 6), (127.9, 6), (128.2, 3)])
    func quietClaveOddBars(bpm: Double, bars: Int) throws {
        let clave = DrumPattern([.init(.rim, steps: [0, 3, 6, 10, 12], gain: 0.4),
                                 .init(.shaker, steps: Array(0..<16), gain: 0.5), .init(.kick, steps: [0, 8])])
        let (_, t) = try analyzedTempo(clave.render(bpm: bpm, bars: bars), in: dir,
                                       name: "quietclave\(bpm)x\(bars).wav")
        #expect(abs(t.bpm / bpm - 1) < 0.02, "\(bpm) BPM estimated \(t.bpm)")
    }
}
