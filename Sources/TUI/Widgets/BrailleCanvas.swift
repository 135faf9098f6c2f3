/// A grid of dots drawn as braille characters (U+2800 block): each cell holds 2×4 dots.
public struct BrailleCanvas: Hashable, Sendable {
    /// Cells across and down.
    public let width: Int
    public let height: Int
    private var bits: [UInt8]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        bits = Array(repeating: 0, count: self.width * self.height)
    }

    public var dotWidth: Int { width * 2 }
    public var dotHeight: Int { height * 4 }

    /// Braille dot bits by (dot column, dot row) inside a cell: dots 1-2-3-7 left, 4-5-6-8 right.
    static let dotBits: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

    /// Lights the dot at (x, y); dots outside are ignored.
    public mutating func set(x: Int, y: Int) {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
        bits[(y / 4) * width + x / 2] |= BrailleCanvas.dotBits[x % 2][y % 4]
    }

    /// Whether the dot at (x, y) is lit.
    public func isSet(x: Int, y: Int) -> Bool {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return false }
        return bits[(y / 4) * width + x / 2] & BrailleCanvas.dotBits[x % 2][y % 4] != 0
    }

    /// The character of one cell; a cell with no dot is a plain space.
    public func character(column: Int, row: Int) -> String {
        let value = bits[row * width + column]
        guard value != 0, let scalar = Unicode.Scalar(0x2800 + UInt32(value)) else { return " " }
        return String(Character(scalar))
    }

    /// Writes the cells with a dot into `area` of `buffer` (cells without dots are left alone).
    public func draw(into buffer: inout Buffer, area: Rect, style: Style) {
        for row in 0..<min(height, area.height) {
            for column in 0..<min(width, area.width) where bits[row * width + column] != 0 {
                buffer.write(character(column: column, row: row), x: area.x + column, y: area.y + row, maxWidth: 1, style: style)
            }
        }
    }

    /// Decodes a braille character back into its dots, `[dotColumn][dotRow]`; nil for other text.
    public static func dots(of text: String) -> [[Bool]]? {
        guard let scalar = text.unicodeScalars.first, text.unicodeScalars.count == 1,
              (0x2800...0x28FF).contains(scalar.value) else { return nil }
        let value = UInt8(scalar.value - 0x2800)
        return dotBits.map { column in column.map { value & $0 != 0 } }
    }
}
