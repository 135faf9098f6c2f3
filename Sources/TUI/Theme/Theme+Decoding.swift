extension Theme {
    /// A theme read from a file, with what the file left out or got wrong without being fatal.
    public struct LoadResult: Hashable, Sendable {
        public var theme: Theme
        /// Unknown roles and keys that were skipped.
        public var warnings: [String]
        /// Roles the file does not set; they keep ``Theme/builtinDefault``'s style.
        public var missingRoles: [Role]
    }

    /// Builds a theme from a parsed file (see ``parse(toml:)`` for the rules).
    static func decode(_ file: ThemeFileValue) throws -> LoadResult {
        var warnings: [String] = []
        var missing = Set(Role.allCases)
        guard case .table(let entries) = file else {
            throw ThemeError.invalidValue(key: "(document)", value: file.shown, expected: "a table")
        }
        var theme = builtinDefault
        theme.name = "custom"
        for (key, value) in entries {
            if key == "name" {
                guard case .string(let name) = value else {
                    throw ThemeError.invalidValue(key: "name", value: value.shown, expected: "a string")
                }
                theme.name = name
            } else if let role = Role(fileKey: key) {
                guard case .table(let fields) = value else {
                    throw ThemeError.invalidValue(key: key, value: value.shown, expected: "a table such as [\(role.fileKey)]")
                }
                theme[role] = try decodeStyle(fields, role: key, warnings: &warnings)
                missing.remove(role)
            } else {
                warnings.append("unknown role '\(key)' ignored (roles: \(Role.allCases.map(\.fileKey).joined(separator: ", ")))")
            }
        }
        return LoadResult(theme: theme, warnings: warnings, missingRoles: Role.allCases.filter { missing.contains($0) })
    }

    private static func flagKeyPath(_ key: String) -> WritableKeyPath<Style, Bool>? {
        switch key {
        case "bold": \.bold
        case "dim": \.dim
        case "italic": \.italic
        case "underline": \.underline
        case "reverse": \.reverse
        default: nil
        }
    }

    private static func decodeStyle(_ fields: [(key: String, value: ThemeFileValue)], role: String,
                                    warnings: inout [String]) throws -> Style {
        var style = Style.plain
        for (key, value) in fields {
            let path = role + "." + key
            switch key {
            case "fg": style.fg = try decodeColor(value, key: path)
            case "bg": style.bg = try decodeColor(value, key: path)
            default:
                guard let flag = flagKeyPath(key) else {
                    warnings.append("unknown key '\(path)' ignored (keys: fg, bg, bold, dim, italic, underline, reverse)")
                    continue
                }
                guard case .bool(let on) = value else {
                    throw ThemeError.invalidValue(key: path, value: value.shown, expected: "true or false")
                }
                style[keyPath: flag] = on
            }
        }
        return style
    }

    private static func decodeColor(_ value: ThemeFileValue, key: String) throws -> Color {
        switch value {
        case .string(let text):
            if let color = Color(parsing: text) { return color }
        case .int(let index):
            if let byte = UInt8(exactly: index) { return .indexed(byte) }
        default:
            break
        }
        throw ThemeError.invalidValue(key: key, value: value.shown, expected: "a colour: " + Color.syntaxHelp)
    }
}
