import Engine
import Foundation
import Library
import Synthesis
import Testing
import TestSupport

@Suite("Incremental scanning keeps the library in step with the disk")
struct IncrementalScanTests {
    @Test("a first scan adds and analyses every file")
    func firstScan() throws {
        let f = try LibraryFixture()
        try f.writeStandardSet()
        let summary = try f.scan()
        #expect(summary.added == 5)
        #expect(summary.analysed == 5)
        #expect(try f.library.count("status:ok") == 5)
        let loop = try #require(try f.library.search("type:loop").first)
        #expect(loop.name == "loop 120.wav")
        #expect(abs((loop.bpm ?? 0) - 120) < 1)
    }

    @Test("an unchanged rescan analyses nothing")
    func unchangedRescan() throws {
        let f = try LibraryFixture()
        try f.writeStandardSet()
        try f.scan()
        let again = try f.scan()
        #expect(again.unchanged == 5)
        #expect(again.added == 0 && again.changed == 0 && again.analysed == 0 && again.cacheHits == 0)
    }

    @Test("an edited file is re-analysed")
    func editedFile() throws {
        let f = try LibraryFixture()
        try f.writeStandardSet()
        try f.scan()
        Thread.sleep(forTimeInterval: 0.01)   // a different mtime
        try f.write(Signals.tone(midi: 45, seconds: 0.8), "tonal/bass E2.wav")
        let again = try f.scan()
        #expect(again.changed == 1)
        #expect(again.analysed == 1)
        let bass = try #require(try f.library.search("path:tonal/").first)
        #expect(bass.pitch == "A2", "the new content's pitch, not the old E2")
    }

    @Test("a moved and renamed file keeps its tags, rating, favourite and note")
    func movedFile() throws {
        let f = try LibraryFixture()
        try f.writeStandardSet()
        try f.scan()
        let id = try f.id("drums/kick.wav")
        try f.library.addTag("punchy", to: [id])
        try f.library.setRating(4, for: [id])
        try f.library.setFavorite(true, for: [id])
        try f.library.setNote("use on the drop", for: id)
        try FileManager.default.createDirectory(atPath: f.dir.file("samples/moved"), withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: f.dir.file("samples/drums/kick.wav"),
                                         toPath: f.dir.file("samples/moved/my kick.wav"))
        let again = try f.scan()
        #expect(again.moved == 1 && again.missing == 0 && again.added == 0)
        #expect(again.analysed == 0, "same content: the stored analysis is reused")
        let kick = try #require(try f.library.sample(id: id))
        #expect(kick.name == "my kick.wav")
        #expect(kick.status == "ok")
        #expect(kick.tags == ["punchy"] && kick.rating == 4 && kick.favorite && kick.note == "use on the drop")
        #expect(try f.library.search("tag:punchy").map(\.id) == [id])
        #expect(try f.library.search("my kick").map(\.id) == [id], "the search index follows the new name")
    }

    @Test("a deleted file is marked missing with its tags kept; prune removes it only when asked")
    func deletedFile() throws {
        let f = try LibraryFixture()
        try f.writeStandardSet()
        try f.scan()
        let id = try f.id("drums/hat.wav")
        try f.library.addTag("crisp", to: [id])
        try FileManager.default.removeItem(atPath: f.dir.file("samples/drums/hat.wav"))
        let again = try f.scan()
        #expect(again.missing == 1)
        let hat = try #require(try f.library.sample(id: id))
        #expect(hat.status == "missing" && hat.tags == ["crisp"])
        #expect(try f.library.search("status:missing").map(\.id) == [id])
        #expect(try f.library.pruneMissing() == 1)
        #expect(try f.library.sample(id: id) == nil)
        #expect(try f.library.allTags().isEmpty)
    }

    @Test("identical files are analysed once and grouped as duplicates")
    func duplicates() throws {
        let f = try LibraryFixture()
        let kick = Drums.kick()
        try f.write(kick, "drums/a.wav")
        try f.write(kick, "drums/b.wav")
        try f.write(kick, "tonal/c.wav")
        try f.write(Drums.hat(), "drums/hat.wav")
        let summary = try f.scan()
        #expect(summary.added == 4)
        #expect(summary.analysed == 2, "three copies of the kick share one analysis")
        let groups = try f.library.duplicateGroups()
        #expect(groups.count == 1)
        #expect(groups.first?.count == 3)
        #expect(try f.library.count("family:kick") == 3)
    }

