/// One whitespace-separated piece of a query, before its meaning is known.
struct Token {
    /// Character offset where the token (including any leading `-`) starts.
    var offset: Int
    var negated: Bool
    /// The text before the first `:`, and its offset; `nil` for free words and phrases.
    var field: (name: String, offset: Int)?
    var value: String
    /// Character offset of `value` (of its opening quote when quoted).
    var valueOffset: Int
    var quoted: Bool
}

/// Splits query text into tokens: `word`, `-word`, `"a phrase"`, `field:value`, `field:"a value"`.
///
/// A `"` opens a quote only at the start of a term or right after `field:`; elsewhere it is
/// an ordinary character. A lone `-` is an ordinary word.
struct Lexer {
    private let chars: [Character]
    private var index = 0

    init(_ text: String) { chars = Array(text) }

    static func tokens(_ text: String) throws(QueryError) -> [Token] {
        var lexer = Lexer(text)
        var tokens: [Token] = []
        while let token = try lexer.next() { tokens.append(token) }
        return tokens
    }

    mutating func next() throws(QueryError) -> Token? {
        while index < chars.count, chars[index].isWhitespace { index += 1 }
        guard index < chars.count else { return nil }
        let start = index
        let negated = chars[index] == "-" && index + 1 < chars.count && !chars[index + 1].isWhitespace
        if negated { index += 1 }
        if chars[index] == "\"" {
            let valueOffset = index
            let phrase = try quoted()
            return Token(offset: start, negated: negated, field: nil, value: phrase, valueOffset: valueOffset, quoted: true)
        }
        let wordStart = index
        while index < chars.count, !chars[index].isWhitespace, chars[index] != ":" { index += 1 }
        guard index > wordStart, index < chars.count, chars[index] == ":" else {
            index = wordStart
            let word = readWord()
            return Token(offset: start, negated: negated, field: nil, value: word, valueOffset: wordStart, quoted: false)
        }
        let field = (name: String(chars[wordStart..<index]), offset: wordStart)
        index += 1
        let valueOffset = index
        if index < chars.count, chars[index] == "\"" {
            let value = try quoted()
            return Token(offset: start, negated: negated, field: field, value: value, valueOffset: valueOffset, quoted: true)
        }
        return Token(offset: start, negated: negated, field: field, value: readWord(), valueOffset: valueOffset, quoted: false)
    }

    private mutating func readWord() -> String {
        let start = index
        while index < chars.count, !chars[index].isWhitespace { index += 1 }
        return String(chars[start..<index])
    }

    /// Reads `"…"` starting at the opening quote; the token ends at the closing quote.
    private mutating func quoted() throws(QueryError) -> String {
        let open = index
        guard let close = chars[(open + 1)...].firstIndex(of: "\"") else {
            throw QueryError(.unterminatedQuote, at: open)
        }
        index = close + 1
        return String(chars[(open + 1)..<close])
    }
}
