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

    /// A table header (`[…]` or `[[…]]` starting a line outside any value) whose name does not
    /// start with a bare-key character or a quote: invalid TOML, on which toml++ stops on an
    /// assertion (`[:x]`, found by the fuzzer) instead of reporting an error.
    public struct BadTableName: Error, Equatable, CustomStringConvertible {
        public var line: Int
        public var column: Int
        public var description: String {
            "a table name at line \(line), column \(column) must start with a letter, digit, _, - or a quote"
        }
    }

    /// The first table header whose name starts with a character TOML does not allow there.
    /// Tracks strings, comments and multi-line arrays/inline tables so `[` inside a value is
    /// not taken for a header.
    public static func badTableName(in text: String) -> BadTableName? {
        let chars = Array(text.unicodeScalars)
        var i = 0, line = 1, lineStart = 0
        var depth = 0            // open [ and { inside a value
        var atLineStart = true   // only whitespace so far on this line
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
                line += 1; lineStart = i + 1; atLineStart = depth == 0; i += 1
            case " ", "\t", "\r":
                i += 1
            case "#":
                while i < chars.count && chars[i] != "\n" { i += 1 }
            case "\"", "'":
                atLineStart = false
                skipString(quote: c)
            case "[" where depth == 0 && atLineStart:
                var j = i + 1
                if j < chars.count && chars[j] == "[" { j += 1 }
                while j < chars.count && (chars[j] == " " || chars[j] == "\t") { j += 1 }
                if j == chars.count || (chars[j] != "]" && !isBareOrQuote(chars[j])) {   // also "[" then end of line
                    return BadTableName(line: line, column: j - lineStart + 1)
                }
                while i < chars.count && chars[i] != "\n" { i += 1 }   // the rest of the header line
            case "[", "{":
                depth += 1; atLineStart = false; i += 1
            case "]", "}":
                depth = max(0, depth - 1); atLineStart = false; i += 1
            default:
                atLineStart = false; i += 1
            }
        }
        return nil
    }

    /// Parses `text`, throwing `ControlCharacter` or `BadTableName` before TOMLKit sees input
    /// that would stop it, and TOMLKit's `TOMLParseError` for other syntax errors.
    public static func table(_ text: String) throws -> TOMLTable {
        if let bad = forbiddenCharacter(in: text) { throw bad }
        if let bad = badTableName(in: text) { throw bad }
        return try TOMLTable(string: text)
    }
}
