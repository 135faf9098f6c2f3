import Testing
@testable import TUI

@Suite("Writing text into the buffer")
struct BufferWriteTests {
    @Test("ESC, BEL and newline are shown as visible escapes, never stored raw")
    func controlCharactersEscaped() {
        var buffer = Buffer(width: 30, height: 1)
        buffer.write("a\u{1B}[2Jb\u{07}c\nd", x: 0, y: 0)
        #expect(buffer.lines[0].hasPrefix("a\\x1b[2Jb\\x07c\\x0ad"))
        let rawControls = buffer.cells.flatMap(\.text.unicodeScalars).filter { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
        #expect(rawControls.isEmpty)
    }

    @Test("a wide character that does not fit at the right edge becomes a space")
    func wideCharacterClippedAtEdge() {
        var buffer = Buffer(width: 5, height: 1)
        let used = buffer.write("ドラム", x: 0, y: 0)
        #expect(used == 5)
        #expect(buffer.plainText() == "ドラ ")
        #expect(buffer[1, 0].isContinuation)
        #expect(buffer[4, 0] == Cell(" "))
    }

    @Test("maxWidth clips like the edge does")
    func maxWidthClips() {
        var buffer = Buffer(width: 10, height: 1)
        #expect(buffer.write("ドラム", x: 1, y: 0, maxWidth: 3) == 3)
        #expect(buffer.plainText() == " ド       ")
    }

    @Test("text cut short ends in an ellipsis within maxWidth")
    func ellipsis() {
        var buffer = Buffer(width: 10, height: 2)
        #expect(buffer.write("snare_roll_long.wav", x: 0, y: 0, maxWidth: 6, ellipsis: true) == 6)
        #expect(buffer.write("ドラム", x: 0, y: 1, maxWidth: 4, ellipsis: true) == 3)
        #expect(buffer.lines == ["snare…    ", "ド…       "])
    }

    @Test("text that fits is not given an ellipsis")
    func noEllipsisWhenFits() {
        var buffer = Buffer(width: 6, height: 1)
        #expect(buffer.write("kick", x: 0, y: 0, maxWidth: 4, ellipsis: true) == 4)
        #expect(buffer.plainText() == "kick  ")
    }

    @Test("overwriting half of a wide character blanks the other half")
    func overwritingHalfAWideCharacter() {
        var buffer = Buffer(width: 6, height: 1)
        buffer.write("ドラム", x: 0, y: 0)
        buffer.write("x", x: 1, y: 0)
        #expect(buffer.plainText() == " xラム")
        buffer.write("y", x: 2, y: 0)
        #expect(buffer.plainText() == " xy ム")
    }

    @Test("writing outside the buffer does nothing")
    func outside() {
        var buffer = Buffer(width: 3, height: 1)
        #expect(buffer.write("abc", x: 3, y: 0) == 0)
        #expect(buffer.write("abc", x: 0, y: 1) == 0)
        #expect(buffer.write("abc", x: -1, y: 0) == 0)
        #expect(buffer.plainText() == "   ")
    }

    @Test("a decomposed accent stays in the cell of its letter")
    func combiningStaysInOneCell() {
        var buffer = Buffer(width: 4, height: 1)
        #expect(buffer.write("e\u{0301}x", x: 0, y: 0) == 2)
        #expect(buffer[0, 0].text == "e\u{0301}")
        #expect(buffer[1, 0].text == "x")
    }

    @Test("fill blanks a rectangle in a style, clipped to the buffer")
    func fill() {
        var buffer = Buffer(width: 4, height: 2)
        buffer.write("abcd", x: 0, y: 0)
        let bold = Style(bold: true)
        buffer.fill(Rect(x: 2, y: 0, width: 10, height: 10), style: bold)
        #expect(buffer.lines == ["ab  ", "    "])
        #expect(buffer[3, 1].style == bold)
        #expect(buffer[1, 0].style == .plain)
    }
}
