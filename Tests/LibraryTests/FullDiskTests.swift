import Engine
import Foundation
import GRDB
import Library
import Synthesis
import Testing

/// A full disk is simulated with SQLite's `max_page_count` (`SampleLibrary(pageLimit:)`), which
/// fails a write with the same SQLITE_FULL a full file system gives; the CLI test mounts a real
/// small tmpfs where the machine allows it.
@Suite("A library whose disk fills up")
struct FullDiskTests {
    /// Writes `count` distinct one-shots into the fixture's samples folder.
    private func writeSamples(_ f: LibraryFixture, count: Int) throws {
        for i in 0..<count {
            try f.write(Signals.tone(midi: 36 + Double(i), seconds: 0.2), "tonal/tone \(i).wav")
        }
    }

    private func pageCount(_ path: String) throws -> Int {
        try DatabaseQueue(path: path).read { try Int.fetchOne($0, sql: "PRAGMA page_count") ?? 0 }
    }

    /// Every committed row is whole: integrity holds, each analysed sample has its analysis and
    /// feature rows, and nothing is marked analysed without them.
    private func expectConsistent(_ path: String) throws {
        try DatabaseQueue(path: path).read { db in
            #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
            let orphanOk = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM sample s WHERE s.status = 'ok'
                AND NOT EXISTS (SELECT 1 FROM analysis a WHERE a.contentHash = s.contentHash)
                """)
            #expect(orphanOk == 0, "samples marked analysed without an analysis row")
            let detailless = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM analysis a
                WHERE NOT EXISTS (SELECT 1 FROM analysisDetail d WHERE d.contentHash = a.contentHash)
                """)
            #expect(detailless == 0, "analysis rows without their feature vector")
        }
    }

    @Test("analysis that fills the disk stops with a full-disk explanation, keeps what was committed, and a rerun completes")
    func analysisFillsTheDisk() throws {
        let f = try LibraryFixture()
        try writeSamples(f, count: 40)
        _ = try Scanner().scan([RawPath(f.samplesRoot)], into: f.library)
        try f.library.setRating(5, for: [1])
        _ = try f.library.addTag("keep", to: [1])
        let capped = try SampleLibrary(path: f.databasePath, pageLimit: try pageCount(f.databasePath) + 6)
        let error = #expect(throws: DatabaseError.self) {
            try AnalysisEngine(library: capped, jobs: 1, batchSize: 4).run()
        }
        #expect(error?.resultCode == .SQLITE_FULL)
        #expect(StorageFailure.explanation(of: try #require(error))?.contains("disk holding the library database is full") == true)
        try expectConsistent(f.databasePath)
        let analysedBeforeRerun = try f.library.count("status:ok")
        #expect(analysedBeforeRerun < 40, "the cap must have stopped the run early")

        let rerun = try AnalysisEngine(library: f.library, jobs: 1).run()
        #expect(rerun.analysed + analysedBeforeRerun == 40)
        #expect(try f.library.count("status:ok") == 40)
        #expect(try f.library.count("tag:keep rating:5") == 1)
        try expectConsistent(f.databasePath)
    }

    @Test("a scan that fills the disk stops with the full-disk error and leaves no half-written batch")
    func scanFillsTheDisk() throws {
        let f = try LibraryFixture()
        try writeSamples(f, count: 40)
        let capped = try SampleLibrary(path: f.databasePath, pageLimit: try pageCount(f.databasePath) + 2)
        let error = #expect(throws: DatabaseError.self) {
            try Scanner().scan([RawPath(f.samplesRoot)], into: capped)
        }
        #expect(error?.resultCode == .SQLITE_FULL)
        try expectConsistent(f.databasePath)
        try f.scan()
        #expect(try f.library.count("status:ok") == 40)
    }
}
