extension Buffer {
    /// The text of every row joined with "\n"; trailing spaces are kept so columns line up.
    /// A wide character appears once (it covers its two columns on screen).
    public func plainText() -> String {
        (0..<height).map(rowText).joined(separator: "\n")
    }

    /// Text plus a style map, for snapshot tests of colours and attributes.
    ///
    /// Each row of text is followed by a mask row with one character per column: `.` for the
    /// plain style, otherwise a key (`A`, `B`, … in order of first appearance, then `a`…`z`,
    /// `0`…`9`). A legend after the rows gives each key's style, e.g. `A: fg=black bg=#5fafff bold`.
    ///
    ///     ab  ドラ
    ///     AA..BBBB
    ///     A: bold
    ///     B: fg=red
    public func styledText() -> String {
        var keys: [Style: Character] = [:]
        var legend: [String] = []
        var lines: [String] = []
        for row in 0..<height {
            lines.append(rowText(row))
            var mask = ""
            for column in 0..<width {
                let style = self[column, row].style
                guard !style.isPlain else {
                    mask.append(".")
                    continue
                }
                if let key = keys[style] {
                    mask.append(key)
                    continue
                }
                let key = Buffer.styleKey(keys.count)
                keys[style] = key
                legend.append("\(key): \(style)")
                mask.append(key)
            }
            lines.append(mask)
        }
        return (lines + legend).joined(separator: "\n")
    }

    private func rowText(_ row: Int) -> String {
        cells[row * width..<(row + 1) * width].map(\.text).joined()
    }

    private static let keyAlphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")

    private static func styleKey(_ index: Int) -> Character {
        index < keyAlphabet.count ? keyAlphabet[index] : "?"
    }
}
