import Foundation
import GRDB
import QueryLanguage

extension SampleLibrary {
    /// Samples matching a query in the library's query language (see `QueryLanguage`), in the
    /// query's sort order. Throws `QueryError` for a malformed query.
    public func search(_ query: String, limit: Int? = nil, offset: Int = 0) throws -> [SampleSummary] {
        let compiled = try QueryCompiler.compile(query)
        let arguments = StatementArguments(compiled.arguments.map(\.databaseValue))
        return try read { db in
            if let limit, compiled.sortsByName, let idSet = compiled.idSet,
               let ids = try idSetPage(db, idSet: idSet, limit: limit, offset: offset) {
                return try summaries(db, ids: ids)
            }
            if let limit, offset + limit <= searchWindow,
               let ids = try windowedPage(db, compiled: compiled, arguments: arguments, limit: limit, offset: offset) {
                return try summaries(db, ids: ids)
            }
            if let limit, offset + limit <= sparseMatches, compiled.narrowsThroughIndex,
               let ids = try gatheredPage(db, compiled: compiled, arguments: arguments, limit: limit, offset: offset) {
                return try summaries(db, ids: ids)
            }
            // The general plan: ids filtered and sorted, then the summaries of that page.
            var sql = """
                SELECT s.id FROM sample s LEFT JOIN analysis a ON a.contentHash = s.contentHash
                WHERE \(compiled.whereClause)
                ORDER BY \(compiled.orderBy)
                """
            var pageArguments = arguments
            if let limit {
                sql += " LIMIT ? OFFSET ?"
                pageArguments += [limit, offset]
            }
            return try summaries(db, ids: Int64.fetchAll(db, sql: sql, arguments: pageArguments))
        }
    }

    /// The fast path for words, phrases and tags in name order: the matching ids come from the
    /// FTS and tag indexes alone and are ordered by their cached name positions, so no match's
    /// row is read (a word matching 13 % of a 100 k library otherwise fetches 13 k names; a tag
    /// on 10 % walks 26 k rows of the name order for a first page). Returns nil while the cached
    /// positions are stale and not due for a rebuild.
    private func idSetPage(_ db: Database, idSet: IdSetQuery, limit: Int, offset: Int) throws -> [Int64]? {
        guard let positions = try nameOrder.positions(db) else { return nil }
        var ranked: [(rank: Int32, id: Int64)] = [], seen = Set<Int64>()
        let arguments = StatementArguments(idSet.arguments.map(\.databaseValue))
        for id in try Int64.fetchAll(db, sql: idSet.sql, arguments: arguments) where seen.insert(id).inserted {
            if let rank = positions.rank(of: id) { ranked.append((rank, id)) }
        }
        ranked.sort { $0.rank < $1.rank }
        return ranked.dropFirst(offset).prefix(limit).map(\.id)
    }

    /// The fast path for few matches that an index finds: gather up to `sparseMatches` of them
    /// with their sort keys (through the filters' indexes, in no order), and when that is all of
    /// them, sort them in memory. Returns nil when there are more, for the plans that walk the
    /// sort order.
    private func gatheredPage(_ db: Database, compiled: CompiledQuery, arguments: StatementArguments,
                              limit: Int, offset: Int) throws -> [Int64]? {
        let keys = compiled.sortKeys
        let rows = try Row.fetchAll(db, sql: """
            WITH m AS MATERIALIZED (
                SELECT s.id AS id, \(keys.columns)
                FROM sample s LEFT JOIN analysis a ON a.contentHash = s.contentHash
                WHERE \(compiled.whereClause) LIMIT ?)
            SELECT id, (SELECT COUNT(*) FROM m) AS matches FROM m ORDER BY \(keys.orderBy) LIMIT ? OFFSET ?
            """, arguments: arguments + [sparseMatches + 1, limit, offset])
        if let matches: Int = rows.first?["matches"], matches > sparseMatches { return nil }
        return rows.map { $0["id"] }
    }

    /// The fast path for broad filters: filter only the first rows of the sort order (read from
    /// its index) instead of sorting every match, trying windows that grow fourfold from four
    /// pages up to `searchWindow` rows. When the page is complete inside a window — and, for
    /// analysis columns, its last value is strictly inside the window's boundary value, so no
    /// tied row outside can belong before it — it is exactly the page of the full query.
    /// Returns nil when the general plan must run.
    private func windowedPage(_ db: Database, compiled: CompiledQuery, arguments: StatementArguments,
                              limit: Int, offset: Int) throws -> [Int64]? {
        guard limit > 0 else { return [] }
        guard let order = WindowedOrder(compiled) else { return nil }
        var window = min(searchWindow, 4 * (offset + limit))
        while true {
            if let ids = try windowedPage(db, window: window, order: order, compiled: compiled, arguments: arguments,
                                          limit: limit, offset: offset) { return ids }
            if window == searchWindow { return nil }
            window = min(searchWindow, 4 * window)
        }
    }

    /// The sort orders a window can answer from an index: by name, or by one analysis column
    /// (unanalysed rows last, then by id).
    private enum WindowedOrder {
        case name
        case column(String, descending: Bool)

        init?(_ compiled: CompiledQuery) {
            if compiled.sortsByName { self = .name; return }
            for column in ["bpm", "lufs", "duration"] {
                for descending in [false, true]
                where compiled.sortTerms == [SortTerm("a.\(column) IS NULL"), SortTerm("a.\(column)", descending: descending),
                                             SortTerm("s.id")] {
                    self = .column(column, descending: descending)
                    return
                }
            }
            return nil
        }
    }

