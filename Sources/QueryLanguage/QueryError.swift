/// Why a query could not be parsed, naming the offending token and its character offset.
public struct QueryError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// `bmp:120` — the text before `:` is no known field.
        case unknownField(String)
        /// `bpm:12x` — a numeric field's value is no number (or has a unit the field lacks).
        case badNumber(String, field: String)
        /// `"vinyl crackle` — a quote is never closed.
        case unterminatedQuote
        /// `key:H#`, `type:drone`, `sort:colour` — a value outside the field's vocabulary.
        case unknownValue(String, field: String)
        /// `tag:` — a field with nothing after the colon.
        case missingValue(field: String)
        /// `-sort:bpm` — sorting cannot be negated (use `sort:-bpm`).
        case negatedSort
    }

    public var reason: Reason
    /// Offset of the offending token, in characters from the start of the query.
    public var offset: Int

    public init(_ reason: Reason, at offset: Int) {
        self.reason = reason
        self.offset = offset
    }

    public var description: String {
        switch reason {
        case .unknownField(let name): "unknown field \"\(name)\" at \(offset)"
        case .badNumber(let text, let field): "bad number \"\(text)\" in \(field) at \(offset)"
        case .unterminatedQuote: "unterminated quote at \(offset)"
        case .unknownValue(let text, let field): "unknown \(field) \"\(text)\" at \(offset)"
        case .missingValue(let field): "missing value for \(field) at \(offset)"
        case .negatedSort: "sort cannot be negated (write sort:-field) at \(offset)"
        }
    }
}
