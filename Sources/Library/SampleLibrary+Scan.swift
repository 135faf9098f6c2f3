import Foundation
import GRDB

/// What the library knows about a file, for the incremental scanner.
public struct KnownFile: Sendable, Equatable {
    public var id: Int64
    public var path: RawPath
    public var size: Int64
    public var mtime: Double
    public var status: String
    public var contentHash: String?
}

/// One change the scanner found, applied in a batch.
public enum ScanChange: Sendable, Equatable {
    /// A new file.
    case insert(path: RawPath, rootId: Int64, size: Int64, mtime: Double, contentHash: String)
    /// A new file that could not be read: recorded with its error so the user sees it.
    case insertUnreadable(path: RawPath, rootId: Int64, size: Int64, mtime: Double, reason: String)
    /// A known path whose size or mtime changed (its content is re-analysed).
    case contentChanged(id: Int64, size: Int64, mtime: Double, contentHash: String)
    /// A missing file found again at a new path (same content): tags, rating and notes move with it.
    case moved(id: Int64, to: RawPath, rootId: Int64, size: Int64, mtime: Double)
    /// A file that disappeared: kept, marked missing.
    case missing(id: Int64)
    /// A missing file that is back, unchanged.
    case restored(id: Int64)
}

extension SampleLibrary {
    /// Every sample under `rootId`, by path.
    public func knownFiles(rootId: Int64) throws -> [RawPath: KnownFile] {
        try read { db in
            let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sample WHERE rootId = ?", arguments: [rootId]) ?? 0
            var files = [RawPath: KnownFile](minimumCapacity: count)
            let rows = try Row.fetchCursor(db, sql: """
                SELECT id, path, size, mtime, status, contentHash FROM sample WHERE rootId = ?
                """, arguments: [rootId])
            while let row = try rows.next() {
                let file = KnownFile.from(row)
                files[file.path] = file
            }
            return files
        }
    }

    /// The exact path bytes of a sample (its display path is lossy when the name is not UTF-8).
    public func rawPath(of sampleId: Int64) throws -> RawPath? {
        try read { db in
            try Data.fetchOne(db, sql: "SELECT path FROM sample WHERE id = ?", arguments: [sampleId]).map { RawPath(bytes: [UInt8]($0)) }
        }
    }

    /// Missing samples (anywhere in the library) with these content hashes: candidates for a move.
    public func missingFiles(withHashes hashes: Set<String>) throws -> [String: [KnownFile]] {
        guard !hashes.isEmpty else { return [:] }
        return try read { db in
            var result: [String: [KnownFile]] = [:]
            for chunk in Array(hashes).chunked(500) {
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                let rows = try Row.fetchAll(db, sql: """
                    SELECT id, path, size, mtime, status, contentHash FROM sample
                    WHERE status = 'missing' AND contentHash IN (\(marks)) ORDER BY id
                    """, arguments: StatementArguments(chunk))
                for row in rows {
                    let file = KnownFile.from(row)
                    result[file.contentHash ?? "", default: []].append(file)
                }
            }
            return result
        }
    }

    /// Applies scanner changes in one transaction and keeps the full-text index in step.
    public func apply(_ changes: [ScanChange]) throws {
        guard !changes.isEmpty else { return }
        let now = SampleLibrary.now
        try write { db in
            for change in changes {
                switch change {
                case .insert(let path, let rootId, let size, let mtime, let hash):
                    try db.execute(sql: """
                        INSERT INTO sample (rootId, path, displayPath, folder, name, ext, size, mtime, contentHash,
                                            status, addedAt, updatedAt)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)
                        """, arguments: [rootId, Data(path.bytes), path.display, path.folder.display, path.name.display,
                                         path.fileExtension, size, mtime, hash, now, now])
                    try refreshSearchIndex(db, sampleId: db.lastInsertedRowID)
                case .insertUnreadable(let path, let rootId, let size, let mtime, let reason):
                    try db.execute(sql: """
                        INSERT INTO sample (rootId, path, displayPath, folder, name, ext, size, mtime, status, error,
                                            addedAt, updatedAt)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'error', ?, ?, ?)
                        ON CONFLICT(path) DO UPDATE SET status = 'error', error = excluded.error
                        """, arguments: [rootId, Data(path.bytes), path.display, path.folder.display, path.name.display,
                                         path.fileExtension, size, mtime, reason, now, now])
                    try refreshSearchIndex(db, sampleId: db.lastInsertedRowID)
                case .contentChanged(let id, let size, let mtime, let hash):
                    try db.execute(sql: """
                        UPDATE sample SET size = ?, mtime = ?, contentHash = ?, status = 'pending', error = NULL,
                                          updatedAt = ? WHERE id = ?
                        """, arguments: [size, mtime, hash, now, id])
                case .moved(let id, let path, let rootId, let size, let mtime):
                    try db.execute(sql: """
                        UPDATE sample SET rootId = ?, path = ?, displayPath = ?, folder = ?, name = ?, ext = ?,
                                          size = ?, mtime = ?, status = 'pending', updatedAt = ? WHERE id = ?
                        """, arguments: [rootId, Data(path.bytes), path.display, path.folder.display, path.name.display,
                                         path.fileExtension, size, mtime, now, id])
                    try refreshSearchIndex(db, sampleId: id)
                case .missing(let id):
                    try db.execute(sql: "UPDATE sample SET status = 'missing', updatedAt = ? WHERE id = ?",
                                   arguments: [now, id])
                case .restored(let id):
                    try db.execute(sql: "UPDATE sample SET status = 'pending', updatedAt = ? WHERE id = ?",
                                   arguments: [now, id])
                }
            }
        }
    }

    /// Rewrites one sample's row in the FTS5 index from its name, path, tags and note.
    func refreshSearchIndex(_ db: Database, sampleId: Int64) throws {
        try db.execute(sql: "DELETE FROM sample_fts WHERE rowid = ?", arguments: [sampleId])
        try db.execute(sql: """
            INSERT INTO sample_fts (rowid, name, path, tags, notes)
            SELECT s.id, s.name, s.displayPath,
                   COALESCE((SELECT group_concat(tag, ' ') FROM tag WHERE sampleId = s.id), ''),
                   COALESCE((SELECT text FROM note WHERE sampleId = s.id), '')
            FROM sample s WHERE s.id = ?
            """, arguments: [sampleId])
    }
}

extension KnownFile {
    static func from(_ row: Row) -> KnownFile {
        KnownFile(id: row["id"], path: RawPath(bytes: [UInt8](row["path"] as Data)), size: row["size"],
                  mtime: row["mtime"], status: row["status"], contentHash: row["contentHash"])
    }
}

extension Array {
    func chunked(_ size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
