/// A centred, bordered box drawn over whatever is already in the buffer (the `?` help,
/// confirmations). It is sized to its content and clamped to the area.
public struct Overlay: Hashable, Sendable {
    public var title: String
    public var lines: [String]
    /// Lines skipped at the top, for scrolling long help.
    public var scroll: Int

    public init(title: String, lines: [String], scroll: Int = 0) {
        self.title = title
        self.lines = lines
        self.scroll = scroll
    }

    /// The box this overlay takes in `area`: content plus a border and one column of padding
    /// each side, no larger than `area`, centred in it.
    public func frame(in area: Rect) -> Rect {
        let contentWidth = max(title.displayWidth + 4, lines.map { TerminalSafeBridge.escape($0).displayWidth }.max() ?? 0)
        return area.centered(width: contentWidth + 4, height: lines.count + 2)
    }

    /// Draws the box and returns its frame. Lines that do not fit are cut with "…"; when lines
    /// are hidden below, the bottom border says how many.
    @discardableResult
    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) -> Rect {
        let box = frame(in: area)
        guard !box.isEmpty else { return box }
        let inner = Block(title: title, focused: true, style: theme.normal.patched(by: theme.help))
            .render(into: &buffer, area: box, theme: theme)
        let text = inner.inset(horizontal: 1, vertical: 0)
        let first = min(max(0, scroll), max(0, lines.count - 1))
        let shown = lines.dropFirst(first).prefix(text.height)
        let style = theme.normal.patched(by: theme.help)
        for (row, line) in shown.enumerated() {
            buffer.write(line, x: text.x, y: text.y + row, maxWidth: text.width, style: style, ellipsis: true)
        }
        let hidden = lines.count - first - shown.count
        if hidden > 0, box.height >= 2, box.width >= 6 {
            let note = " +\(hidden) more "
            let width = min(note.displayWidth, box.width - 2)
            buffer.write(note, x: box.right - 1 - width, y: box.bottom - 1, maxWidth: width,
                         style: style.patched(by: theme.muted), ellipsis: true)
        }
        return box
    }
}
