import TOMLKit

extension Theme {
    /// Reads a theme file; warnings are dropped. See ``parse(toml:)`` for the rules.
    /// - Throws: ``ThemeError`` naming the bad key and value.
    public static func load(toml text: String) throws -> Theme {
        try parse(toml: text).theme
    }

    /// Reads a theme file: an optional `name = "…"` and one table per role
    /// (`[selected]` with `fg`, `bg` and the flags `bold`, `dim`, `italic`, `underline`, `reverse`).
    ///
    /// A role written in the file is exactly what its table says (unset flags are off, unset
    /// colours are the terminal's); roles left out keep ``builtinDefault``'s style and are listed
    /// in ``LoadResult/missingRoles``. Unknown roles and keys are skipped and described in
    /// ``LoadResult/warnings``.
    /// - Throws: ``ThemeError`` naming the bad key and value.
    public static func parse(toml text: String) throws -> LoadResult {
        let table: TOMLTable
        do {
            table = try CheckedTOML.table(text)
        } catch let error as CheckedTOML.ControlCharacter {
            throw ThemeError.syntax(line: error.line, column: error.column, message: error.description)
        } catch let error as CheckedTOML.Malformed {
            throw ThemeError.syntax(line: error.line, column: error.column, message: error.description)
        } catch let error as TOMLParseError {
            throw ThemeError.syntax(line: error.source.begin.line, column: error.source.begin.column,
                                    message: error.description)
        }
        return try decode(ThemeFileValue(table))
    }
}

extension ThemeFileValue {
    /// Converts a TOMLKit value into the parser-independent form.
    init(_ value: any TOMLValueConvertible) {
        if let table = value.table {
            self = .table(table.map { (key: $0.0, value: ThemeFileValue($0.1)) })
        } else if let string = value.string {
            self = .string(string)
        } else if let bool = value.bool {
            self = .bool(bool)
        } else if let int = value.int {
            self = .int(int)
        } else {
            self = .other(kind: value.type.description, text: value.debugDescription)
        }
    }
}
