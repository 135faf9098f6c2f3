import Foundation
import Glibc

/// The library's folder and database are created readable by their owner only (0700 / 0600,
/// whatever the umask): they list the user's files, tags and notes. SQLite gives the -wal and
/// -shm files the database file's mode. Existing files and folders are left as they are.
enum OwnerOnlyFiles {
    /// Creates the folder of `databasePath` (0700 for the last component when new) and an empty
    /// database file (0600) when there is none yet.
    static func prepare(databasePath path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty && !FileManager.default.fileExists(atPath: folder) {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw LibraryError.cannotOpen(path: path, reason: "cannot create \(folder): \(error.localizedDescription)")
            }
            chmod(folder, 0o700)
        }
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if fd >= 0 {   // new: exactly 0600 even under a permissive umask
            fchmod(fd, 0o600)
            close(fd)
        }
    }
}
