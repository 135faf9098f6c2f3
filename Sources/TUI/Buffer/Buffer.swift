/// An in-memory screen: `width × height` cells, row-major. Widgets render into it; the terminal
/// backend draws only ``diff(from:)`` against the previous frame.
public struct Buffer: Hashable, Sendable {
    public let width: Int
    public let height: Int
    /// Cells row by row: the cell at (x, y) is `cells[y * width + x]`.
    public private(set) var cells: [Cell]

    /// A buffer of blank cells in `style`.
    public init(width: Int, height: Int, style: Style = .plain) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: Cell(" ", style: style), count: self.width * self.height)
    }

    /// The whole buffer as a rectangle.
    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cell at (x, y). Reading outside gives a blank cell; writing outside is ignored.
    /// Writing here stores the cell as is; prefer ``write(_:x:y:maxWidth:style:ellipsis:)`` for text.
    public subscript(x: Int, y: Int) -> Cell {
        get { area.contains(x: x, y: y) ? cells[y * width + x] : .blank }
        set { if area.contains(x: x, y: y) { cells[y * width + x] = newValue } }
    }

    /// Blanks every cell of `rect` (clipped to the buffer) in `style`.
    public mutating func fill(_ rect: Rect, style: Style) {
        let clipped = rect.intersection(area)
        for y in clipped.y..<clipped.bottom {
            for x in clipped.x..<clipped.right { put(Cell(" ", style: style), x: x, y: y) }
        }
    }

    /// Lays `style` over the cells of `rect`, keeping their text (see ``Style/patched(by:)``).
    public mutating func patchStyle(_ rect: Rect, with style: Style) {
        let clipped = rect.intersection(area)
        for y in clipped.y..<clipped.bottom {
            for x in clipped.x..<clipped.right { cells[y * width + x].style = cells[y * width + x].style.patched(by: style) }
        }
    }

    /// Stores a cell, first turning any wide character it cuts in half into a blank.
    mutating func put(_ cell: Cell, x: Int, y: Int) {
        guard area.contains(x: x, y: y) else { return }
        let index = y * width + x
        if cells[index].isContinuation, x > 0 {
            cells[index - 1].text = " "
        }
        if cells[index].width == 2, x + 1 < width, cells[index + 1].isContinuation {
            cells[index + 1].text = " "
        }
        cells[index] = cell
    }
}
