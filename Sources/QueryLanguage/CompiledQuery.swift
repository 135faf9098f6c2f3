/// A value bound to a `?` placeholder of a compiled query, in placeholder order.
public enum QueryValue: Sendable, Equatable {
    case integer(Int64)
    case real(Double)
    case text(String)
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
    /// An ORDER BY expression without the keyword, always ending in `s.id`.
    public var orderBy: String
    /// Whether some positive term can be answered from an index (words, tags, numbers, key,
    /// type, family, status, favourite), so the matches can be found without reading every row;
    /// false for queries with only `path:` and negated terms.
    public var narrowsThroughIndex: Bool

    /// `orderBy` with each sort term behind a unary `+`, so that SQLite cannot walk a sort index:
    /// the planner then narrows rows through the filters' indexes first and sorts only the matches.
    /// The better plan when matches are known to be sparse; the same rows in the same order.
    public var filterFirstOrderBy: String {
        orderBy.split(separator: ", ").map { $0 == "s.id" ? String($0) : "+" + $0 }.joined(separator: ", ")
    }

    public init(whereClause: String, arguments: [QueryValue], orderBy: String, narrowsThroughIndex: Bool = false) {
        self.whereClause = whereClause
        self.arguments = arguments
        self.orderBy = orderBy
        self.narrowsThroughIndex = narrowsThroughIndex
    }
}

/// One-call entry point: text in, SQL out.
public enum QueryCompiler {
    /// Parses `text` and compiles it; throws `QueryError` for malformed input.
    public static func compile(_ text: String) throws(QueryError) -> CompiledQuery {
        try Query.parse(text).compile()
    }
}
