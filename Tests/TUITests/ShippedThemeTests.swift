import Foundation
import Testing
@testable import TUI

@Suite("The theme files shipped in Themes/ are complete and valid")
struct ShippedThemeTests {
    static let themesDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Themes")

    static func load(_ name: String) throws -> Theme.LoadResult {
        let text = try String(contentsOf: themesDirectory.appendingPathComponent(name + ".toml"), encoding: .utf8)
        return try Theme.parse(toml: text)
    }

    @Test("each shipped theme parses, sets every role, has no warnings and is named after its file",
          arguments: ["default", "light", "high-contrast", "monochrome"])
    func shipped(name: String) throws {
        let result = try Self.load(name)
        #expect(result.missingRoles.isEmpty, "\(name) leaves out \(result.missingRoles)")
        #expect(result.warnings.isEmpty, "\(result.warnings)")
        #expect(result.theme.name == name)
    }

    @Test("default.toml is the built-in default theme")
    func defaultMatchesBuiltin() throws {
        #expect(try Self.load("default").theme == Theme.builtinDefault)
    }

    @Test("the monochrome theme uses attributes only, and its cursor row is visible")
    func monochromeHasNoColour() throws {
        let theme = try Self.load("monochrome").theme
        for role in Theme.Role.allCases {
            #expect(theme[role].fg == .default && theme[role].bg == .default, "\(role)")
        }
        #expect(theme.selected.reverse)
        #expect(theme.resolved(for: .none) == theme)
    }
}
