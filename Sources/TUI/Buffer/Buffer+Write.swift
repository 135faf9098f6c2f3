extension Buffer {
    /// Writes one line of text at (x, y) and returns the columns it used.
    ///
    /// The text goes through `TerminalSafe.escape` first, so control characters show as `\x1b`,
    /// `\x0a`, … and never reach a cell. Writing stops at `maxWidth` columns and at the buffer's
    /// right edge; a wide character that does not fit becomes a space. With `ellipsis`, text that
    /// is cut ends in "…".
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, maxWidth: Int? = nil, style: Style = .plain,
                               ellipsis: Bool = false) -> Int {
        guard y >= 0, y < height, x >= 0, x < width else { return 0 }
        let limit = min(maxWidth ?? Int.max, width - x)
        guard limit > 0 else { return 0 }
        let safe = TerminalSafeBridge.escape(text)
        if ellipsis, safe.displayWidth > limit {
            let used = place(safe, x: x, y: y, limit: limit - 1, style: style, padCutWide: false)
            put(Cell("…", style: style), x: x + used, y: y)
            return used + 1
        }
        return place(safe, x: x, y: y, limit: limit, style: style, padCutWide: true)
    }

    /// Writes already-escaped text; returns the columns used. A wide character cut at `limit`
    /// becomes a space when `padCutWide` (otherwise the "…" that follows takes its place).
    private mutating func place(_ text: String, x: Int, y: Int, limit: Int, style: Style, padCutWide: Bool) -> Int {
        var column = 0
        for character in text {
            let width = DisplayWidth.of(character)
            if width == 0 {
                if column > 0 { appendToPrevious(character, x: x + column - 1, y: y) }
                continue
            }
            if column + width > limit {
                if padCutWide, column < limit {
                    put(Cell(" ", style: style), x: x + column, y: y)
                    column += 1
                }
                break
            }
            put(Cell(String(character), style: style), x: x + column, y: y)
            if width == 2 { put(Cell("", style: style), x: x + column + 1, y: y) }
            column += width
        }
        return column
    }

    /// Attaches a zero-width character (a stray combining mark) to the cell before it.
    private mutating func appendToPrevious(_ character: Character, x: Int, y: Int) {
        var target = x
        if self[target, y].isContinuation, target > 0 { target -= 1 }
        self[target, y].text.append(character)
    }
}
