import Foundation
import Glibc
import Synthesis
import Testing
import TestSupport

@Suite("samplemind notes --all killed with SIGKILL")
struct NotesCrashSafetyTests {
    let dir = TemporaryDirectory(prefix: "samplemind-notes-kill")

    /// Runs `sql` on the database with python3's sqlite3 (autocommit) and returns the first column of every row.
    private func query(_ db: String, _ sql: String) throws -> [String] {
        let run = try Built.run("/usr/bin/env", ["python3", "-c", """
            import sqlite3, sys
            for row in sqlite3.connect(sys.argv[1], isolation_level=None).execute(sys.argv[2]): print(row[0])
            """, db, sql])
        return run.stdout.split(separator: "\n").map(String.init)
    }

    @Test("random kills lose no committed tag, rating, note or AI note; the database stays intact; a rerun completes")
    func killedAtRandomMoments() throws {
        // the fake language-model server of the AI tests, answering each request after 20 ms
        let script = HostileCorpus.repository + "/Tests/AITests/fake_llm_server.py"
        let server = try SpawnedProcess(["python3", script, dir.file("requests.jsonl")])
        let port = try #require(server.firstLine().flatMap(Int.init))
        try FileManager.default.createDirectory(atPath: dir.file("config/samplemind"), withIntermediateDirectories: true)
        try """
            [ai]
            order = ["fake"]
            [ai.providers.fake]
            kind = "ollama"
            base_url = "http://127.0.0.1:\(port)"
            model = "delay20"
            """.write(toFile: dir.file("config/samplemind/config.toml"), atomically: true, encoding: .utf8)
        let environment = ["/usr/bin/env", "XDG_CONFIG_HOME=\(dir.file("config"))"]

        try FileManager.default.createDirectory(atPath: dir.file("lib"), withIntermediateDirectories: true)
        for i in 0..<60 {
            try Fixtures.write(Signals.tone(midi: 36 + Double(i), seconds: 0.2), in: dir, name: "lib/tone \(i).wav", encoding: .wavPCM16)
        }
        let db = dir.file("db.sqlite")
        #expect(try Built.run(Built.samplemind, ["scan", "--db", db, dir.file("lib")]).status == 0)
        // committed before any kill: a tag, a rating, a favourite, the user's own note, and AI notes for ten samples
        #expect(try Built.run(Built.samplemind, ["tag", "add", "--db", db, "keeper", dir.file("lib/tone 7.wav")]).status == 0)
        #expect(try Built.run(Built.samplemind, ["rate", "--db", db, "4", dir.file("lib/tone 8.wav")]).status == 0)
        #expect(try Built.run(Built.samplemind, ["fav", "--db", db, dir.file("lib/tone 9.wav")]).status == 0)
        _ = try query(db, "INSERT INTO note (sampleId, text, updatedAt) SELECT id, 'mine, hands off', 0 FROM sample WHERE name = 'tone 10.wav'")
        let firstTen = (0..<10).map { dir.file("lib/tone \($0).wav") }
        #expect(try Built.run(Built.samplemind, ["tag", "add", "--db", db, "first"] + firstTen).status == 0)
        let first = try TimedRun.run(environment + [Built.samplemind, "notes", "--all", "--db", db, "tag:first"], timeout: 60)
        #expect(first.status == 0)
        let committed = try query(db, "SELECT contentHash || text FROM aiNote ORDER BY 1")
        #expect(committed.count == 10)

        var generator = SystemRandomNumberGenerator()
        var delays: [Double] = []
        var notesAfterKill: [Int] = []
        for _ in 0..<6 {
            // --refresh: every run rewrites notes, so each kill lands in the middle of writing
            let notes = try SpawnedProcess(environment + [Built.samplemind, "notes", "--all", "--refresh", "--jobs", "2", "--db", db])
            let delay = Double.random(in: 0.05...0.6, using: &generator)
            delays.append(delay)
            usleep(UInt32(delay * 1e6))
            notes.stop()   // SIGKILL
            notesAfterKill.append(try query(db, "SELECT count(*) FROM aiNote").first.flatMap(Int.init) ?? -1)
        }
        #expect(notesAfterKill.allSatisfy { $0 >= committed.count }, "kills at \(delays) s left \(notesAfterKill) notes")
        #expect(try query(db, "PRAGMA integrity_check") == ["ok"])
        let kept = Set(try query(db, "SELECT contentHash || text FROM aiNote"))
        #expect(Set(committed).isSubset(of: kept), "no AI note committed before the kills is lost")

        let rerun = try TimedRun.run(environment + [Built.samplemind, "notes", "--all", "--json", "--db", db], timeout: 60)
        #expect(rerun.status == 0)
        let summary = try #require(JSONSerialization.jsonObject(with: rerun.stdout) as? [String: Any])
        #expect(summary["samples"] as? Int == 60 && summary["offline"] as? Int == 0)
        #expect(try query(db, "SELECT count(*) FROM aiNote") == ["60"], "every sample has its note after the rerun")
        #expect(try query(db, "PRAGMA integrity_check") == ["ok"])
        #expect(try query(db, "SELECT s.name FROM tag t JOIN sample s ON s.id = t.sampleId WHERE t.tag = 'keeper'") == ["tone 7.wav"])
        #expect(try query(db, "SELECT name || ':' || rating FROM sample WHERE rating > 0") == ["tone 8.wav:4"])
        #expect(try query(db, "SELECT name FROM sample WHERE favorite = 1") == ["tone 9.wav"])
        #expect(try query(db, "SELECT text FROM note") == ["mine, hands off"])
    }
}
