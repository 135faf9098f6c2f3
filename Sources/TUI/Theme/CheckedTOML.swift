import TOMLKit

/// TOML parsing for files a user (or anyone who can write their config folder) controls.
///
/// TOML forbids control characters other than tab, LF and CR anywhere in a document; toml++
/// (inside TOMLKit) does not report some of them as syntax errors but stops the process on an
/// internal assertion (found by `fuzz/run.sh config`: `[\u{18}border]`). Checking first turns
/// such a file into an ordinary syntax error.
public enum CheckedTOML {
    public struct ControlCharacter: Error, Equatable, CustomStringConvertible {
        public var line: Int
        public var column: Int
        public var scalar: UInt32
        public var description: String {
            let hex = String(scalar, radix: 16, uppercase: true)
            return "control character U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex) at line \(line), column \(column) is not allowed in TOML"
        }
    }

    /// The first control character TOML forbids in `text`, if any.
    public static func forbiddenCharacter(in text: String) -> ControlCharacter? {
        var line = 1, column = 1
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value == 0x0A { line += 1; column = 1; continue }
            if (value < 0x20 && value != 0x09 && value != 0x0D) || value == 0x7F {
                return ControlCharacter(line: line, column: column, scalar: value)
            }
            column += 1
        }
        return nil
    }

    /// Invalid TOML that toml++ stops on with an internal assertion instead of reporting it:
    /// a table header (`[…]` or `[[…]]` starting a line outside any value) whose name does not
    /// start with a bare-key character or a quote (`[:x]`, a lone `[`), or a closing bracket of
    /// the wrong kind inside a value (`a = [1, }`). All three were found by `fuzz/run.sh config`.
    public struct Malformed: Error, Equatable, CustomStringConvertible {
        public enum Problem: Equatable, Sendable {
            case tableName
            /// `closer` closes a value opened with `opener`.
            case mismatchedBracket(closer: Character, opener: Character)
        }
        public var problem: Problem
        public var line: Int
        public var column: Int
        public var description: String {
            switch problem {
            case .tableName:
                return "a table name at line \(line), column \(column) must start with a letter, digit, _, - or a quote"
            case .mismatchedBracket(let closer, let opener):
                return "'\(closer)' at line \(line), column \(column) cannot close the '\(opener)' before it"
            }
        }
    }

    /// The first bad table header or mismatched bracket in `text`. Tracks strings, comments and
    /// the brackets open inside a value so `[` inside a value is not taken for a header.
    public static func malformation(in text: String) -> Malformed? {
        let chars = Array(text.unicodeScalars)
        var i = 0, line = 1, lineStart = 0
        var open: [Unicode.Scalar] = []   // the [ and { open inside a value, innermost last
        var atLineStart = true            // only whitespace so far on this line
        func isBareOrQuote(_ c: Unicode.Scalar) -> Bool {
            ("a"..."z").contains(c) || ("A"..."Z").contains(c)
                || ("0"..."9").contains(c) || c == "_" || c == "-" || c == "\"" || c == "'"
        }
        func skipString(quote: Unicode.Scalar) {
            let triple = i + 2 < chars.count && chars[i + 1] == quote && chars[i + 2] == quote
            i += triple ? 3 : 1
            while i < chars.count {
                let c = chars[i]
                if c == "\\" && quote == "\"" { i += 2; continue }
                if c == "\n" {
                    if !triple { return }   // unterminated: the parser reports it
                    line += 1; lineStart = i + 1
                }
                if c == quote {
                    if !triple { i += 1; return }
                    if i + 2 < chars.count && chars[i + 1] == quote && chars[i + 2] == quote { i += 3; return }
                }
                i += 1
            }
        }
        while i < chars.count {
            let c = chars[i]
            switch c {
            case "\n":
                line += 1; lineStart = i + 1; atLineStart = open.isEmpty; i += 1
            case " ", "\t", "\r":
                i += 1
            case "#":
                while i < chars.count && chars[i] != "\n" { i += 1 }
            case "\"", "'":
                atLineStart = false
                skipString(quote: c)
            case "[" where open.isEmpty && atLineStart:
                var j = i + 1
                if j < chars.count && chars[j] == "[" { j += 1 }
                while j < chars.count && (chars[j] == " " || chars[j] == "\t") { j += 1 }
                if j == chars.count || (chars[j] != "]" && !isBareOrQuote(chars[j])) {   // also "[" then end of line
                    return Malformed(problem: .tableName, line: line, column: j - lineStart + 1)
                }
                while i < chars.count && chars[i] != "\n" { i += 1 }   // the rest of the header line
            case "[", "{":
                open.append(c); atLineStart = false; i += 1
            case "]", "}":
                if let opener = open.popLast(), (opener == "[") != (c == "]") {
                    return Malformed(problem: .mismatchedBracket(closer: Character(c), opener: Character(opener)),
                                     line: line, column: i - lineStart + 1)
                }
                atLineStart = false; i += 1
            default:
                atLineStart = false; i += 1
            }
        }
        return nil
    }

    /// Parses `text`, throwing `ControlCharacter` or `Malformed` before TOMLKit sees input
    /// that would stop it, and TOMLKit's `TOMLParseError` for other syntax errors.
    public static func table(_ text: String) throws -> TOMLTable {
        if let bad = forbiddenCharacter(in: text) { throw bad }
        if let bad = malformation(in: text) { throw bad }
        return try TOMLTable(string: text)
    }
}
