import Foundation
import Glibc
import Synthesis
import Testing
import TestSupport

@Suite("Library commands, as a user runs them")
struct LibraryCommandTests {
    let dir = TemporaryDirectory(prefix: "samplemind-cli")

    private func makeSamples(_ count: Int, in folder: String) throws {
        try FileManager.default.createDirectory(atPath: dir.file(folder), withIntermediateDirectories: true)
        for i in 0..<count {
            // distinct content per file: a short tone at a different pitch
            let tone = Signals.tone(midi: 40 + Double(i % 40), seconds: 0.3 + Double(i) * 0.001)
            try Fixtures.write(tone, in: dir, name: "\(folder)/tone \(i).wav", encoding: .wavPCM16)
        }
    }

    @Test("scan, tag, search and stats through the CLI, with --json")
    func scanTagSearch() throws {
        try makeSamples(6, in: "lib")
        let db = dir.file("db.sqlite")
        let scan = try Built.run(Built.samplemind, ["scan", "--db", db, "--json", dir.file("lib")])
        #expect(scan.status == 0)
        let summary = try #require(JSONSerialization.jsonObject(with: Data(scan.stdout.utf8)) as? [String: Any])
        #expect(summary["added"] as? Int == 6 && summary["analysed"] as? Int == 6)
        let tag = try Built.run(Built.samplemind, ["tag", "add", "--db", db, "warm", dir.file("lib/tone 0.wav")])
        #expect(tag.status == 0)
        let search = try Built.run(Built.samplemind, ["search", "--db", db, "--json", "tag:warm"])
        let lines = search.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.contains("tone 0.wav") == true)
        let stats = try Built.run(Built.samplemind, ["stats", "--db", db, "--prometheus"])
        #expect(stats.stdout.contains("samplemind_samples{status=\"ok\"} 6.0"))
        let bad = try Built.run(Built.samplemind, ["search", "--db", db, "bmp:120"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("bmp"))
    }

    @Test("a missing folder is a clear error, exit 1, and the database is not touched")
    func missingRoot() throws {
        let db = dir.file("db.sqlite")
        let run = try Built.run(Built.samplemind, ["scan", "--db", db, dir.file("no-such-folder")])
        #expect(run.status == 1)
        #expect(run.stderr.contains("folder not found"))
        let stats = try Built.run(Built.samplemind, ["stats", "--db", db, "--json"])
        let json = try #require(JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
        #expect(json["roots"] as? Int == 0 && json["samples"] as? Int == 0)
    }

    @Test("killing the scanner with SIGKILL loses no committed tag, the database stays intact, a rerun completes")
    func crashSafety() throws {
        try makeSamples(120, in: "lib")
        let db = dir.file("db.sqlite")
        // a first partial scan so there is something to tag
        _ = try Built.run(Built.samplemind, ["scan", "--db", db, "--no-analyze", dir.file("lib")])
        let tag = try Built.run(Built.samplemind, ["tag", "add", "--db", db, "keeper", dir.file("lib/tone 7.wav")])
        #expect(tag.status == 0)
        for delay in [0.05, 0.2, 0.4] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Built.samplemind)
            process.arguments = ["scan", "--db", db, "--jobs", "1", dir.file("lib")]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        let rerun = try Built.run(Built.samplemind, ["scan", "--db", db, "--json", dir.file("lib")])
        #expect(rerun.status == 0)
        let stats = try Built.run(Built.samplemind, ["stats", "--db", db, "--json"])
        let json = try #require(JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
        #expect((json["byStatus"] as? [String: Int])?["ok"] == 120)
        let tagged = try Built.run(Built.samplemind, ["search", "--db", db, "tag:keeper"])
        #expect(tagged.stdout.contains("tone 7.wav"))
        let check = try Built.run("/usr/bin/env", ["python3", "-c",
            "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('PRAGMA integrity_check').fetchone()[0])", db])
        #expect(check.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "ok")
    }
}

@Suite("Unreadable files and folders")
struct UnreadableTests {
    @Test("an unreadable file is recorded with its error, an unreadable folder reported, and the scan completes")
    func unreadable() throws {
        let dir = TemporaryDirectory(prefix: "samplemind-unreadable")
        try FileManager.default.createDirectory(atPath: dir.file("lib/locked"), withIntermediateDirectories: true)
        try Fixtures.write(Drums.kick(), in: dir, name: "lib/kick.wav", encoding: .wavPCM16)
        try Fixtures.write(Drums.hat(), in: dir, name: "lib/secret.wav", encoding: .wavPCM16)
        try Fixtures.write(Drums.snare(), in: dir, name: "lib/locked/snare.wav", encoding: .wavPCM16)
        chmod(dir.file("lib/secret.wav"), 0o000)
        chmod(dir.file("lib/locked"), 0o000)
        defer { chmod(dir.file("lib/locked"), 0o755) }
        // root reads everything: run the scan as an unprivileged user so permissions apply
        chmod(dir.path, 0o777)
        let asUser = getuid() == 0 ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []
        let command = asUser + [Built.samplemind, "scan", "--db", dir.file("db.sqlite"), "--json", dir.file("lib")]
        let run = try Built.run(command[0], Array(command.dropFirst()))
        #expect(run.status == 0)
        let summary = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(summary["added"] as? Int == 2, "kick.wav and the unreadable secret.wav")
        #expect(summary["analysed"] as? Int == 1)
        #expect(summary["unreadable"] as? Int == 2, "the file and the folder")
        #expect(run.stderr.contains("secret.wav") && run.stderr.contains("locked"))
        let search = try Built.run(asUser.isEmpty ? Built.samplemind : asUser[0],
                                   (asUser.isEmpty ? [] : Array(asUser.dropFirst()) + [Built.samplemind])
                                   + ["search", "--db", dir.file("db.sqlite"), "status:error"])
        #expect(search.stdout.contains("secret.wav"))
    }
}

