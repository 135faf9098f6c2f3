import Testing
@testable import TUI

@Suite("Block draws a border and returns the area inside")
struct BlockTests {
    @Test("a focused block has heavy lines and its title in the top border")
    func focused() {
        var buffer = Buffer(width: 10, height: 4)
        let inner = Block(title: "Files", focused: true).render(into: &buffer, area: buffer.area, theme: .plainForTests)
        #expect(inner == Rect(x: 1, y: 1, width: 8, height: 2))
        #expect(buffer.lines == ["┏ Files ━┓", "┃        ┃", "┃        ┃", "┗━━━━━━━━┛"])
    }

    @Test("an unfocused block has light lines in the border style; a long title is cut")
    func unfocused() {
        var theme = Theme.plainForTests
        theme.border = Style(dim: true)
        var buffer = Buffer(width: 8, height: 3)
        Block(title: "Similar samples").render(into: &buffer, area: buffer.area, theme: theme)
        #expect(buffer.lines == ["┌ Simi…┐", "│      │", "└──────┘"])
        #expect(buffer[0, 0].style.dim)
    }

    @Test("an area too small for a border gives an empty inner area")
    func tooSmall() {
        var buffer = Buffer(width: 3, height: 3)
        let inner = Block(title: "x").render(into: &buffer, area: Rect(x: 0, y: 0, width: 1, height: 3), theme: .plainForTests)
        #expect(inner.isEmpty)
    }
}
