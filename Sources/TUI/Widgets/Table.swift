/// A virtualised table: a header row and `rowCount` rows, of which only the visible ones are
/// asked for. `cells(row)` is called once per visible row per render, so a 100 000-row table
/// costs the same as a 100-row one.
public struct Table {
    /// How a row is coloured by its state.
    public enum RowRole: Hashable, Sendable {
        case normal
        /// The file is gone (unplugged drive, moved folder).
        case missing
        /// The file failed to decode or analyse.
        case error
    }

    public var columns: [TableColumn]
    public var rowCount: Int
    /// The texts of one row, one per column (missing ones are blank, extra ones ignored).
    public var cells: (Int) -> [String]
    /// The state of one row; called only for visible rows.
    public var rowRole: (Int) -> RowRole
    /// The cursor row, if any.
    public var selected: Int?
    /// The first visible row; keep it with ``scrollOffset(selected:current:visibleRows:rowCount:margin:)``.
    public var offset: Int
    /// Rows marked for a batch action.
    public var marked: Set<Int>
    /// The column the rows are sorted by; its header shows "▲" (ascending) or "▼" (descending).
    public var sortColumn: Int?
    public var sortDescending: Bool
    /// Whether the pane has focus: the cursor row uses `selected`, otherwise `selectedUnfocused`.
    public var focused: Bool
    /// Blank columns between two columns.
    public var columnSpacing: Int

    public init(columns: [TableColumn], rowCount: Int, cells: @escaping (Int) -> [String],
                rowRole: @escaping (Int) -> RowRole = { _ in .normal }, selected: Int? = nil, offset: Int = 0,
                marked: Set<Int> = [], sortColumn: Int? = nil, sortDescending: Bool = false,
                focused: Bool = true, columnSpacing: Int = 1) {
        self.columns = columns
        self.rowCount = rowCount
        self.cells = cells
        self.rowRole = rowRole
        self.selected = selected
        self.offset = offset
        self.marked = marked
        self.sortColumn = sortColumn
        self.sortDescending = sortDescending
        self.focused = focused
        self.columnSpacing = columnSpacing
    }

    /// Rows of data that fit in an area of `height` rows (one goes to the header).
    public static func visibleRows(forHeight height: Int) -> Int {
        max(0, height - 1)
    }

    /// The columns' areas within `area`, left to right.
    public func columnRects(in area: Rect) -> [Rect] {
        var sizes: [LayoutSize] = []
        for (index, column) in columns.enumerated() {
            if index > 0 { sizes.append(.fixed(columnSpacing)) }
            switch column.width {
            case .fixed(let cells): sizes.append(.fixed(cells))
            case .flexible(let weight): sizes.append(.fill(weight: weight))
            }
        }
        let parts = area.split(horizontally: sizes)
        return stride(from: 0, to: parts.count, by: 2).map { parts[$0] }
    }

    /// Draws the header and the visible rows. An offset past the end is pulled back so the
    /// last page is full.
    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        buffer.fill(area, style: theme.normal)
        guard !area.isEmpty else { return }
        let rects = columnRects(in: area)
        renderHeader(into: &buffer, rects: rects, area: area, theme: theme)
        let visible = Table.visibleRows(forHeight: area.height)
        let first = max(0, min(offset, rowCount - visible))
        for line in 0..<visible {
            let row = first + line
            guard row < rowCount else { break }
            let y = area.y + 1 + line
            let style = rowStyle(row, theme: theme)
            buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: style)
            let texts = cells(row)
            for (index, rect) in rects.enumerated() where index < texts.count {
                write(texts[index], in: rect, y: y, alignment: columns[index].alignment, style: style, buffer: &buffer)
            }
        }
    }

    /// The style of a row: normal, then its role, then marked, then the cursor on top.
    public func rowStyle(_ row: Int, theme: Theme) -> Style {
        var style = theme.normal
        switch rowRole(row) {
        case .normal: break
        case .missing: style = style.patched(by: theme.missing)
        case .error: style = style.patched(by: theme.error)
        }
        if marked.contains(row) { style = style.patched(by: theme.marked) }
        if row == selected { style = style.patched(by: focused ? theme.selected : theme.selectedUnfocused) }
        return style
    }

    private func renderHeader(into buffer: inout Buffer, rects: [Rect], area: Rect, theme: Theme) {
        let style = theme.normal.patched(by: theme.header)
        buffer.fill(Rect(x: area.x, y: area.y, width: area.width, height: 1), style: style)
        for (index, rect) in rects.enumerated() {
            let marker = index == sortColumn ? (sortDescending ? " ▼" : " ▲") : ""
            let titleRoom = max(0, rect.width - marker.displayWidth)
            let title = Table.fitted(columns[index].title, width: titleRoom)
            write(title + marker, in: rect, y: area.y, alignment: columns[index].alignment, style: style, buffer: &buffer)
        }
    }

    private func write(_ text: String, in rect: Rect, y: Int, alignment: TableColumn.Alignment, style: Style,
                       buffer: inout Buffer) {
        guard rect.width > 0 else { return }
        switch alignment {
        case .left:
            buffer.write(text, x: rect.x, y: y, maxWidth: rect.width, style: style, ellipsis: true)
        case .right:
            let width = min(rect.width, Table.safeWidth(text))
            buffer.write(text, x: rect.right - width, y: y, maxWidth: width, style: style, ellipsis: true)
        }
    }

    /// `text` cut to `width` columns with "…" when too long.
    static func fitted(_ text: String, width: Int) -> String {
        guard width > 0 else { return "" }
        guard text.displayWidth > width else { return text }
        var result = "", used = 0
        for character in text {
            let cost = DisplayWidth.of(character)
            if used + cost > width - 1 { break }
            result.append(character)
            used += cost
        }
        return result + "…"
    }

    private static func safeWidth(_ text: String) -> Int {
        DisplayWidth.of(TerminalSafeBridge.escape(text))
    }
}
