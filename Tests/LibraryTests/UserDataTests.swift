import Foundation
import Library
import Synthesis
import Testing

@Suite("Tags, ratings and queries are stored and found as text")
struct UserDataTests {
    @Test("SQL in tags and queries is stored and found as plain text")
    func sqlInjection() throws {
        let f = try LibraryFixture()
        try f.writeStandardSet()
        try f.scan()
        let id = try f.id("drums/kick.wav")
        let hostile = "'; DROP TABLE sample; --"
        try f.library.addTag(hostile, to: [id])
        #expect(try f.library.search("tag:\"\(hostile)\"").map(\.id) == [id])
        #expect(try f.library.search("x'); DROP TABLE sample; --").isEmpty)
        #expect(try f.library.count("") == 5, "the table is still there")
        #expect(try f.library.allTags().map(\.tag) == [hostile])
    }

    @Test("the query language filters on analysis, rating, favourite and tags")
    func queries() throws {
        let f = try LibraryFixture()
        try f.writeStandardSet()
        try f.scan()
        let snare = try f.id("drums/snare.wav"), bass = try f.id("tonal/bass E2.wav")
        try f.library.setRating(5, for: [snare])
        try f.library.setFavorite(true, for: [bass])
        try f.library.addTag("Dark", to: [bass])
        #expect(try f.library.search("rating:>=4").map(\.id) == [snare])
        #expect(try f.library.search("fav").map(\.id) == [bass])
        #expect(try f.library.search("tag:dark").map(\.id) == [bass], "tags match case-insensitively")
        #expect(try f.library.search("dark").map(\.id) == [bass], "free words search tags too")
        #expect(try f.library.search("bpm:115..125 type:loop").count == 1)
        #expect(try f.library.search("dur:<0.3s").allSatisfy { ($0.duration ?? 9) < 0.3 })
        #expect(try f.library.search("-path:drums/").map(\.id) == [bass])
        let byDuration = try f.library.search("sort:-dur")
        #expect(byDuration.map { $0.duration ?? 0 } == byDuration.map { $0.duration ?? 0 }.sorted(by: >))
    }

    @Test("a rating outside 0–5 is refused")
    func badRating() throws {
        let f = try LibraryFixture()
        #expect(throws: LibraryError.invalidRating(6)) { try f.library.setRating(6, for: [1]) }
    }

    @Test("the windowed and gathered fast paths return exactly the pages of the full sort, ties and all")
    func windowedSearchMatchesFullSort() throws {
        let f = try LibraryFixture()
        for i in 0..<12 {   // duplicate contents give tied bpm/lufs values across rows
            let signal = i % 3 == 0 ? Drums.kick() : (i % 3 == 1 ? Drums.loop(bpm: 120, bars: 1) : Signals.tone(midi: 40 + Double(i), seconds: 0.3))
            try f.write(signal, "drums/s\(String(format: "%02d", i)).wav")
        }
        try f.scan()
        try f.library.setRating(4, for: [2, 5, 11])
        try f.library.addTag("Dark", to: [1, 4, 7, 8, 10])
        try f.library.addTag("dark", to: [4, 8])   // two spellings on one sample: still one match
        let windowed = try SampleLibrary(path: f.databasePath, searchWindow: 4)
        let tightlyGathered = try SampleLibrary(path: f.databasePath, searchWindow: 4, sparseMatches: 3)
        let growing = try SampleLibrary(path: f.databasePath, searchWindow: 30, sparseMatches: 0)
        // queries with fewer than a page among the first 4 rows gather their matches when there
        // are at most 5000 (`windowed`) or 3 (`tightlyGathered`), else take the general plan;
        // `growing` tries windows of 4 pages, then 30 rows; words alone page by cached name positions
        for query in ["", "type:oneshot", "sort:-lufs", "sort:lufs", "sort:bpm", "sort:-bpm", "sort:-dur", "family:kick",
                      "rating:>=4", "rating:>=4 sort:-lufs", "type:loop sort:key", "s1", "drums -s1", "s0 sort:-name",
                      "-s0 -s1", "tag:dark", "tag:DARK -s1", "drums -tag:dark", "s0 tag:dark", "tag:dark sort:-lufs"] {
            let all = try f.library.search(query).map(\.id)   // no limit: the unwindowed general plan
            for (limit, offset) in [(2, 0), (3, 1), (2, 2)] {
                let page = Array(all.dropFirst(offset).prefix(limit))
                let fast = try windowed.search(query, limit: limit, offset: offset).map(\.id)
                #expect(fast == page, "query \"\(query)\" limit \(limit) offset \(offset)")
                let tight = try tightlyGathered.search(query, limit: limit, offset: offset).map(\.id)
                #expect(tight == page, "query \"\(query)\" limit \(limit) offset \(offset), 3 gathered at most")
                let grown = try growing.search(query, limit: limit, offset: offset).map(\.id)
                #expect(grown == page, "query \"\(query)\" limit \(limit) offset \(offset), growing windows")
            }
            #expect(try growing.search(query, limit: 0).isEmpty, "an empty page returns at once: \"\(query)\"")
        }
    }
}

@Suite("Free-text pages in name order come from cached name positions that follow every change")
struct NameOrderedTextSearchTests {
    private func expectPagesMatchFullSort(_ library: SampleLibrary, reference: SampleLibrary, _ label: String) throws {
        for query in ["drums", "wav -b", "a", "tag:t", "tag:t -b"] {
            let all = try reference.search(query).map(\.id)   // no limit: the general plan
            for (limit, offset) in [(2, 0), (3, 2), (10, 0)] {
                let page = try library.search(query, limit: limit, offset: offset).map(\.id)
                #expect(page == Array(all.dropFirst(offset).prefix(limit)), "\(label): \"\(query)\" \(limit)@\(offset)")
            }
        }
    }

    @Test("renamed, added and pruned samples move in the pages at once, or after the refresh interval")
    func followsRenamesAdditionsAndPrunes() throws {
        let f = try LibraryFixture()
        for name in ["b", "A", "c", "a2", "B3"] {   // mixed case: the order ignores case, then id
            try f.write(Signals.tone(midi: 50, seconds: 0.2), "drums/\(name).wav")
        }
        try f.scan()
        try f.library.addTag("t", to: [1, 2, 4])
        let current = try SampleLibrary(path: f.databasePath, nameOrderRefresh: 0)
        let stale = try SampleLibrary(path: f.databasePath, nameOrderRefresh: 3600)
        try expectPagesMatchFullSort(current, reference: f.library, "first scan")
        try expectPagesMatchFullSort(stale, reference: f.library, "first scan, built once")

        try FileManager.default.moveItem(atPath: f.dir.file("samples/drums/A.wav"), toPath: f.dir.file("samples/drums/zz.wav"))
        try f.write(Signals.tone(midi: 52, seconds: 0.2), "drums/aa.wav")
        try FileManager.default.removeItem(atPath: f.dir.file("samples/drums/c.wav"))
        try f.scan()
        _ = try f.library.pruneMissing()
        try expectPagesMatchFullSort(current, reference: f.library, "after rename, add and prune")
        try expectPagesMatchFullSort(stale, reference: f.library, "stale positions are not used")
        #expect(try current.search("zz", limit: 5).count == 1, "the renamed file is found by its new name")
    }
}