    @Test("a root that goes offline marks its samples missing, keeps tags, and comes back")
    func offlineRoot() throws {
        let f = try LibraryFixture()
        try f.writeStandardSet()
        try f.scan()
        let id = try f.id("drums/snare.wav")
        try f.library.addTag("verse", to: [id])
        let away = f.dir.file("unplugged")
        try FileManager.default.moveItem(atPath: f.samplesRoot, toPath: away)
        let offline = try f.scan()
        #expect(offline.offlineRoots == [f.samplesRoot])
        #expect(try f.library.roots().first?.isOnline == false)
        #expect(try f.library.count("status:missing") == 5)
        try FileManager.default.moveItem(atPath: away, toPath: f.samplesRoot)
        let back = try f.scan()
        #expect(back.restored == 5)
        #expect(back.analysed == 0)
        #expect(try f.library.roots().first?.isOnline == true)
        #expect(try f.library.sample(id: id)?.tags == ["verse"])
        #expect(try f.library.count("status:ok") == 5)
    }

    @Test("a symlink loop ends, and a linked folder's files are found once")
    func symlinkLoop() throws {
        let f = try LibraryFixture()
        try f.writeStandardSet()
        try FileManager.default.createSymbolicLink(atPath: f.dir.file("samples/drums/loop-back"), withDestinationPath: f.samplesRoot)
        try FileManager.default.createSymbolicLink(atPath: f.dir.file("samples/dangling.wav"), withDestinationPath: "/nonexistent")
        let summary = try f.scan()
        #expect(summary.added == 5)
    }

    @Test("a text file named .wav is recorded with an error; a non-audio file is ignored")
    func badFiles() throws {
        let f = try LibraryFixture()
        try f.writeStandardSet()
        try Data("not audio".utf8).write(to: URL(fileURLWithPath: f.dir.file("samples/fake.wav")))
        try Data("readme".utf8).write(to: URL(fileURLWithPath: f.dir.file("samples/README.txt")))
        let summary = try f.scan()
        #expect(summary.added == 6)
        #expect(summary.analysisErrors == 1)
        let fake = try #require(try f.library.search("status:error").first)
        #expect(fake.name == "fake.wav")
        #expect(fake.error?.isEmpty == false)
    }

    @Test("hidden folders are skipped unless asked for")
    func hiddenFolders() throws {
        let f = try LibraryFixture()
        try FileManager.default.createDirectory(atPath: f.dir.file("samples/.secret"), withIntermediateDirectories: true)
        try f.write(Drums.kick(), ".secret/kick.wav")
        try f.write(Drums.hat(), "drums/hat.wav")
        #expect(try Scanner().scan([RawPath(f.samplesRoot)], into: f.library).added == 1)
        #expect(try Scanner(includeHidden: true).scan([RawPath(f.samplesRoot)], into: f.library).added == 1)
    }

    @Test("names with spaces, newlines, escape characters and invalid UTF-8 are stored exactly")
    func oddNames() throws {
        let f = try LibraryFixture()
        let names: [[UInt8]] = [Array("with space.wav".utf8), Array("new\nline.wav".utf8),
                                Array("esc\u{1B}[31m.wav".utf8), Array("bad".utf8) + [0xFF, 0xFE] + Array(".wav".utf8)]
        let folder = RawPath(f.samplesRoot)
        for name in names {
            let temporary = try f.write(Drums.hat(), "tmp.wav")
            let target = folder.appending(name)
            _ = temporary.withCString { from in target.withCString { to in rename(from, to) } }
        }
        let summary = try f.scan()
        #expect(summary.added == 4)
        #expect(summary.analysed == 1 && summary.analysisErrors == 0, "same content: one analysis, readable by raw path")
        for name in names {
            let stored = try #require(try f.library.sample(path: folder.appending(name)))
            #expect(stored.status == "ok")
        }
    }
}
