/// Vertical bars of band levels in dB, drawn bottom-up with eighth blocks ("▁▂▃▄▅▆▇█").
public struct Spectrum: Sendable {
    /// One level per band, in dB.
    public var levels: [Float]
    /// The level of an empty bar, in dB.
    public var floorDB: Float
    /// The level of a full-height bar, in dB.
    public var ceilingDB: Float

    public init(levels: [Float], floorDB: Float = -80, ceilingDB: Float = 0) {
        self.levels = levels
        self.floorDB = floorDB
        self.ceilingDB = ceilingDB
    }

    /// Eighth blocks from one eighth (index 0) to a full cell (index 7).
    static let eighths: [String] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// The bar height of `level` in eighths of a cell for an area `rows` high (0…rows·8, rounded).
    public func barEighths(_ level: Float, rows: Int) -> Int {
        guard ceilingDB > floorDB, !level.isNaN else { return 0 }
        let fraction = Double(min(max((level - floorDB) / (ceilingDB - floorDB), 0), 1))
        return Int((fraction * Double(rows * 8)).rounded())
    }

    /// Draws one bar per column; bands are spread over the columns (several columns per band
    /// when there is room, the loudest of several bands per column when there is not).
    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        let style = theme.normal.patched(by: theme.spectrum)
        buffer.fill(area, style: style)
        guard !area.isEmpty, !levels.isEmpty else { return }
        for column in 0..<area.width {
            let start = column * levels.count / area.width
            let end = max(start + 1, (column + 1) * levels.count / area.width)
            let level = levels[start..<min(end, levels.count)].max() ?? floorDB
            var remaining = barEighths(level, rows: area.height)
            var y = area.bottom - 1
            while remaining > 0, y >= area.y {
                buffer.write(Spectrum.eighths[min(remaining, 8) - 1], x: area.x + column, y: y, maxWidth: 1, style: style)
                remaining -= 8
                y -= 1
            }
        }
    }
}
