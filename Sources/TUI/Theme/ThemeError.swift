/// Why a theme file could not be loaded; the message names the bad key and value.
public enum ThemeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The text is not valid TOML.
    case syntax(line: Int, column: Int, message: String)
    /// A key holds a value of the wrong kind or an unknown colour, e.g. `selected.fg = "purpleish"`.
    case invalidValue(key: String, value: String, expected: String)

    public var description: String {
        switch self {
        case .syntax(let line, let column, let message):
            return "theme is not valid TOML at line \(line), column \(column): \(message)"
        case .invalidValue(let key, let value, let expected):
            return "theme key \(key) = \(value) is invalid: expected \(expected)"
        }
    }
}
