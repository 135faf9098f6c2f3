/// A value bound to a `?` placeholder of a compiled query, in placeholder order.
public enum QueryValue: Sendable, Equatable {
    case integer(Int64)
    case real(Double)
    case text(String)
}

/// One ORDER BY term of a compiled query: an expression over `s` and `a`, its collation and direction.
public struct SortTerm: Sendable, Equatable {
    /// A fixed SQL expression (never user text), e.g. `s.name` or `a.bpm IS NULL`.
    public var expression: String
    /// Whether the term compares case-insensitively (`COLLATE NOCASE`).
    public var noCase: Bool
    public var descending: Bool

    public init(_ expression: String, noCase: Bool = false, descending: Bool = false) {
        self.expression = expression
        self.noCase = noCase
        self.descending = descending
    }

    /// The term as SQL, with `expression` replaced by `alias` when given.
    public func sql(as alias: String? = nil) -> String {
        (alias ?? expression) + (noCase ? " COLLATE NOCASE" : "") + (descending ? " DESC" : "")
    }
}

/// SQL ready to run against the library schema (`sample s` LEFT JOIN `analysis a`).
///
/// Only fixed column names are spliced into the SQL text; every user-supplied value is a `?`
/// placeholder whose value is in `arguments`.
public struct CompiledQuery: Sendable, Equatable {
    /// A boolean SQL expression over `s` and `a`; `1` when the query has no filters.
    public var whereClause: String
    /// The values for the `?` placeholders of `whereClause`, in order.
    public var arguments: [QueryValue]
    /// The sort order, most significant first, always ending in `s.id`.
    public var sortTerms: [SortTerm]
    /// Whether some positive term can be answered from an index (words, tags, numbers, key,
    /// type, family, status, favourite), so the matches can be found without reading every row;
    /// false for queries with only `path:` and negated terms.
    public var narrowsThroughIndex: Bool
    /// The same query as id sets from the full-text and tag indexes, when it has only words,
    /// phrases and tags (at least one positive); nil for any other query.
    public var idSet: IdSetQuery?

    /// An ORDER BY expression without the keyword, always ending in `s.id`.
    public var orderBy: String { sortTerms.map { $0.sql() }.joined(separator: ", ") }

    /// Whether the order is the default one, by name (case-insensitive) then id.
    public var sortsByName: Bool { sortTerms == [SortTerm("s.name", noCase: true), SortTerm("s.id")] }

    /// The sort order over a gathered set of matches: `columns` selects each sort expression as
    /// `k0`, `k1`, … (to put beside `s.id AS id` in a subquery over `s` and `a`), and `orderBy`
    /// sorts that subquery's rows by them exactly as `orderBy` sorts the tables.
    public var sortKeys: (columns: String, orderBy: String) {
        let columns = sortTerms.enumerated().map { "\($1.expression) AS k\($0)" }
        let order = sortTerms.enumerated().map { $1.sql(as: "k\($0)") }
        return (columns.joined(separator: ", "), order.joined(separator: ", "))
    }

    public init(whereClause: String, arguments: [QueryValue], sortTerms: [SortTerm],
                narrowsThroughIndex: Bool = false, idSet: IdSetQuery? = nil) {
        self.whereClause = whereClause
        self.arguments = arguments
        self.sortTerms = sortTerms
        self.narrowsThroughIndex = narrowsThroughIndex
        self.idSet = idSet
    }
}

/// One-call entry point: text in, SQL out.
public enum QueryCompiler {
    /// Parses `text` and compiles it; throws `QueryError` for malformed input.
    public static func compile(_ text: String) throws(QueryError) -> CompiledQuery {
        try Query.parse(text).compile()
    }
}
