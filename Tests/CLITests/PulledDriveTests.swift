import Foundation
import Glibc
import Synthesis
import Testing
import TestSupport

@Suite("A drive pulled while scanning")
struct PulledDriveTests {
    let dir = TemporaryDirectory(prefix: "samplemind-pulled")

    private func stats(_ db: String) throws -> [String: Any] {
        let run = try Built.run(Built.samplemind, ["stats", "--db", db, "--json"])
        return try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any] ?? [:]
    }

    private func analysedCount(_ db: String) throws -> Int {
        let run = try Built.run("/usr/bin/env", ["python3", "-c", """
            import sqlite3, sys
            print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM sample WHERE status = 'ok'").fetchone()[0])
            """, db])
        return Int(run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    private func writeDrive(_ root: String, count: Int) throws {
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        for i in 0..<count {
            try Fixtures.write(Signals.tone(midi: 40 + Double(i % 40), seconds: 0.6 + Double(i) * 0.001), in: dir,
                               name: "drive/tone \(i).wav", encoding: .wavPCM16)
        }
    }

    /// The analysis stores its results 32 at a time: with 60 files the first store can come when nearly
    /// all are done, and on a loaded machine the scan finished before the drive was pulled (the screen
    /// said "analysed 60, 0 errors"). With 200 the rename lands mid-scan.
    @Test("the root vanishing while the browser scans it: the browser stays responsive and says the root is offline")
    func rootRenamedAwayWhileBrowsing() throws {
        let root = dir.file("drive"), away = dir.file("drive-pulled")
        try writeDrive(root, count: 200)
        let db = dir.file("db.sqlite")
        #expect(try Built.run(Built.samplemind, ["scan", "--db", db, "--no-analyze", root]).status == 0)
        let tmux = try Tmux(command: "\(Built.samplemind) --db \(db) \(root)", width: 220, environment: [
            "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "HOME": dir.path, "XDG_CONFIG_HOME": dir.file("config"),
        ])
        #expect(tmux.waitFor("Library (200)").contains("Library (200)"))
        let deadline = Date().addingTimeInterval(30)
        while try analysedCount(db) < 3 && Date() < deadline { usleep(20_000) }
        #expect(rename(root, away) == 0)
        let screen = tmux.waitFor("offline: \(root)", timeout: 20)
        #expect(screen.contains("offline: \(root)"), "the scan's end says the root is offline")
        tmux.send("?")
        #expect(tmux.waitFor("SampleMind keys", timeout: 5).contains("SampleMind keys"), "still responsive")
        tmux.send("q")
        tmux.send("q")
        #expect(tmux.waitFor("EXIT=").contains("EXIT=0"))
        #expect(try stats(db)["offlineRoots"] as? Int == 1)
    }

    @Test("the root vanishing mid-scan: the scan ends promptly, the root is offline, its files missing (not broken), tags survive the return")
    func rootRenamedAwayWhileScanning() throws {
        let root = dir.file("drive"), away = dir.file("drive-pulled")
        let count = 200   // results are stored 32 at a time: enough left to scan when the first store lands
        try writeDrive(root, count: count)
        let db = dir.file("db.sqlite")
        #expect(try Built.run(Built.samplemind, ["scan", "--db", db, "--no-analyze", root]).status == 0)
        #expect(try Built.run(Built.samplemind, ["tag", "add", "--db", db, "keeper", root + "/tone 42.wav"]).status == 0)

        let scan = try SpawnedProcess([Built.samplemind, "scan", "--db", db, "--json", "--jobs", "1", root])
        let deadline = Date().addingTimeInterval(30)
        while try analysedCount(db) < 3 && Date() < deadline { usleep(20_000) }
        #expect(rename(root, away) == 0)
        let pulledAt = Date()
        let run = scan.wait(timeout: 60)
        let afterPull = Date().timeIntervalSince(pulledAt)
        #expect(!run.timedOut && run.signal == nil && run.status == 0, "\(run.stderr)")
        #expect(afterPull < 10, "the scan ends promptly once the drive is gone (took \(afterPull) s)")
        let summary = try #require(JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
        #expect((summary["offlineRoots"] as? [String]) == [root], "the scan reports the root offline")
        let analysed = summary["analysed"] as? Int ?? 0
        #expect(analysed < count, "the drive went away before the scan could finish")
        var after = try stats(db)
        #expect(after["offlineRoots"] as? Int == 1)
        let byStatus = after["byStatus"] as? [String: Int] ?? [:]
        #expect(byStatus["error"] == nil, "files on a pulled drive are missing, not broken: \(byStatus)")
        #expect(byStatus["missing", default: 0] + byStatus["ok", default: 0] == count)

        #expect(rename(away, root) == 0)
        let rescan = try TimedRun.run([Built.samplemind, "scan", "--db", db, "--json", root], timeout: 120)
        #expect(rescan.status == 0)
        after = try stats(db)
        #expect(after["offlineRoots"] as? Int == 0)
        #expect((after["byStatus"] as? [String: Int]) == ["ok": count], "every file is back and analysed")
        let tagged = try Built.run(Built.samplemind, ["search", "--db", db, "tag:keeper"])
        #expect(tagged.stdout.contains("tone 42.wav"))
    }
}
