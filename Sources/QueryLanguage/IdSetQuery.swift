/// A query answered from id sets alone: the sample ids each term's index gives (full-text
/// for words and phrases, the tag table for tags), the positive sets intersected and the
/// excluded ones subtracted. No sample row is read, so its matches can be ordered by positions
/// cached elsewhere (the library's name order).
public struct IdSetQuery: Sendable, Equatable {
    /// A compound SELECT of sample ids (`… INTERSECT … EXCEPT …`); ids may repeat when it is a
    /// single tag select (the same tag in two spellings).
    public var sql: String
    /// The values for the `?` placeholders of `sql`, in order.
    public var arguments: [QueryValue]

    public init(sql: String, arguments: [QueryValue]) {
        self.sql = sql
        self.arguments = arguments
    }
}

extension Query {
    /// The id-set form of the query when every term is a word, phrase or tag and at least one
    /// is positive; nil otherwise.
    var idSet: IdSetQuery? {
        let text = "SELECT rowid FROM sample_fts WHERE sample_fts MATCH ?"
        let tagged = "SELECT sampleId FROM tag WHERE tag = ? COLLATE NOCASE"
        var positive: [(sql: String, value: QueryValue)] = [], excluded: [(sql: String, value: QueryValue)] = []
        let wanted = terms.filter { !$0.negated }.compactMap { SQLText.ftsQuery($0.predicate) }
        if !wanted.isEmpty { positive.append((text, .text(wanted.joined(separator: " ")))) }
        for term in terms {
            switch term.predicate {
            case .word, .phrase:
                if term.negated, let fts = SQLText.ftsQuery(term.predicate) { excluded.append((text, .text(fts))) }
            case .tag(let tag):
                if term.negated { excluded.append((tagged, .text(tag))) } else { positive.append((tagged, .text(tag))) }
            default:
                return nil
            }
        }
        guard !positive.isEmpty else { return nil }
        let sql = positive.map(\.sql).joined(separator: " INTERSECT ") + excluded.map { " EXCEPT " + $0.sql }.joined()
        return IdSetQuery(sql: sql, arguments: (positive + excluded).map(\.value))
    }
}
