import Testing
@testable import TUI

@Suite("Text input keeps the cursor on screen")
struct TextInputTests {
    @Test("short text follows the prompt and the cursor sits after it")
    func short() {
        var buffer = Buffer(width: 12, height: 1)
        let cursor = TextInput(prompt: "/", text: "kick").render(into: &buffer, area: buffer.area, theme: .plainForTests)
        #expect(buffer.plainText() == "/kick       ")
        #expect(cursor == 5)
    }

    @Test("long text scrolls so the cursor at the end stays in the last column")
    func scrollsToCursor() {
        var buffer = Buffer(width: 10, height: 1)
        let input = TextInput(prompt: "/", text: "abcdefghijklmnopqrst")
        let cursor = input.render(into: &buffer, area: buffer.area, theme: .plainForTests)
        #expect(buffer.plainText() == "/mnopqrst ")
        #expect(cursor == 9)
    }

    @Test("with the cursor at the start the beginning of the text shows")
    func cursorAtStart() {
        var buffer = Buffer(width: 10, height: 1)
        let cursor = TextInput(prompt: ":", text: "abcdefghijklmnopqrst", cursor: 0)
            .render(into: &buffer, area: buffer.area, theme: .plainForTests)
        #expect(buffer.plainText() == ":abcdefghi")
        #expect(cursor == 1)
    }

    @Test("wide characters move the cursor two columns")
    func wide() {
        var buffer = Buffer(width: 8, height: 1)
        let cursor = TextInput(prompt: "/", text: "ドラムドラム").render(into: &buffer, area: buffer.area, theme: .plainForTests)
        #expect(buffer.plainText() == "/ドラム ")
        #expect(cursor == 7)
    }

    @Test("control characters in the text are shown escaped and counted as shown")
    func escaped() {
        var buffer = Buffer(width: 12, height: 1)
        let cursor = TextInput(prompt: "/", text: "a\u{1B}b").render(into: &buffer, area: buffer.area, theme: .plainForTests)
        #expect(buffer.plainText() == "/a\\x1bb     ")
        #expect(cursor == 7)
    }
}
