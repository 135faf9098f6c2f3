import Foundation
import GRDB
import Locking

/// Every sample's position in the default sort order (name, case-insensitive, then id), kept
/// in memory so a free-text query with many matches is paged without reading each match's row.
///
/// The positions belong to one `sampleNames` generation (migration v4: triggers count every
/// insert, delete and rename of a sample). A search that finds them stale rebuilds them from
/// the name index, at most once per `rebuildInterval`; between rebuilds it takes another plan.
final class NameOrder: Sendable {
    /// Positions indexed by sample id; -1 for ids with no sample.
    struct Positions {
        let generation: Int64
        let ranks: [Int32]

        func rank(of id: Int64) -> Int32? {
            guard id >= 0, id < ranks.count else { return nil }
            let rank = ranks[Int(id)]
            return rank < 0 ? nil : rank
        }
    }

    private let state = Locked<(positions: Positions?, builtAt: Double)>((nil, -.infinity))
    private let rebuildInterval: Double

    /// `rebuildInterval`: seconds between rebuilds while samples keep changing (during a scan).
    init(rebuildInterval: Double = 2) {
        self.rebuildInterval = rebuildInterval
    }

    /// Positions current in `db`'s snapshot, or nil while a rebuild is not due yet, or when ids
    /// are too sparse for a table indexed by id.
    func positions(_ db: Database) throws -> Positions? {
        let generation = try Int64.fetchOne(db, sql: "SELECT value FROM generation WHERE name = 'sampleNames'") ?? 0
        let now = Date().timeIntervalSinceReferenceDate
        let cached = state.withLock { $0 }
        if let positions = cached.positions, positions.generation == generation { return positions }
        guard now - cached.builtAt >= rebuildInterval else { return nil }
        let ids = try Int64.fetchAll(db, sql: "SELECT id FROM sample ORDER BY name COLLATE NOCASE, id")
        let maxId = ids.max() ?? 0
        guard maxId < Int64(4 * ids.count + 65_536) else { return nil }
        var ranks = [Int32](repeating: -1, count: Int(maxId) + 1)
        for (rank, id) in ids.enumerated() where id >= 0 { ranks[Int(id)] = Int32(rank) }
        let positions = Positions(generation: generation, ranks: ranks)
        state.withLock { $0 = (positions, now) }
        return positions
    }
}
