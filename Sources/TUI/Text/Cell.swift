/// One terminal cell: a grapheme cluster and its style.
///
/// A wide character (CJK, emoji) lives in its left cell; the right cell holds `""` and is
/// never drawn on its own.
public struct Cell: Hashable, Sendable {
    /// One grapheme cluster, `" "` when blank, `""` for the right half of a wide character.
    public var text: String
    public var style: Style

    public init(_ text: String = " ", style: Style = .plain) {
        self.text = text
        self.style = style
    }

    /// An empty cell in the plain style.
    public static let blank = Cell()

    /// True for the right half of a wide character.
    public var isContinuation: Bool { text.isEmpty }

    /// Columns this cell's text covers when drawn: 0, 1 or 2.
    public var width: Int { DisplayWidth.of(text) }
}
