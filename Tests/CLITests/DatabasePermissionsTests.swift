import Foundation
import Glibc
import Testing
import TestSupport

@Suite("Who may read the library database")
struct DatabasePermissionsTests {
    private func mode(_ path: String) -> mode_t {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_mode & 0o777 : 0o7777
    }

    @Test("a new database and its folder are owner-only (0600 / 0700) even under umask 000")
    func ownerOnly() throws {
        let dir = TemporaryDirectory(prefix: "samplemind-perms")
        let db = dir.file("data/samplemind/library.sqlite")
        let run = try TimedRun.run(["/bin/sh", "-c", "umask 000; exec \"$0\" stats --db \"$1\"", Built.samplemind, db], timeout: 30)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(mode(db) == 0o600)
        #expect(mode(dir.file("data/samplemind")) == 0o700)
        // an existing database keeps the mode its owner gave it
        chmod(db, 0o640)
        #expect(try TimedRun.run([Built.samplemind, "stats", "--db", db], timeout: 30).status == 0)
        #expect(mode(db) == 0o640)
    }
}
