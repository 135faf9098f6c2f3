import Testing
@testable import TUI

@Suite("Overlay boxes are centred, sized to content and clamped to the area")
struct OverlayTests {
    @Test("the box fits its content and is centred")
    func sizedToContent() {
        let overlay = Overlay(title: "Help", lines: ["j/k  move", "?    help"])
        var buffer = Buffer(width: 30, height: 8)
        buffer.write(String(repeating: "#", count: 30), x: 0, y: 0)
        let frame = overlay.render(into: &buffer, area: buffer.area, theme: .plainForTests)
        #expect(frame == Rect(x: 8, y: 2, width: 13, height: 4))
        #expect(buffer.lines == [
            String(repeating: "#", count: 30),
            "                              ",
            "        ┏ Help ━━━━━┓         ",
            "        ┃ j/k  move ┃         ",
            "        ┃ ?    help ┃         ",
            "        ┗━━━━━━━━━━━┛         ",
            "                              ",
            "                              ",
        ])
    }

    @Test("in a tiny area the box is clamped, long lines are cut and hidden lines are counted")
    func tinyArea() {
        let overlay = Overlay(title: "Keys", lines: (1...20).map { "binding number \($0) does something" })
        var buffer = Buffer(width: 12, height: 5)
        let frame = overlay.render(into: &buffer, area: buffer.area, theme: .plainForTests)
        #expect(frame == buffer.area)
        #expect(buffer.lines == [
            "┏ Keys ━━━━┓",
            "┃ binding… ┃",
            "┃ binding… ┃",
            "┃ binding… ┃",
            "┗ +17 more ┛",
        ])
    }

    @Test("degenerate areas never crash and the box stays inside", arguments: [
        Rect(x: 0, y: 0, width: 0, height: 0), Rect(x: 1, y: 1, width: 1, height: 1),
        Rect(x: 2, y: 0, width: 3, height: 2), Rect(x: 0, y: 3, width: 6, height: 1),
    ])
    func degenerate(area: Rect) {
        var buffer = Buffer(width: 8, height: 4)
        let frame = Overlay(title: "Help", lines: ["a", "bb"]).render(into: &buffer, area: area, theme: .plainForTests)
        #expect(area.contains(frame))
    }
}
