import AI
import Analysis
import Synthesis
import Testing
import TestSupport

@Suite("Offline notes from the descriptors")
struct OfflineNotesTests {
    let dir = TemporaryDirectory()

    @Test("a drum loop's note gives its bars and tempo, not the attack of whichever hit is loudest")
    func drumLoop() throws {
        let path = try Fixtures.write(DrumPattern.backbeat.render(bpm: 94, bars: 2), in: dir, name: "loop.wav")
        let analysis = try Analyzer().analyze(path: path)
        try #require(analysis.kind == .loop && analysis.tempo?.fitsWholeBars == true)
        let note = OfflineNotes.write(analysis)
        #expect(note.contains("drum loop;"), "\(note)")
        #expect(note.contains("94 BPM, 2 bars"), "\(note)")
        #expect(!note.contains("attack") && !note.contains("swell"), "\(note)")
    }

    @Test("a one-shot's note describes its attack")
    func oneShot() throws {
        let analysis = try Analyzer().analyze(path: Fixtures.write(Drums.kick(), in: dir, name: "kick.wav"))
        let note = OfflineNotes.write(analysis)
        #expect(analysis.kind == .oneshot)
        #expect(note.contains("tight attack") || note.contains("soft attack"), "\(note)")
        #expect(!note.contains("bar"), "\(note)")
    }
}
