import Testing
@testable import TUI

@Suite("Table renders only the rows it shows")
struct TableTests {
    static let columns = [
        TableColumn(title: "Name", width: .flexible(weight: 1)),
        TableColumn(title: "BPM", width: .fixed(5), alignment: .right),
    ]

    /// Renders a table of `rowCount` rows in a 20×`height` area; returns the rows asked for.
    static func requestedRows(rowCount: Int, height: Int, offset: Int = 0) -> [Int] {
        var requested: [Int] = []
        let table = Table(columns: columns, rowCount: rowCount, cells: { row in
            requested.append(row)
            return ["sample\(row).wav", "120"]
        }, offset: offset)
        var buffer = Buffer(width: 20, height: height)
        table.render(into: &buffer, area: buffer.area, theme: .plainForTests)
        return requested
    }

    @Test("100 000 rows cost the same as 100: only visible rows are asked for, once each")
    func virtualised() {
        let small = Self.requestedRows(rowCount: 100, height: 11)
        let large = Self.requestedRows(rowCount: 100_000, height: 11)
        #expect(large.count <= Table.visibleRows(forHeight: 11))
        #expect(large.count == small.count)
        #expect(large == Array(0..<10))
    }

    @Test("deep in a long table only the rows at the offset are asked for")
    func virtualisedAtOffset() {
        #expect(Self.requestedRows(rowCount: 100_000, height: 6, offset: 50_000) == Array(50_000..<50_005))
    }

    @Test("an offset past the end is pulled back to show a full last page")
    func offsetClamped() {
        #expect(Self.requestedRows(rowCount: 30, height: 6, offset: 1_000) == Array(25..<30))
    }

    @Test("columns are laid out with right alignment and ellipsis")
    func layoutSnapshot() {
        let table = Table(columns: Self.columns, rowCount: 2, cells: { row in
            [["kick_808_long_name.wav", "ドラム.wav"][row], ["120", "97.5"][row]]
        })
        var buffer = Buffer(width: 20, height: 4)
        table.render(into: &buffer, area: buffer.area, theme: .plainForTests)
        #expect(buffer.lines == [
            "Name             BPM",
            "kick_808_long…   120",
            "ドラム.wav      97.5",
            "                    ",
        ])
    }

    @Test("the sorted column's header shows ▲ ascending and ▼ descending")
    func sortMarker() {
        var table = Table(columns: Self.columns, rowCount: 0, cells: { _ in [] }, sortColumn: 1)
        var buffer = Buffer(width: 20, height: 1)
        table.render(into: &buffer, area: buffer.area, theme: .plainForTests)
        #expect(buffer.lines[0] == "Name           BPM ▲")
        table.sortDescending = true
        table.sortColumn = 0
        table.render(into: &buffer, area: buffer.area, theme: .plainForTests)
        #expect(buffer.lines[0] == "Name ▼" + String(repeating: " ", count: 11) + "BPM")
    }

    @Test("row styles stack: role, then marked, then the cursor")
    func rowStyles() {
        var theme = Theme.plainForTests
        theme.missing = Style(fg: .ansi(8))
        theme.marked = Style(bold: true)
        theme.selected = Style(bg: .ansi(4))
        theme.selectedUnfocused = Style(underline: true)
        var table = Table(columns: Self.columns, rowCount: 4, cells: { _ in ["x", "1"] },
                          rowRole: { $0 == 1 ? .missing : .normal }, selected: 2, marked: [1, 2])
        var buffer = Buffer(width: 20, height: 5)
        table.render(into: &buffer, area: buffer.area, theme: theme)
        #expect(buffer[0, 1].style == .plain)
        #expect(buffer[0, 2].style == Style(fg: .ansi(8), bold: true))
        #expect(buffer[19, 3].style == Style(bg: .ansi(4), bold: true))
        table.focused = false
        table.render(into: &buffer, area: buffer.area, theme: theme)
        #expect(buffer[0, 3].style == Style(bold: true, underline: true))
    }
}