    /// `windowedPage` for one window size.
    private func windowedPage(_ db: Database, window: Int, order: WindowedOrder, compiled: CompiledQuery,
                              arguments: StatementArguments, limit: Int, offset: Int) throws -> [Int64]? {
        switch order {
        case .name:
            let ids = try Int64.fetchAll(db, sql: """
                WITH w AS MATERIALIZED (SELECT id FROM sample ORDER BY name COLLATE NOCASE, id LIMIT ?)
                SELECT s.id FROM w CROSS JOIN sample s ON s.id = w.id
                LEFT JOIN analysis a ON a.contentHash = s.contentHash
                WHERE \(compiled.whereClause)
                ORDER BY \(compiled.orderBy) LIMIT ? OFFSET ?
                """, arguments: [window] + arguments + [limit, offset])
            return ids.count == limit ? ids : nil
        case .column(let column, let descending):
            let direction = descending ? " DESC" : ""
            let rows = try Row.fetchAll(db, sql: """
                WITH w AS MATERIALIZED (SELECT contentHash FROM analysis WHERE \(column) IS NOT NULL
                                        ORDER BY \(column)\(direction) LIMIT ?)
                SELECT s.id, a.\(column) AS value
                FROM w CROSS JOIN sample s ON s.contentHash = w.contentHash
                LEFT JOIN analysis a ON a.contentHash = s.contentHash
                WHERE \(compiled.whereClause)
                ORDER BY \(compiled.orderBy) LIMIT ? OFFSET ?
                """, arguments: [window] + arguments + [limit, offset])
            guard rows.count == limit, let last: Double = rows.last?["value"] else { return nil }
            let boundary = try Double.fetchOne(db, sql: """
                SELECT \(column) FROM analysis WHERE \(column) IS NOT NULL
                ORDER BY \(column)\(direction) LIMIT 1 OFFSET ?
                """, arguments: [window - 1])
            if let boundary, descending ? !(last > boundary) : !(last < boundary) { return nil }
            return rows.map { $0["id"] }
        }
    }

    /// Summaries of `ids`, in that order.
    func summaries(_ db: Database, ids: [Int64]) throws -> [SampleSummary] {
        var byId: [Int64: SampleSummary] = [:]
        for chunk in ids.chunked(500) {
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            for row in try Row.fetchAll(db, sql: """
                SELECT \(SampleSummary.selection)
                FROM sample s LEFT JOIN analysis a ON a.contentHash = s.contentHash WHERE s.id IN (\(marks))
                """, arguments: StatementArguments(chunk)) {
                let summary = SampleSummary(row: row)
                byId[summary.id] = summary
            }
        }
        return ids.compactMap { byId[$0] }
    }

    /// How many samples match `query`.
    public func count(_ query: String) throws -> Int {
        let compiled = try QueryCompiler.compile(query)
        return try read { db in
            try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM sample s LEFT JOIN analysis a ON a.contentHash = s.contentHash
                WHERE \(compiled.whereClause)
                """, arguments: StatementArguments(compiled.arguments.map(\.databaseValue))) ?? 0
        }
    }

    /// A sample by id.
    public func sample(id: Int64) throws -> SampleSummary? {
        try read { db in
            try Row.fetchOne(db, sql: """
                SELECT \(SampleSummary.selection)
                FROM sample s LEFT JOIN analysis a ON a.contentHash = s.contentHash WHERE s.id = ?
                """, arguments: [id]).map(SampleSummary.init)
        }
    }

    /// A sample by its exact path.
    public func sample(path: RawPath) throws -> SampleSummary? {
        try read { db in
            try Row.fetchOne(db, sql: """
                SELECT \(SampleSummary.selection)
                FROM sample s LEFT JOIN analysis a ON a.contentHash = s.contentHash WHERE s.path = ?
                """, arguments: [Data(path.bytes)]).map(SampleSummary.init)
        }
    }

    /// Groups of samples with identical content (two or more files each), biggest groups first.
    public func duplicateGroups() throws -> [[SampleSummary]] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT \(SampleSummary.selection)
                FROM sample s LEFT JOIN analysis a ON a.contentHash = s.contentHash
                WHERE s.contentHash IN (
                    SELECT contentHash FROM sample WHERE status != 'missing' AND contentHash IS NOT NULL
                    GROUP BY contentHash HAVING COUNT(*) > 1)
                  AND s.status != 'missing'
                ORDER BY s.contentHash, s.displayPath
                """)
            var groups: [[SampleSummary]] = []
            for summary in rows.map(SampleSummary.init) {
                if let last = groups.last?.last, last.contentHash == summary.contentHash {
                    groups[groups.count - 1].append(summary)
                } else {
                    groups.append([summary])
                }
            }
            return groups.sorted { $0.count > $1.count }
        }
    }
}

extension QueryValue {
    var databaseValue: DatabaseValue {
        switch self {
        case .integer(let value): return value.databaseValue
        case .real(let value): return value.databaseValue
        case .text(let value): return value.databaseValue
        }
    }
}

extension SampleLibrary {
    /// The row number (0-based) of `sampleId` in the results of `query`, or nil when it does not match.
    public func position(of sampleId: Int64, in query: String) throws -> Int? {
        let compiled = try QueryCompiler.compile(query)
        return try read { db in
            try Int.fetchOne(db, sql: """
                SELECT rn - 1 FROM (
                    SELECT s.id AS id, ROW_NUMBER() OVER (ORDER BY \(compiled.orderBy)) AS rn
                    FROM sample s LEFT JOIN analysis a ON a.contentHash = s.contentHash
                    WHERE \(compiled.whereClause))
                WHERE id = ?
                """, arguments: StatementArguments(compiled.arguments.map(\.databaseValue)) + [sampleId])
        }
    }
}
