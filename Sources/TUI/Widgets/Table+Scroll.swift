extension Table {
    /// The first row to show so the selection stays visible, scrolling as little as possible (like vim).
    ///
    /// - Parameters:
    ///   - selected: the cursor row (clamped to the rows), or nil to only clamp `current`.
    ///   - current: the offset shown so far.
    ///   - visibleRows: rows of data that fit (see ``visibleRows(forHeight:)``).
    ///   - rowCount: rows in the table.
    ///   - margin: rows kept visible above and below the cursor (vim's `scrolloff`), at most half a page.
    /// - Returns: an offset in `0...max(0, rowCount - visibleRows)`.
    public static func scrollOffset(selected: Int?, current: Int, visibleRows: Int, rowCount: Int,
                                    margin: Int = 0) -> Int {
        guard visibleRows > 0, rowCount > 0 else { return 0 }
        let lastOffset = max(0, rowCount - visibleRows)
        var offset = min(max(0, current), lastOffset)
        guard let selected else { return offset }
        let cursor = min(max(0, selected), rowCount - 1)
        let pad = min(max(0, margin), (visibleRows - 1) / 2)
        if cursor - pad < offset {
            offset = cursor - pad
        } else if cursor + pad >= offset + visibleRows {
            offset = cursor + pad - visibleRows + 1
        }
        return min(max(0, offset), lastOffset)
    }
}
