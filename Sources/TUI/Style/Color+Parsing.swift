extension Color {
    /// Names of the 16 ANSI colours, by index; `bright-` names are 8–15.
    static let names: [String] = {
        let base = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]
        return base + base.map { "bright-" + $0 }
    }()

    /// What ``init(parsing:)`` accepts, for error messages.
    public static let syntaxHelp = "#rrggbb, a colour name (red, bright-blue, …), default, or a palette index 0-255"

    /// Reads `#rrggbb`, a name (`red`, `bright-blue`, `bright_blue`, `grey`, `default`) or a
    /// 256-colour palette index (`"123"`); case-insensitive. Returns nil for anything else.
    public init?(parsing text: String) {
        let word = text.trimmingSpaces().lowercased()
        if word == "default" || word == "none" {
            self = .default
        } else if word.hasPrefix("#") {
            guard let rgb = Color.parseHex(word.dropFirst()) else { return nil }
            self = rgb
        } else if let index = UInt8(word) {
            self = .indexed(index)
        } else if let index = Color.index(ofName: word) {
            self = .ansi(UInt8(index))
        } else {
            return nil
        }
    }

    private static func index(ofName word: String) -> Int? {
        let normalised = String(word.map { $0 == "_" ? "-" : $0 })
        switch normalised {
        case "gray", "grey", "bright-black": return 8
        case "bright-gray", "bright-grey": return 7
        default: return names.firstIndex(of: normalised)
        }
    }

    private static func parseHex(_ digits: Substring) -> Color? {
        guard digits.count == 6, digits.allSatisfy(\.isHexDigit), let value = UInt32(digits, radix: 16) else { return nil }
        return .rgb(UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF))
    }
}

extension String {
    func trimmingSpaces() -> String {
        var slice = Substring(self)
        while slice.first?.isWhitespace == true { slice.removeFirst() }
        while slice.last?.isWhitespace == true { slice.removeLast() }
        return String(slice)
    }
}
