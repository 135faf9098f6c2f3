/// A value read from a theme file, independent of the TOML parser that produced it.
enum ThemeFileValue: Sendable {
    case string(String)
    case int(Int)
    case bool(Bool)
    /// Entries in file order (or key order, as the parser gives them).
    case table([(key: String, value: ThemeFileValue)])
    /// Any other TOML value (float, array, date); `kind` names it, `text` shows it.
    case other(kind: String, text: String)

    /// How the value reads in an error message: strings quoted, tables as "a table".
    var shown: String {
        switch self {
        case .string(let text): return "\"" + text + "\""
        case .int(let number): return String(number)
        case .bool(let flag): return String(flag)
        case .table: return "a table"
        case .other(let kind, let text): return "\(text) (\(kind))"
        }
    }
}
