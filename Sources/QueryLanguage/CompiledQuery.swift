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

    /// The sort order over a gathered set of matches: `columns` selects each sort expression as
    /// `k0`, `k1`, … (to put beside `s.id AS id` in a subquery over `s` and `a`), and `orderBy`
    /// sorts that subquery's rows by them exactly as `orderBy` sorts the tables.
    public var sortKeys: (columns: String, orderBy: String) {
        var columns: [String] = [], order: [String] = []
        for (i, term) in orderBy.split(separator: ", ").enumerated() {
            var expression = Substring(term)
            let descending = expression.hasSuffix(" DESC")
            if descending { expression = expression.dropLast(" DESC".count) }
            let noCase = expression.hasSuffix(" COLLATE NOCASE")
            if noCase { expression = expression.dropLast(" COLLATE NOCASE".count) }
            columns.append("\(expression) AS k\(i)")
            order.append("k\(i)" + (noCase ? " COLLATE NOCASE" : "") + (descending ? " DESC" : ""))
        }
        return (columns.joined(separator: ", "), order.joined(separator: ", "))
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
