import Testing
@testable import TUI

@Suite("Paragraph wraps words by display width")
struct ParagraphTests {
    @Test("words are kept whole and wrapped greedily")
    func wrapsWords() {
        #expect(Paragraph.wrap("the quick brown fox jumps", width: 10) == ["the quick", "brown fox", "jumps"])
    }

    @Test("a word wider than the line is broken")
    func longWord() {
        #expect(Paragraph.wrap("abcdefghijkl", width: 5) == ["abcde", "fghij", "kl"])
    }

    @Test("wide characters count two columns when wrapping")
    func wideCharacters() {
        #expect(Paragraph.wrap("ドラムドラム", width: 5) == ["ドラ", "ムド", "ラム"])
        #expect(Paragraph.wrap("ドラム loop", width: 6) == ["ドラム", "loop"])
    }

    @Test("newlines start new lines and blank lines are kept; controls are escaped")
    func newlines() {
        #expect(Paragraph.wrap("a\n\nb\u{1B}", width: 10) == ["a", "", "b\\x1b"])
    }

    @Test("scrolling skips wrapped lines")
    func scroll() {
        var buffer = Buffer(width: 5, height: 2)
        Paragraph("one two three four", scroll: 1).render(into: &buffer, area: buffer.area, theme: .plainForTests)
        #expect(buffer.lines == ["two  ", "three"])
    }
}
