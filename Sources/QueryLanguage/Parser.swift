extension Query {
    /// Parses query text; the empty string is the query that matches everything.
    ///
    /// Throws `QueryError` naming the offending token and its character offset.
    public static func parse(_ text: String) throws(QueryError) -> Query {
        var query = Query()
        for token in try Lexer.tokens(text) {
            guard let field = token.field else {
                let isFavorite = !token.quoted && token.value.lowercased() == "fav"
                let predicate: Predicate = token.quoted ? .phrase(token.value)
                    : isFavorite ? .favorite : .word(token.value)
                if token.quoted && token.value.isEmpty { continue }  // `""` asks for nothing
                query.terms.append(Term(predicate, negated: token.negated))
                continue
            }
            let name = field.name.lowercased()
            guard let kind = FieldName(rawValue: name) else {
                throw QueryError(.unknownField(field.name), at: field.offset)
            }
            guard !token.value.isEmpty else {
                throw QueryError(.missingValue(field: kind.rawValue), at: token.valueOffset)
            }
            if kind == .sort {
                guard !token.negated else { throw QueryError(.negatedSort, at: token.offset) }
                query.sort = try sort(token)
            } else {
                query.terms.append(Term(try predicate(kind, token), negated: token.negated))
            }
        }
        return query
    }

    /// Field names as typed (lower-cased), including aliases.
    private enum FieldName: String {
        case tag, path, bpm, dur, duration, lufs, rating, key, type, family, status, sort
    }

    private static func predicate(_ field: FieldName, _ token: Token) throws(QueryError) -> Predicate {
        let value = token.value
        let offset = token.valueOffset
        func named<T>(_ lookup: (String) -> T?, _ fieldName: String) throws(QueryError) -> T {
            guard let found = lookup(value) else {
                throw QueryError(.unknownValue(value, field: fieldName), at: offset)
            }
            return found
        }
        switch field {
        case .tag: return .tag(value)
        case .path: return .path(value)
        case .bpm, .dur, .duration, .lufs, .rating:
            let numeric = NumericField(rawValue: field == .duration ? "dur" : field.rawValue) ?? .bpm
            return .number(numeric, try NumericComparison.parse(value, field: numeric, at: offset))
        case .key: return .key(try KeyFilter.parse(value, at: offset))
        case .type: return .kind(try named(Kind.named, "type"))
        case .family: return .family(try named(Family.named, "family"))
        case .status: return .status(try named({ Status(rawValue: $0.lowercased()) }, "status"))
        case .sort: preconditionFailure("sort is handled by the caller")
        }
    }

    private static func sort(_ token: Token) throws(QueryError) -> Sort {
        let descending = token.value.hasPrefix("-")
        let name = String(token.value.dropFirst(descending ? 1 : 0)).lowercased()
        let field = name == "duration" ? .duration : SortField(rawValue: name)
        guard let field else { throw QueryError(.unknownValue(token.value, field: "sort"), at: token.valueOffset) }
        return Sort(field, descending: descending)
    }
}
