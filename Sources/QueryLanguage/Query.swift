/// A parsed library query: filters that must all hold, plus an optional sort.
///
/// `description` prints a canonical form (lower-case field names, sharps, seconds) that
/// parses back to an equal value.
public struct Query: Sendable, Equatable, CustomStringConvertible {
    /// One filter; `negated` terms keep the rows the predicate does not match.
    public struct Term: Sendable, Equatable {
        public var negated: Bool
        public var predicate: Predicate

        public init(_ predicate: Predicate, negated: Bool = false) {
            self.predicate = predicate
            self.negated = negated
        }
    }

    /// What a term tests.
    public enum Predicate: Sendable, Equatable {
        /// A free word, prefix-matched over name, path, tags and notes.
        case word(String)
        /// A quoted phrase, matched as consecutive words.
        case phrase(String)
        /// An exact tag, case-insensitive.
        case tag(String)
        /// A case-insensitive substring of the displayed path.
        case path(String)
        case number(NumericField, NumericComparison)
        case key(KeyFilter)
        case kind(Kind)
        case family(Family)
        case status(Status)
        /// The favourite flag (`fav`).
        case favorite
    }

    /// A sort order (`sort:bpm`, `sort:-added`).
    public struct Sort: Sendable, Equatable {
        public var field: SortField
        public var descending: Bool

        public init(_ field: SortField, descending: Bool = false) {
            self.field = field
            self.descending = descending
        }
    }

    public var terms: [Term]
    /// `nil` means the default order (by name).
    public var sort: Sort?

    public init(terms: [Term] = [], sort: Sort? = nil) {
        self.terms = terms
        self.sort = sort
    }

    public var description: String {
        var parts = terms.map { ($0.negated ? "-" : "") + $0.predicate.description }
        if let sort { parts.append("sort:" + (sort.descending ? "-" : "") + sort.field.rawValue) }
        return parts.joined(separator: " ")
    }
}

extension Query.Predicate: CustomStringConvertible {
    public var description: String {
        switch self {
        case .word(let word): word
        case .phrase(let phrase): "\"\(phrase)\""
        case .tag(let tag): "tag:" + quotedIfNeeded(tag)
        case .path(let path): "path:" + quotedIfNeeded(path)
        case .number(let field, let comparison): field.rawValue + ":" + comparison.description(unit: field.unit)
        case .key(let key): "key:\(key)"
        case .kind(let kind): "type:" + kind.rawValue
        case .family(let family): "family:" + family.rawValue
        case .status(let status): "status:" + status.rawValue
        case .favorite: "fav"
        }
    }

    private func quotedIfNeeded(_ value: String) -> String {
        value.contains(where: \.isWhitespace) ? "\"\(value)\"" : value
    }
}
