/// A bordered box with an optional title; the focused block is drawn with heavy lines and
/// the `borderFocused` style, so focus shows even without colour.
public struct Block: Hashable, Sendable {
    public var title: String?
    public var focused: Bool
    /// Base style of the box; `nil` uses the theme's `normal`.
    public var style: Style?

    public init(title: String? = nil, focused: Bool = false, style: Style? = nil) {
        self.title = title
        self.focused = focused
        self.style = style
    }

    /// The area left inside the border.
    public static func inner(_ area: Rect) -> Rect {
        area.inset(by: 1)
    }

    /// Clears `area`, draws the border and title, and returns the inner area.
    @discardableResult
    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) -> Rect {
        let base = style ?? theme.normal
        buffer.fill(area, style: base)
        guard area.width >= 2, area.height >= 2 else { return Rect(x: area.x, y: area.y, width: 0, height: 0) }
        let line = base.patched(by: focused ? theme.borderFocused : theme.border)
        let glyphs = focused ? Block.heavy : Block.light
        let horizontal = String(repeating: glyphs.horizontal, count: area.width - 2)
        buffer.write(glyphs.topLeft + horizontal + glyphs.topRight, x: area.x, y: area.y, style: line)
        buffer.write(glyphs.bottomLeft + horizontal + glyphs.bottomRight, x: area.x, y: area.bottom - 1, style: line)
        for row in area.y + 1..<area.bottom - 1 {
            buffer.write(glyphs.vertical, x: area.x, y: row, style: line)
            buffer.write(glyphs.vertical, x: area.right - 1, y: row, style: line)
        }
        if let title, !title.isEmpty, area.width >= 5 {
            buffer.write(" " + title + " ", x: area.x + 1, y: area.y, maxWidth: area.width - 2,
                         style: line.patched(by: theme.title), ellipsis: true)
        }
        return Block.inner(area)
    }

    private struct Glyphs: Hashable, Sendable {
        let topLeft, topRight, bottomLeft, bottomRight, horizontal, vertical: String
    }

    private static let light = Glyphs(topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
                                      horizontal: "─", vertical: "│")
    private static let heavy = Glyphs(topLeft: "┏", topRight: "┓", bottomLeft: "┗", bottomRight: "┛",
                                      horizontal: "━", vertical: "┃")
}
