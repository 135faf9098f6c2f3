/// One status line: an optional mode badge, then left, centre and right segments.
///
/// When space is short the mode wins, then left, then right, then centre: each is cut with
/// "…" before a lower one is dropped. The centre stays centred when it fits between the others.
public struct StatusBar: Hashable, Sendable {
    /// A short badge drawn first in the `statusAccent` style, e.g. "NORMAL", "SEARCH".
    public var mode: String?
    public var left: String
    public var center: String?
    public var right: String

    public init(mode: String? = nil, left: String, center: String? = nil, right: String = "") {
        self.mode = mode
        self.left = left
        self.center = center
        self.right = right
    }

    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        let style = theme.normal.patched(by: theme.status)
        buffer.fill(area, style: style)
        guard !area.isEmpty else { return }
        let y = area.y
        var x = area.x
        if let mode, !mode.isEmpty {
            x += buffer.write(" " + mode + " ", x: x, y: y, maxWidth: area.right - x, style: style.patched(by: theme.statusAccent),
                              ellipsis: true)
            if x < area.right { x += 1 }
        }
        x += buffer.write(left, x: x, y: y, maxWidth: area.right - x, style: style, ellipsis: true)
        let leftEnd = x
        var rightStart = area.right
        let rightWidth = StatusBar.shownWidth(right)
        let roomForRight = area.right - leftEnd - (leftEnd > area.x ? 1 : 0)
        if rightWidth > 0, roomForRight > 0 {
            let width = min(rightWidth, roomForRight)
            rightStart = area.right - width
            buffer.write(right, x: rightStart, y: y, maxWidth: width, style: style, ellipsis: true)
        }
        guard let center, !center.isEmpty else { return }
        let gapStart = leftEnd + (leftEnd > area.x ? 1 : 0)
        let gapEnd = rightStart - (rightStart < area.right ? 1 : 0)
        guard gapEnd > gapStart else { return }
        let width = min(StatusBar.shownWidth(center), gapEnd - gapStart)
        let centred = area.x + (area.width - width) / 2
        let start = min(max(centred, gapStart), gapEnd - width)
        buffer.write(center, x: start, y: y, maxWidth: width, style: style, ellipsis: true)
    }

    private static func shownWidth(_ text: String) -> Int {
        TerminalSafeBridge.escape(text).displayWidth
    }
}
