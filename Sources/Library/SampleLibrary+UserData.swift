import GRDB

extension SampleLibrary {
    /// Adds `tag` to each sample; returns how many got it newly.
    @discardableResult
    public func addTag(_ tag: String, to sampleIds: [Int64]) throws -> Int {
        let tag = tag.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !tag.isEmpty else { return 0 }
        return try write { db in
            var added = 0
            for id in sampleIds {
                try db.execute(sql: "INSERT OR IGNORE INTO tag (sampleId, tag) VALUES (?, ?)", arguments: [id, tag])
                added += db.changesCount
                try refreshSearchIndex(db, sampleId: id)
            }
            return added
        }
    }

    /// Removes `tag` (case-insensitively) from each sample; returns how many lost it.
    @discardableResult
    public func removeTag(_ tag: String, from sampleIds: [Int64]) throws -> Int {
        try write { db in
            var removed = 0
            for id in sampleIds {
                try db.execute(sql: "DELETE FROM tag WHERE sampleId = ? AND tag = ? COLLATE NOCASE", arguments: [id, tag])
                removed += db.changesCount
                try refreshSearchIndex(db, sampleId: id)
            }
            return removed
        }
    }

    /// Sets the 0–5 rating.
    public func setRating(_ rating: Int, for sampleIds: [Int64]) throws {
        guard (0...5).contains(rating) else { throw LibraryError.invalidRating(rating) }
        try write { db in
            for id in sampleIds {
                try db.execute(sql: "UPDATE sample SET rating = ? WHERE id = ?", arguments: [rating, id])
            }
        }
    }

    /// Sets or clears the favourite mark.
    public func setFavorite(_ favorite: Bool, for sampleIds: [Int64]) throws {
        try write { db in
            for id in sampleIds {
                try db.execute(sql: "UPDATE sample SET favorite = ? WHERE id = ?", arguments: [favorite ? 1 : 0, id])
            }
        }
    }

    /// Sets the user's note (an empty text removes it).
    public func setNote(_ text: String, for sampleId: Int64) throws {
        try write { db in
            if text.isEmpty {
                try db.execute(sql: "DELETE FROM note WHERE sampleId = ?", arguments: [sampleId])
            } else {
                try db.execute(sql: """
                    INSERT INTO note (sampleId, text, updatedAt) VALUES (?, ?, ?)
                    ON CONFLICT(sampleId) DO UPDATE SET text = excluded.text, updatedAt = excluded.updatedAt
                    """, arguments: [sampleId, text, SampleLibrary.now])
            }
            try refreshSearchIndex(db, sampleId: sampleId)
        }
    }

    /// Every distinct tag with its use count, most used first (for completion).
    public func allTags() throws -> [(tag: String, count: Int)] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT tag, COUNT(*) AS n FROM tag GROUP BY tag ORDER BY n DESC, tag")
                .map { ($0["tag"], $0["n"]) }
        }
    }

    /// Deletes missing samples (and their tags, notes) — only when the user asks. Returns how many.
    @discardableResult
    public func pruneMissing() throws -> Int {
        try write { db in
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM sample WHERE status = 'missing'")
            for id in ids { try db.execute(sql: "DELETE FROM sample_fts WHERE rowid = ?", arguments: [id]) }
            try db.execute(sql: "DELETE FROM sample WHERE status = 'missing'")
            try db.execute(sql: """
                DELETE FROM analysis WHERE contentHash NOT IN (SELECT contentHash FROM sample WHERE contentHash IS NOT NULL)
                """)
            return ids.count
        }
    }
}

import Foundation
