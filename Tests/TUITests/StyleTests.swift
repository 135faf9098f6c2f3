import Testing
@testable import TUI

@Suite("Styles layer and resolve")
struct StyleTests {
    @Test("a patch replaces colours it sets and adds its attributes")
    func patched() {
        let base = Style(fg: .ansi(7), bg: .ansi(0), italic: true)
        let patch = Style(bg: .ansi(4), bold: true)
        #expect(base.patched(by: patch) == Style(fg: .ansi(7), bg: .ansi(4), bold: true, italic: true))
    }

    @Test("in monochrome a style keeps only its attributes")
    func monochrome() {
        let style = Style(fg: .rgb(1, 2, 3), bg: .indexed(4), bold: true, underline: true)
        #expect(style.resolved(for: .none) == Style(bold: true, underline: true))
    }

    @Test("description lists colours then attributes")
    func description() {
        #expect(Style.plain.description == "plain")
        #expect(Style(fg: .ansi(9), dim: true).description == "fg=bright-red dim")
    }
}
