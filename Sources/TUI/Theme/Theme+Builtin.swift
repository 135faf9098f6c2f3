extension Theme {
    /// The theme used when no theme file is given, and for roles a theme file leaves out.
    /// `Themes/default.toml` holds the same values (a test keeps them equal).
    public static let builtinDefault: Theme = {
        var theme = Theme(name: "default")
        let accent = Color.rgb(0x5F, 0xAF, 0xFF)
        let grey = Color.rgb(0x80, 0x80, 0x80)
        theme.normal = .plain
        theme.header = Style(fg: .rgb(0x87, 0xAF, 0xFF), bold: true)
        theme.selected = Style(fg: .ansi(0), bg: accent, bold: true)
        theme.selectedUnfocused = Style(bg: .rgb(0x3A, 0x3A, 0x3A))
        theme.marked = Style(fg: .rgb(0xFF, 0xD7, 0x5F), bold: true)
        theme.missing = Style(fg: grey, italic: true)
        theme.error = Style(fg: .rgb(0xFF, 0x5F, 0x5F), bold: true)
        theme.border = Style(fg: .rgb(0x58, 0x58, 0x58))
        theme.borderFocused = Style(fg: accent)
        theme.title = Style(fg: .rgb(0xD7, 0xD7, 0xFF), bold: true)
        theme.status = Style(fg: .rgb(0xD0, 0xD0, 0xD0), bg: .rgb(0x30, 0x30, 0x30))
        theme.statusAccent = Style(fg: .ansi(0), bg: accent, bold: true)
        theme.waveform = Style(fg: .rgb(0x5F, 0xD7, 0xAF))
        theme.playhead = Style(fg: .ansi(0), bg: .rgb(0xFF, 0xAF, 0x00))
        theme.spectrum = Style(fg: .rgb(0xAF, 0x87, 0xFF))
        theme.help = Style(fg: .rgb(0xE4, 0xE4, 0xE4), bg: .rgb(0x26, 0x26, 0x26))
        theme.input = Style(fg: .ansi(15))
        theme.muted = Style(fg: grey)
        return theme
    }()
}
