import Testing
@testable import TUI

@Suite("Status bar fits its segments, left first")
struct StatusBarTests {
    @Test("left, centre and right sit in their places when there is room")
    func roomy() {
        var buffer = Buffer(width: 30, height: 1)
        StatusBar(left: "kick.wav", center: "3/10", right: "120 BPM").render(into: &buffer, area: buffer.area, theme: .plainForTests)
        #expect(buffer.plainText() == "kick.wav     3/10      120 BPM")
    }

    @Test("when space is short the left segment wins and the right is cut")
    func tight() {
        var buffer = Buffer(width: 8, height: 1)
        StatusBar(left: "ab", center: "centre", right: "1234567890").render(into: &buffer, area: buffer.area, theme: .plainForTests)
        #expect(buffer.plainText() == "ab 1234…")
    }

    @Test("a left segment wider than the bar is cut with an ellipsis and the rest dropped")
    func leftOnly() {
        var buffer = Buffer(width: 12, height: 1)
        StatusBar(left: "a_long_file_name.wav", center: "x", right: "120 BPM").render(into: &buffer, area: buffer.area, theme: .plainForTests)
        #expect(buffer.plainText() == "a_long_file…")
    }

    @Test("the mode badge comes first in the accent style")
    func mode() {
        var theme = Theme.plainForTests
        theme.statusAccent = Style(reverse: true)
        var buffer = Buffer(width: 20, height: 1)
        StatusBar(mode: "NORMAL", left: "kick.wav").render(into: &buffer, area: buffer.area, theme: theme)
        #expect(buffer.plainText() == " NORMAL  kick.wav   ")
        #expect(buffer[1, 0].style.reverse && !buffer[9, 0].style.reverse)
    }
}
