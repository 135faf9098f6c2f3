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
            // Fast path for the default name order: filter only the first rows by name. When the
            // page is complete within them it is exactly the page of the full query (same order),
            // and a broad filter no longer sorts the whole library.
            if let limit, compiled.orderBy.hasPrefix(SampleLibrary.nameOrder), offset + limit <= SampleLibrary.nameWindow {
                let ids = try Int64.fetchAll(db, sql: """
                    SELECT s.id FROM (SELECT * FROM sample ORDER BY name COLLATE NOCASE, id LIMIT ?) s
                    LEFT JOIN analysis a ON a.contentHash = s.contentHash
                    WHERE \(compiled.whereClause)
                    ORDER BY \(compiled.orderBy) LIMIT ? OFFSET ?
                    """, arguments: [SampleLibrary.nameWindow] + arguments + [limit, offset])
                if ids.count == limit { return try summaries(db, ids: ids) }
            }
            // Phase 1: only ids, filtered and sorted (cheap rows); phase 2: the summaries of that page.
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
            let ids = try Int64.fetchAll(db, sql: sql, arguments: pageArguments)
            return try summaries(db, ids: ids)
        }
    }

    /// The default sort, and how many rows of it the fast path filters.
    static let nameOrder = "s.name COLLATE NOCASE"
    static let nameWindow = 5000

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
