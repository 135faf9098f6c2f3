import Foundation
import Glibc
import Synthesis
import Testing
import TestSupport

/// Mounts a real, tiny tmpfs for the database (root only, as in CI); the library tests cover the
/// same failure everywhere with an SQLite page cap.
@Suite("A library database on a disk that fills up")
struct FullDiskCommandTests {
    /// Whether this process may mount a tmpfs (root with CAP_SYS_ADMIN); probed once.
    static let canMount: Bool = {
        guard getuid() == 0 else { return false }
        let probe = TemporaryDirectory(prefix: "samplemind-mount-probe")
        guard let mounted = try? Built.run("/bin/mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", probe.path]),
              mounted.status == 0 else { return false }
        _ = try? Built.run("/bin/umount", [probe.path])
        return true
    }()

    @Test("scan onto a full disk: a plain-language error, exit 1, the database intact and earlier tags kept",
          .enabled(if: canMount, "needs root allowed to mount a tmpfs"))
    func scanOntoFullDisk() throws {
        let dir = TemporaryDirectory(prefix: "samplemind-fulldisk")
        let disk = dir.file("small-disk")
        for folder in [disk, dir.file("first"), dir.file("many")] {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        #expect(try Built.run("/bin/mount", ["-t", "tmpfs", "-o", "size=768k", "tmpfs", disk]).status == 0)
        defer { _ = try? Built.run("/bin/umount", [disk]) }
        for i in 0..<3 {
            try Fixtures.write(Signals.tone(midi: 50 + Double(i), seconds: 0.1), in: dir, name: "first/tone \(i).wav", encoding: .wavPCM16)
        }
        for i in 0..<1500 {   // far more rows than 768 KiB holds (the WAL alone takes ~330 KiB)
            try Fixtures.write([Float(i) / 1500, 0.5, -0.5, 0], in: dir, name: "many/click \(i).wav", encoding: .wavPCM16)
        }
        let db = disk + "/library.sqlite"
        #expect(try Built.run(Built.samplemind, ["scan", "--db", db, "--no-analyze", dir.file("first")]).status == 0)
        #expect(try Built.run(Built.samplemind, ["tag", "add", "--db", db, "keep", dir.file("first/tone 1.wav")]).status == 0)

        let full = try Built.run(Built.samplemind, ["scan", "--db", db, "--no-analyze", dir.file("many")])
        #expect(full.status == 1)
        #expect(full.stderr.contains("the disk holding the library database is full"), "stderr: \(full.stderr)")
        #expect(!full.stderr.contains("SQLite error"), "a sentence, not an error code")

        let check = try Built.run("/usr/bin/sqlite3", [db, "PRAGMA integrity_check"])
        #expect(check.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "ok")
        let kept = try Built.run(Built.samplemind, ["search", "--db", db, "tag:keep"])
        #expect(kept.status == 0 && kept.stdout.contains("tone 1.wav"))
    }
}
