import Foundation
import GRDB

/// A folder the user asked SampleMind to watch.
public struct LibraryRoot: Sendable, Equatable {
    public var id: Int64
    public var path: RawPath
    public var isOnline: Bool
    public var lastScanAt: Double?
}

extension SampleLibrary {
    /// The id of the root at `path`, adding it when new.
    public func ensureRoot(_ path: RawPath) throws -> Int64 {
        try write { db in
            if let id = try Int64.fetchOne(db, sql: "SELECT id FROM root WHERE path = ?", arguments: [Data(path.bytes)]) {
                return id
            }
            try db.execute(sql: "INSERT INTO root (path, displayPath, addedAt) VALUES (?, ?, ?)",
                           arguments: [Data(path.bytes), path.display, SampleLibrary.now])
            return db.lastInsertedRowID
        }
    }

    public func roots() throws -> [LibraryRoot] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT id, path, status, lastScanAt FROM root ORDER BY id").map { row in
                LibraryRoot(id: row["id"], path: RawPath(bytes: [UInt8](row["path"] as Data)),
                            isOnline: (row["status"] as String) == "online", lastScanAt: row["lastScanAt"])
            }
        }
    }

    /// Marks a root online or offline, and stamps the scan time when online.
    public func setRoot(_ id: Int64, online: Bool) throws {
        try write { db in
            try db.execute(sql: "UPDATE root SET status = ?, lastScanAt = COALESCE(?, lastScanAt) WHERE id = ?",
                           arguments: [online ? "online" : "offline", online ? SampleLibrary.now : nil, id])
        }
    }
}
