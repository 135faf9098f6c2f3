/// A run of consecutive cells on one row that differ from the previous frame.
public struct BufferChange: Hashable, Sendable {
    /// Column of the first cell.
    public var x: Int
    public var y: Int
    /// The new cells, left to right (a wide character's `""` right half included).
    public var cells: [Cell]

    public init(x: Int, y: Int, cells: [Cell]) {
        self.x = x
        self.y = y
        self.cells = cells
    }
}

extension Buffer {
    /// What must be drawn to turn `previous` into this buffer: runs of changed cells, row by row.
    ///
    /// Identical buffers give no change; buffers of different sizes give every row whole.
    /// A run never starts on the right half of a wide character nor ends between its halves.
    public func diff(from previous: Buffer) -> [BufferChange] {
        guard previous.width == width, previous.height == height else {
            return (0..<height).map { row in
                BufferChange(x: 0, y: row, cells: Array(cells[row * width..<(row + 1) * width]))
            }
        }
        var changes: [BufferChange] = []
        for row in 0..<height {
            let base = row * width
            var column = 0
            while column < width {
                guard cells[base + column] != previous.cells[base + column] else {
                    column += 1
                    continue
                }
                var start = column
                if start > 0, cells[base + start].isContinuation { start -= 1 }
                var end = column + 1
                while end < width, cells[base + end] != previous.cells[base + end] { end += 1 }
                if end < width, cells[base + end].isContinuation { end += 1 }
                if let last = changes.last, last.y == row, last.x + last.cells.count > start {
                    changes.removeLast()
                    start = last.x
                }
                changes.append(BufferChange(x: start, y: row, cells: Array(cells[base + start..<base + end])))
                column = end
            }
        }
        return changes
    }
}
