import Testing
@testable import TUI

@Suite("Buffers print as text snapshots")
struct SnapshotTextTests {
    @Test("plain text keeps trailing spaces so columns line up")
    func plainTextKeepsSpaces() {
        var buffer = Buffer(width: 5, height: 2)
        buffer.write("ab", x: 0, y: 0)
        buffer.write("ド", x: 3, y: 1)
        #expect(buffer.plainText() == "ab   \n   ド")
    }

    @Test("styled text adds a mask row per text row and a legend of styles")
    func styledText() {
        var buffer = Buffer(width: 6, height: 2)
        buffer.write("ab", x: 0, y: 0, style: Style(bold: true))
        buffer.write("ドラ", x: 2, y: 1, style: Style(fg: .ansi(1)))
        buffer.write("c", x: 5, y: 0, style: Style(fg: .rgb(0x5F, 0xAF, 0xFF), bg: .indexed(236), reverse: true))
        #expect(buffer.styledText() == """
            ab   c
            AA...B
              ドラ
            ..CCCC
            A: bold
            B: fg=#5fafff bg=236 reverse
            C: fg=red
            """)
    }
}
