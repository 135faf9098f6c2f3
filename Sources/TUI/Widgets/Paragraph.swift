/// Word-wrapped text (wrapped by display width), optionally scrolled.
public struct Paragraph: Hashable, Sendable {
    /// The text; "\n" starts a new line, tabs become four spaces, other controls are escaped.
    public var text: String
    /// Wrapped lines skipped at the top.
    public var scroll: Int
    /// Text style; `nil` uses the theme's `normal`.
    public var style: Style?

    public init(_ text: String, scroll: Int = 0, style: Style? = nil) {
        self.text = text
        self.scroll = scroll
        self.style = style
    }

    /// The lines `text` wraps into at `width` columns: words are kept whole unless a single
    /// word is wider than a line, which is then broken; runs of spaces between words collapse.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let safe = TerminalSafeBridge.escape(String(paragraph).replacingTabs())
            var line = "", lineWidth = 0
            for word in safe.split(separator: " ") {
                var word = String(word)
                var wordWidth = word.displayWidth
                if lineWidth > 0, lineWidth + 1 + wordWidth <= width {
                    line += " " + word
                    lineWidth += 1 + wordWidth
                    continue
                }
                if lineWidth > 0 { lines.append(line) }
                while wordWidth > width {
                    let (head, rest) = split(word, at: width)
                    lines.append(head)
                    word = rest
                    wordWidth = word.displayWidth
                }
                (line, lineWidth) = (word, wordWidth)
            }
            lines.append(line)
        }
        return lines
    }

    /// The longest prefix of `word` that fits in `width` columns (at least one character), and the rest.
    private static func split(_ word: String, at width: Int) -> (String, String) {
        var head = "", used = 0
        var index = word.startIndex
        while index < word.endIndex {
            let cost = DisplayWidth.of(word[index])
            if used + cost > width, !head.isEmpty { break }
            head.append(word[index])
            used += cost
            index = word.index(after: index)
        }
        return (head, String(word[index...]))
    }

    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        let base = style ?? theme.normal
        buffer.fill(area, style: base)
        let lines = Paragraph.wrap(text, width: area.width)
        for (row, line) in lines.dropFirst(max(0, scroll)).prefix(area.height).enumerated() {
            buffer.write(line, x: area.x, y: area.y + row, maxWidth: area.width, style: base)
        }
    }
}

extension String {
    func replacingTabs() -> String {
        contains("\t") ? map { $0 == "\t" ? "    " : String($0) }.joined() : self
    }
}
