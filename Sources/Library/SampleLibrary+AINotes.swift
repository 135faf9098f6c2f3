import Foundation
import GRDB

/// A cached AI note (or the user's own edit of one).
public struct CachedNote: Sendable, Equatable, Codable {
    public var text: String
    public var provider: String
    public var model: String
    public var createdAt: Double
    public var userEdited: Bool
}

extension SampleLibrary {
    /// The note for `contentHash` at `promptVersion`: the user's edit if there is one, else the
    /// newest unexpired model note. Counts a cache hit or miss.
    public func cachedNote(contentHash: String, promptVersion: Int, now: Double = Date().timeIntervalSince1970) throws -> CachedNote? {
        try write { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT text, provider, model, createdAt, userEdited FROM aiNote
                WHERE contentHash = ? AND (userEdited = 1 OR (promptVersion = ? AND expiresAt > ?))
                ORDER BY userEdited DESC, createdAt DESC LIMIT 1
                """, arguments: [contentHash, promptVersion, now])
            try bump(db, row == nil ? "ai_cache_misses" : "ai_cache_hits", by: 1)
            return row.map {
                CachedNote(text: $0["text"], provider: $0["provider"], model: $0["model"], createdAt: $0["createdAt"],
                           userEdited: ($0["userEdited"] as Int) != 0)
            }
        }
    }

    /// Stores a model's note (never over a user-edited one).
    public func storeNote(contentHash: String, provider: String, model: String, promptVersion: Int, text: String,
                          ttl: Double, now: Double = Date().timeIntervalSince1970) throws {
        try write { db in
            try db.execute(sql: """
                INSERT INTO aiNote (contentHash, provider, model, promptVersion, text, createdAt, expiresAt, userEdited)
                VALUES (?, ?, ?, ?, ?, ?, ?, 0)
                ON CONFLICT(contentHash, provider, model, promptVersion) DO UPDATE SET
                    text = excluded.text, createdAt = excluded.createdAt, expiresAt = excluded.expiresAt
                WHERE aiNote.userEdited = 0
                """, arguments: [contentHash, provider, model, promptVersion, text, now, now + ttl])
        }
    }

    /// Saves the user's own version of the note; it wins over every model note from now on.
    public func storeEditedNote(contentHash: String, text: String, now: Double = Date().timeIntervalSince1970) throws {
        try write { db in
            try db.execute(sql: """
                INSERT OR REPLACE INTO aiNote (contentHash, provider, model, promptVersion, text, createdAt, expiresAt, userEdited)
                VALUES (?, 'user', '', 0, ?, ?, 1e18, 1)
                """, arguments: [contentHash, text, now])
        }
    }
}
