import Testing
@testable import TUI

@Suite("Theme files load with clear errors and sensible fallbacks")
struct ThemeTests {
    @Test("a role in the file is exactly its table; roles left out keep the default theme's")
    func fallback() throws {
        let result = try Theme.parse(toml: """
            name = "mine"
            [selected]
            fg = "red"
            reverse = true
            """)
        #expect(result.theme.name == "mine")
        #expect(result.theme.selected == Style(fg: .ansi(1), reverse: true))
        #expect(result.theme.header == Theme.builtinDefault.header)
        #expect(result.missingRoles.count == Theme.Role.allCases.count - 1)
        #expect(!result.missingRoles.contains(.selected))
    }

    @Test("kebab-case, snake_case and camelCase role names are the same role")
    func roleSpellings() throws {
        for key in ["selected-unfocused", "selected_unfocused", "selectedUnfocused"] {
            let theme = try Theme.load(toml: "[\(key)]\nunderline = true\n")
            #expect(theme.selectedUnfocused == Style(underline: true), "\(key)")
        }
    }

    @Test("palette indexes may be written as integers")
    func integerIndex() throws {
        let theme = try Theme.load(toml: "[error]\nfg = 196\nbg = \"17\"\n")
        #expect(theme.error == Style(fg: .indexed(196), bg: .indexed(17)))
    }

    @Test("unknown roles and keys are skipped with warnings")
    func unknownRolesWarn() throws {
        let result = try Theme.parse(toml: """
            [sparkles]
            fg = "red"
            [header]
            blink = true
            """)
        #expect(result.warnings.count == 2)
        #expect(result.warnings.contains { $0.contains("sparkles") })
        #expect(result.warnings.contains { $0.contains("header.blink") })
        #expect(result.theme.header == .plain)
    }

    @Test("an unknown colour is an error naming the key and the value")
    func badColour() {
        let error = #expect(throws: ThemeError.self) { try Theme.load(toml: "[selected]\nfg = \"purpleish\"\n") }
        #expect(error == .invalidValue(key: "selected.fg", value: "\"purpleish\"", expected: "a colour: " + Color.syntaxHelp))
        #expect(error?.description.contains("selected.fg = \"purpleish\"") == true)
    }

    @Test("values of the wrong kind are errors naming the key", arguments: [
        ("[selected]\nbold = \"yes\"\n", "selected.bold"),
        ("[selected]\nbg = 300\n", "selected.bg"),
        ("[selected]\nfg = 1.5\n", "selected.fg"),
        ("selected = 3\n", "selected"),
        ("name = 7\n", "name"),
    ])
    func wrongKinds(text: String, expectedKey: String) {
        let error = #expect(throws: ThemeError.self) { try Theme.load(toml: text) }
        guard case .invalidValue(let key, _, _)? = error else {
            Issue.record("expected invalidValue, got \(String(describing: error))")
            return
        }
        #expect(key == expectedKey)
    }

    /// The syntax error `Theme.load` throws for `toml`; nil (with an issue recorded) when it throws
    /// nothing or another error.
    private func syntaxError(loading toml: String, sourceLocation: SourceLocation = #_sourceLocation)
        -> (line: Int, column: Int, message: String)? {
        let error = #expect(throws: ThemeError.self, sourceLocation: sourceLocation) { try Theme.load(toml: toml) }
        guard case .syntax(let line, let column, let message)? = error else {
            Issue.record("expected a syntax error, got \(String(describing: error))", sourceLocation: sourceLocation)
            return nil
        }
        return (line, column, message)
    }

    @Test("invalid TOML is a syntax error with its line")
    func syntaxError() {
        guard let error = syntaxError(loading: "name = \"x\"\n[selected\nfg = \"red\"\n") else { return }
        #expect(error.line == 2)
        #expect(!error.message.isEmpty)
    }

    @Test("a control character in a table header (a fuzzer find that stopped toml++ on an assertion) is a syntax error with its line")
    func controlCharacterIsSyntaxError() {
        guard let error = syntaxError(loading: "name = \"x\"\n[\u{18}border]\nfg = \"red\"\n") else { return }
        #expect(error.line == 2 && error.column == 2)
        #expect(error.message.contains("U+0018"))
        #expect(CheckedTOML.forbiddenCharacter(in: "a = 1\t# tab is fine\r\n") == nil)
    }

    @Test("a table name starting with a character TOML forbids there (another toml++ assertion) is a syntax error; brackets inside values are not headers")
    func badTableNameIsSyntaxError() {
        guard let error = syntaxError(loading: "name = \"x\"\n\n[:itle]\nfg = \"red\"\n") else { return }
        #expect(error.line == 3 && error.column == 2)
        #expect(CheckedTOML.malformation(in: "[[ \"quoted\" ]]\na = [\n  [{ b = 1 }],\n  [+1],\n]\ns = \"\"\"\n[:not a header]\n\"\"\"\n# [:comment]\n") == nil)
        let badName = { (line: Int, column: Int) in CheckedTOML.Malformed(problem: .tableName, line: line, column: column) }
        #expect(CheckedTOML.malformation(in: "a = 1\n  [[.x]]\n") == badName(2, 5))
        #expect(CheckedTOML.malformation(in: "a = 1\n[\nb = 2\n") == badName(2, 2), "a lone [")
        #expect(CheckedTOML.malformation(in: "a = 1\n[") == badName(2, 2), "[ at the end")
    }

    @Test("a '}' closing an array (a fourth toml++ assertion) is a syntax error; brackets that match are not")
    func mismatchedBracketIsSyntaxError() {
        guard let error = syntaxError(loading: "[selected]\nunderline = [}}tremu\n") else { return }
        #expect(error.line == 2 && error.column == 14)
        #expect(error.message.contains("'}'") && error.message.contains("'['"))
        let mismatched = CheckedTOML.Malformed.Problem.mismatchedBracket(closer: "}", opener: "[")
        #expect(CheckedTOML.malformation(in: "a = [{ b = 1 }, # c\n  }]\n")
                == CheckedTOML.Malformed(problem: mismatched, line: 2, column: 3), "after a comma and a comment")
        #expect(CheckedTOML.malformation(in: "a = { b = [1, 2] ]\n")?.problem
                == .mismatchedBracket(closer: "]", opener: "{"))
        #expect(CheckedTOML.malformation(in: "a = [{ b = [1, \"}\"] }, { c = '{' }]\nd = {}\n# ]}\n") == nil)
    }

    @Test("resolving for 16 colours leaves only ANSI colours")
    func resolvedAnsi16() {
        let theme = Theme.builtinDefault.resolved(for: .ansi16)
        for role in Theme.Role.allCases {
            for color in [theme[role].fg, theme[role].bg] {
                switch color {
                case .default, .ansi: break
                default: Issue.record("\(role) kept \(color)")
                }
            }
        }
        #expect(theme.selected.bg == .ansi(12) || theme.selected.bg == .ansi(4))
    }

    @Test("in monochrome every colour is gone and the cursor rows and playhead are reverse video")
    func resolvedMonochrome() {
        let theme = Theme.builtinDefault.resolved(for: .none)
        for role in Theme.Role.allCases {
            #expect(theme[role].fg == .default && theme[role].bg == .default, "\(role)")
        }
        #expect(theme.selected.reverse)
        #expect(theme.selectedUnfocused.reverse)
        #expect(theme.playhead.reverse)
        #expect(theme.selected.bold)
        #expect(!theme.normal.reverse)
    }
}
