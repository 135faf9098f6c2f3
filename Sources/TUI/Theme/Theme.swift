/// Named styles for every part of the interface, read from a theme file (see `Themes/README.md`).
public struct Theme: Hashable, Sendable {
    /// The parts of the interface a theme styles.
    public enum Role: String, CaseIterable, Hashable, Sendable {
        case normal, header, selected, selectedUnfocused, marked, missing, error, border, borderFocused
        case title, status, statusAccent, waveform, playhead, spectrum, help, input, muted

        /// The name used in theme files: kebab-case, e.g. `selected-unfocused`.
        public var fileKey: String {
            rawValue.reduce(into: "") { key, character in
                if character.isUppercase { key += "-" + character.lowercased() } else { key.append(character) }
            }
        }

        /// Finds a role by its file key, accepting kebab-case, snake_case or camelCase.
        public init?(fileKey: String) {
            let folded = Theme.Role.fold(fileKey)
            guard let role = Role.allCases.first(where: { Role.fold($0.rawValue) == folded }) else { return nil }
            self = role
        }

        private static func fold(_ key: String) -> String {
            String(key.lowercased().filter { $0 != "-" && $0 != "_" })
        }

        var keyPath: WritableKeyPath<Theme, Style> {
            switch self {
            case .normal: \.normal
            case .header: \.header
            case .selected: \.selected
            case .selectedUnfocused: \.selectedUnfocused
            case .marked: \.marked
            case .missing: \.missing
            case .error: \.error
            case .border: \.border
            case .borderFocused: \.borderFocused
            case .title: \.title
            case .status: \.status
            case .statusAccent: \.statusAccent
            case .waveform: \.waveform
            case .playhead: \.playhead
            case .spectrum: \.spectrum
            case .help: \.help
            case .input: \.input
            case .muted: \.muted
            }
        }
    }

    public var name: String
    /// Ordinary text and the background of panes.
    public var normal = Style.plain
    /// Table header row.
    public var header = Style.plain
    /// The cursor row in the focused pane.
    public var selected = Style.plain
    /// The cursor row in a pane without focus.
    public var selectedUnfocused = Style.plain
    /// Rows marked for a batch action.
    public var marked = Style.plain
    /// Files whose drive or folder is gone.
    public var missing = Style.plain
    /// Files that failed to decode or analyse, and error messages.
    public var error = Style.plain
    public var border = Style.plain
    public var borderFocused = Style.plain
    /// Pane titles in borders.
    public var title = Style.plain
    public var status = Style.plain
    /// Highlighted parts of the status bar (mode, counts).
    public var statusAccent = Style.plain
    public var waveform = Style.plain
    public var playhead = Style.plain
    public var spectrum = Style.plain
    /// The `?` help overlay.
    public var help = Style.plain
    /// Prompt lines (`/`, `:`).
    public var input = Style.plain
    /// Secondary text: hints, units, placeholders.
    public var muted = Style.plain

    /// A theme with every role plain.
    public init(name: String) {
        self.name = name
    }

    /// The style of a role.
    public subscript(role: Role) -> Style {
        get { self[keyPath: role.keyPath] }
        set { self[keyPath: role.keyPath] = newValue }
    }

    /// Every colour downgraded to what the terminal can show.
    ///
    /// In `.none` (monochrome) only attributes remain, and the cursor rows and the playhead
    /// become reverse video if they would otherwise look like normal text or relied on a background colour.
    public func resolved(for mode: ColorMode) -> Theme {
        var theme = self
        for role in Role.allCases { theme[role] = self[role].resolved(for: mode) }
        guard mode == .none else { return theme }
        for role in [Role.selected, .selectedUnfocused, .playhead] {
            let original = self[role]
            if original.bg != .default || theme[role] == theme.normal { theme[role].reverse = true }
        }
        return theme
    }
}
