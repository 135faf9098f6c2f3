/// Builders for the user-derived strings that are bound as arguments (never spliced into SQL).
enum SQLText {
    /// An FTS5 string literal: `"` + text with `"` doubled + `"`. Inside a string, FTS5 treats
    /// `*`, `-`, `:`, `(`, `^` and NEAR/AND/OR/NOT as plain text for the tokenizer.
    static func ftsString(_ text: String) -> String {
        "\"" + text.replacing("\"", with: "\"\"") + "\""
    }

    /// The FTS5 query for one free word (prefix match) or phrase (exact sequence).
    static func ftsQuery(_ predicate: Query.Predicate) -> String? {
        switch predicate {
        case .word(let word): ftsString(word) + "*"
        case .phrase(let phrase): ftsString(phrase)
        default: nil
        }
    }

    /// A LIKE pattern matching `text` anywhere, with `\`, `%` and `_` escaped by `\`.
    static func likeContains(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if character == "\\" || character == "%" || character == "_" { escaped.append("\\") }
            escaped.append(character)
        }
        return "%" + escaped + "%"
    }
}
