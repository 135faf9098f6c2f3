import Testing
@testable import TUI

@Suite("Buffer diff sends only what changed")
struct BufferDiffTests {
    @Test("identical buffers produce no change")
    func identical() {
        var buffer = Buffer(width: 20, height: 5)
        buffer.write("kick.wav", x: 2, y: 1)
        #expect(buffer.diff(from: buffer).isEmpty)
    }

    @Test("changes come back as runs of consecutive changed cells on each row")
    func runs() {
        var previous = Buffer(width: 10, height: 3)
        previous.write("0123456789", x: 0, y: 1)
        var next = previous
        next.write("ab", x: 2, y: 1)
        next.write("z", x: 7, y: 1)
        next.write("q", x: 0, y: 2)
        let changes = next.diff(from: previous)
        #expect(changes == [
            BufferChange(x: 2, y: 1, cells: [Cell("a"), Cell("b")]),
            BufferChange(x: 7, y: 1, cells: [Cell("z")]),
            BufferChange(x: 0, y: 2, cells: [Cell("q")]),
        ])
    }

    @Test("a style change alone is a change")
    func styleOnly() {
        var previous = Buffer(width: 4, height: 1)
        previous.write("abcd", x: 0, y: 0)
        var next = previous
        next.write("b", x: 1, y: 0, style: Style(reverse: true))
        #expect(next.diff(from: previous) == [BufferChange(x: 1, y: 0, cells: [Cell("b", style: Style(reverse: true))])])
    }

    @Test("a wide character is sent with its right half")
    func wideCharacterRun() {
        var previous = Buffer(width: 4, height: 1)
        previous.write("abcd", x: 0, y: 0)
        var next = previous
        next.write("ド", x: 1, y: 0)
        #expect(next.diff(from: previous) == [BufferChange(x: 1, y: 0, cells: [Cell("ド"), Cell("")])])
    }

    @Test("buffers of different sizes give a full redraw")
    func resized() {
        let previous = Buffer(width: 4, height: 2)
        var next = Buffer(width: 3, height: 2)
        next.write("x", x: 0, y: 0)
        let changes = next.diff(from: previous)
        #expect(changes.count == 2)
        #expect(changes.allSatisfy { $0.x == 0 && $0.cells.count == 3 })
        #expect(changes.map(\.y) == [0, 1])
    }
}
