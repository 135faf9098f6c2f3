import Testing
@testable import TUI

@Suite("The table offset keeps the cursor visible, scrolling as little as possible")
struct TableScrollTests {
    static func visible(_ selected: Int, offset: Int, rows: Int) -> Bool {
        selected >= offset && selected < offset + rows
    }

    @Test("moving below the last visible row scrolls by one")
    func bottom() {
        #expect(Table.scrollOffset(selected: 10, current: 0, visibleRows: 10, rowCount: 100) == 1)
        #expect(Table.scrollOffset(selected: 9, current: 0, visibleRows: 10, rowCount: 100) == 0)
    }

    @Test("moving above the first visible row puts it at the top")
    func top() {
        #expect(Table.scrollOffset(selected: 3, current: 5, visibleRows: 10, rowCount: 100) == 3)
        #expect(Table.scrollOffset(selected: 0, current: 50, visibleRows: 10, rowCount: 100) == 0)
    }

    @Test("PgDn moves the cursor a page and the offset follows it")
    func pageDown() {
        var selected = 0, offset = 0
        for _ in 0..<5 {
            selected = min(99, selected + 10)
            offset = Table.scrollOffset(selected: selected, current: offset, visibleRows: 10, rowCount: 100)
            #expect(Self.visible(selected, offset: offset, rows: 10))
        }
        #expect(selected == 50 && offset == 41)
    }

    @Test("the last row puts the last page in view; a short table never scrolls")
    func ends() {
        #expect(Table.scrollOffset(selected: 99, current: 0, visibleRows: 10, rowCount: 100) == 90)
        #expect(Table.scrollOffset(selected: 4, current: 3, visibleRows: 10, rowCount: 5) == 0)
        #expect(Table.scrollOffset(selected: nil, current: 0, visibleRows: 0, rowCount: 5) == 0)
        #expect(Table.scrollOffset(selected: 0, current: 0, visibleRows: 10, rowCount: 0) == 0)
    }

    @Test("an offset left past the end (after filtering) is pulled back")
    func clampedAfterFilter() {
        #expect(Table.scrollOffset(selected: nil, current: 500, visibleRows: 10, rowCount: 20) == 10)
        #expect(Table.scrollOffset(selected: 500, current: 500, visibleRows: 10, rowCount: 20) == 10)
    }

    @Test("a margin keeps rows visible around the cursor, like vim's scrolloff")
    func margin() {
        #expect(Table.scrollOffset(selected: 8, current: 0, visibleRows: 10, rowCount: 100, margin: 2) == 1)
        #expect(Table.scrollOffset(selected: 11, current: 10, visibleRows: 10, rowCount: 100, margin: 2) == 9)
        #expect(Table.scrollOffset(selected: 99, current: 0, visibleRows: 10, rowCount: 100, margin: 2) == 90)
    }

    @Test("whatever the moves, the cursor stays visible")
    func anyMoves() {
        var generator = SystemRandomNumberGenerator()
        var selected = 0, offset = 0
        for _ in 0..<2_000 {
            let jump = [-1, 1, -10, 10, -1_000, 1_000, 0][Int.random(in: 0..<7, using: &generator)]
            selected = min(max(0, selected + jump), 499)
            offset = Table.scrollOffset(selected: selected, current: offset, visibleRows: 7, rowCount: 500, margin: 1)
            #expect(Self.visible(selected, offset: offset, rows: 7))
            #expect(offset >= 0 && offset <= 493)
        }
    }
}
