/// A one-line prompt (`/`, `:`) with editable text, scrolled sideways so the cursor stays visible.
public struct TextInput: Hashable, Sendable {
    public var prompt: String
    public var text: String
    /// Cursor position in characters (grapheme clusters), `0...text.count`.
    public var cursor: Int

    public init(prompt: String, text: String, cursor: Int? = nil) {
        self.prompt = prompt
        self.text = text
        self.cursor = cursor ?? text.count
    }

    /// Draws the prompt and the part of the text around the cursor; returns the cursor's
    /// screen column (absolute x), where the terminal cursor should be placed.
    @discardableResult
    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) -> Int {
        let style = theme.normal.patched(by: theme.input)
        buffer.fill(area, style: style)
        guard !area.isEmpty else { return area.x }
        let promptWidth = buffer.write(prompt, x: area.x, y: area.y, maxWidth: max(0, area.width - 1), style: style)
        let fieldX = area.x + promptWidth
        let fieldWidth = area.right - fieldX
        // Each character as it will be shown (controls escaped) and its width.
        let pieces = text.map { character -> (String, Int) in
            let shown = TerminalSafeBridge.escape(String(character))
            return (shown, shown.displayWidth)
        }
        let cursorIndex = min(max(0, cursor), pieces.count)
        let cursorColumn = pieces.prefix(cursorIndex).reduce(0) { $0 + $1.1 }
        let scroll = max(0, cursorColumn - (fieldWidth - 1))
        var column = 0
        for (shown, width) in pieces {
            defer { column += width }
            guard column + width > scroll else { continue }
            let x = fieldX + column - scroll
            if column < scroll {
                buffer.write(String(repeating: " ", count: column + width - scroll), x: fieldX, y: area.y, style: style)
                continue
            }
            guard x < area.right else { break }
            buffer.write(shown, x: x, y: area.y, maxWidth: area.right - x, style: style)
        }
        return min(fieldX + cursorColumn - scroll, area.right - 1)
    }
}