extension UnreadableTests {
    @Test("a file made readable again is analysed at the next scan, though its size and mtime did not change",
          .enabled(if: getuid() == 0, "needs root to drop to an unprivileged user"))
    func readableAgain() throws {
        let dir = TemporaryDirectory(prefix: "samplemind-readable-again")
        try FileManager.default.createDirectory(atPath: dir.file("lib"), withIntermediateDirectories: true)
        try Fixtures.write(Drums.hat(), in: dir, name: "lib/secret.wav", encoding: .wavPCM16)
        chmod(dir.file("lib/secret.wav"), 0o000)
        chmod(dir.path, 0o777)
        let scan = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                    Built.samplemind, "scan", "--db", dir.file("db.sqlite"), "--json", dir.file("lib")]
        #expect(try Built.run(scan[0], Array(scan.dropFirst())).stdout.contains("\"unreadable\":1"))
        chmod(dir.file("lib/secret.wav"), 0o644)   // chmod changes ctime only
        let rescan = try Built.run(scan[0], Array(scan.dropFirst()))
        let summary = try #require(JSONSerialization.jsonObject(with: Data(rescan.stdout.utf8)) as? [String: Any])
        #expect(summary["analysed"] as? Int == 1 && summary["unreadable"] as? Int == 0)
        let ok = try Built.run(Built.samplemind, ["search", "--db", dir.file("db.sqlite"), "status:ok"])
        #expect(ok.stdout.contains("secret.wav"))
    }
}

@Suite("A database that cannot be written")
struct ReadOnlyDatabaseTests {
    /// Runs as root only (as CI does): it drops to `nobody` with setpriv, because root may write anyway.
    @Test("a read-only database file gives a clear error and exit 1, and nothing is written",
          .enabled(if: getuid() == 0, "needs root to drop to an unprivileged user"))
    func readOnly() throws {
        let dir = TemporaryDirectory(prefix: "samplemind-readonly")
        try FileManager.default.createDirectory(atPath: dir.file("lib"), withIntermediateDirectories: true)
        try Fixtures.write(Drums.kick(), in: dir, name: "lib/kick.wav", encoding: .wavPCM16)
        let db = dir.file("db.sqlite")
        #expect(try Built.run(Built.samplemind, ["scan", "--db", db, "--no-analyze", dir.file("lib")]).status == 0)
        try Fixtures.write(Drums.hat(), in: dir, name: "lib/hat.wav", encoding: .wavPCM16)
        chmod(dir.path, 0o777)
        chmod(db, 0o444)
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        let run = try Built.run("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups",
                                                     Built.samplemind, "scan", "--db", db, dir.file("lib")])
        #expect(run.status == 1)
        #expect(run.stderr.contains("readonly") || run.stderr.contains("read-only"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
    }
}

@Suite("samplemind similar")
struct SimilarCommandTests {
    @Test("lists the nearest samples with per-aspect distances, honours --where, --weights and --to-file")
    func similar() throws {
        let dir = TemporaryDirectory(prefix: "samplemind-similar")
        try FileManager.default.createDirectory(atPath: dir.file("lib"), withIntermediateDirectories: true)
        try Fixtures.write(Drums.kick(), in: dir, name: "lib/kick a.wav", encoding: .wavPCM16)
        try Fixtures.write(Drums.kick(sampleRate: 44100, seconds: 0.4), in: dir, name: "lib/kick b.wav", encoding: .wavPCM16)
        try Fixtures.write(Drums.hat(), in: dir, name: "lib/hat.wav", encoding: .wavPCM16)
        try Fixtures.write(Signals.tone(midi: 72, seconds: 1), in: dir, name: "lib/lead.wav", encoding: .wavPCM16)
        try Fixtures.write(Drums.kick(), in: dir, name: "lib/kick a copy.wav", encoding: .wavPCM16)
        let db = dir.file("db.sqlite")
        #expect(try Built.run(Built.samplemind, ["scan", "--db", db, dir.file("lib")]).status == 0)
        let run = try Built.run(Built.samplemind, ["similar", "--db", db, "--json", "-k", "3", dir.file("lib/kick a.wav")])
        #expect(run.status == 0)
        let matches = try run.stdout.split(separator: "\n").map {
            try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        let names = matches.compactMap { ($0["sample"] as? [String: Any])?["name"] as? String }
        #expect(names.first == "kick b.wav", "the other kick is the nearest")
        #expect(!names.contains("kick a copy.wav") && !names.contains("kick a.wav"), "itself and exact duplicates excluded")
        #expect((matches.first?["aspects"] as? [String: Any])?.keys.sorted() == ["envelope", "pitch", "rhythm", "spectrum", "timbre"])
        let filtered = try Built.run(Built.samplemind, ["similar", "--db", db, "--where", "path:hat", dir.file("lib/kick a.wav")])
        #expect(filtered.stdout.contains("hat.wav") && !filtered.stdout.contains("kick b.wav"))
        let outside = dir.file("outside.wav")
        try AudioFileWriter.writeMono(Drums.kick(sampleRate: 44100, seconds: 0.45), sampleRate: 44100, encoding: .wavPCM16, to: outside)
        let toFile = try Built.run(Built.samplemind, ["similar", "--db", db, "--to-file", outside, "-k", "1"])
        #expect(toFile.status == 0 && toFile.stdout.contains("kick"))
        let badWeights = try Built.run(Built.samplemind, ["similar", "--db", db, "--weights", "loudness=2", dir.file("lib/hat.wav")])
        #expect(badWeights.status != 0 && badWeights.stderr.contains("bad weight"))
    }
}

import AudioIO
