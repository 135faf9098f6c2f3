/// A terminal colour, as precise as the theme wrote it; ``downgraded(to:)`` fits it to a terminal.
public enum Color: Hashable, Sendable {
    /// The terminal's own foreground or background.
    case `default`
    /// One of the 16 classic colours: 0–7 normal, 8–15 bright (values above 15 wrap).
    case ansi(UInt8)
    /// An entry of the xterm 256-colour palette.
    case indexed(UInt8)
    /// A 24-bit colour.
    case rgb(UInt8, UInt8, UInt8)
}

/// How many colours the terminal can show.
public enum ColorMode: Hashable, Sendable, CaseIterable {
    /// Monochrome (`NO_COLOR`, or a terminal without colours): attributes only.
    case none
    /// The 16 ANSI colours.
    case ansi16
    /// The xterm 256-colour palette.
    case ansi256
    /// 24-bit colour.
    case truecolor
}

extension Color: CustomStringConvertible {
    /// The colour in the syntax ``init(parsing:)`` reads: `default`, `bright-red`, `196`, `#ff0000`.
    public var description: String {
        switch self {
        case .default: return "default"
        case .ansi(let index): return Color.names[Int(index & 15)]
        case .indexed(let index): return String(index)
        case .rgb(let red, let green, let blue): return "#" + [red, green, blue].map(Color.hexByte).joined()
        }
    }

    private static func hexByte(_ value: UInt8) -> String {
        let digits = String(value, radix: 16)
        return digits.count == 1 ? "0" + digits : digits
    }
}
