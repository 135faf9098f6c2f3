import Foundation
import GRDB

/// The SQLite library of one process: one WAL `DatabasePool` (many readers, one writer).
/// Every method is safe to call from any thread; writes are serialised by GRDB.
public final class SampleLibrary: Sendable {
    public let path: String
    let pool: DatabasePool
    /// How many rows of the sort order a search's fast path filters before it falls back to
    /// sorting every match: enough for a page of a broad filter (≥ ~10 % of the library),
    /// small enough to cost a few milliseconds. Settable so tests can exercise both plans.
    public let searchWindow: Int
    /// Up to this many matches, found through an index, a search sorts them all instead of
    /// walking the sort order: a few milliseconds either way at this size. Settable for tests.
    public let sparseMatches: Int
    /// Positions in the default name order, for paging free-text matches (see `NameOrder`).
    let nameOrder: NameOrder

    /// Opens (creating if needed) the library at `path` and brings its schema up to date.
    /// `pageLimit` caps the database file at that many pages (SQLite `max_page_count`): a write
    /// beyond it fails exactly as on a full disk, which is how tests exercise that path.
    /// `nameOrderRefresh`: seconds between rebuilds of the cached name order while samples keep
    /// changing (tests set 0).
    public init(path: String, searchWindow: Int = 1000, sparseMatches: Int = 5000, pageLimit: Int? = nil,
                nameOrderRefresh: Double = 2) throws {
        self.path = path
        nameOrder = NameOrder(rebuildInterval: nameOrderRefresh)
        self.searchWindow = searchWindow
        self.sparseMatches = sparseMatches
        try OwnerOnlyFiles.prepare(databasePath: path)
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)   // another samplemind writing: wait, then fail clearly
        // WAL + synchronous=NORMAL: a killed process loses nothing committed and the database
        // never corrupts; only a power cut can drop the last transactions (SQLite's WAL advice)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            if let pageLimit { try db.execute(sql: "PRAGMA max_page_count = \(pageLimit)") }
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try Schema.migrator.migrate(pool)
        } catch let error as DatabaseError {
            throw LibraryError.cannotOpen(path: path, reason: error.message ?? "\(error.resultCode)")
        }
    }

    /// Runs `body` in one write transaction.
    public func write<T>(_ body: (Database) throws -> T) throws -> T {
        try pool.write { try body($0) }
    }

    /// Runs `body` on a read-only snapshot.
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        try pool.read { try body($0) }
    }

    static var now: Double { Date().timeIntervalSince1970 }
}
