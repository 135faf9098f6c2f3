/// Colours and attributes of a cell.
public struct Style: Hashable, Sendable {
    public var fg: Color
    public var bg: Color
    public var bold: Bool
    public var dim: Bool
    public var italic: Bool
    public var underline: Bool
    public var reverse: Bool

    public init(fg: Color = .default, bg: Color = .default, bold: Bool = false, dim: Bool = false,
                italic: Bool = false, underline: Bool = false, reverse: Bool = false) {
        self.fg = fg
        self.bg = bg
        self.bold = bold
        self.dim = dim
        self.italic = italic
        self.underline = underline
        self.reverse = reverse
    }

    /// The terminal's plain style.
    public static let plain = Style()

    /// This style with `other` laid on top: its non-default colours replace these, its attributes are added.
    public func patched(by other: Style) -> Style {
        Style(fg: other.fg == .default ? fg : other.fg,
              bg: other.bg == .default ? bg : other.bg,
              bold: bold || other.bold, dim: dim || other.dim, italic: italic || other.italic,
              underline: underline || other.underline, reverse: reverse || other.reverse)
    }

    /// Colours downgraded to `mode`; in `.none` only the attributes remain.
    public func resolved(for mode: ColorMode) -> Style {
        var style = self
        style.fg = fg.downgraded(to: mode)
        style.bg = bg.downgraded(to: mode)
        return style
    }

    /// True when the style sets no colour and no attribute.
    public var isPlain: Bool { self == .plain }
}

extension Style: CustomStringConvertible {
    /// Compact form used in snapshots, e.g. `fg=red bg=#5fafff bold reverse`; `plain` when empty.
    public var description: String {
        var parts: [String] = []
        if fg != .default { parts.append("fg=\(fg)") }
        if bg != .default { parts.append("bg=\(bg)") }
        let flags = [("bold", bold), ("dim", dim), ("italic", italic), ("underline", underline), ("reverse", reverse)]
        parts += flags.filter(\.1).map(\.0)
        return parts.isEmpty ? "plain" : parts.joined(separator: " ")
    }
}
