/// A min/max waveform overview drawn in braille (2×4 dots per cell), symmetric around the
/// centre line and normalised to its peak, with an optional playhead column.
public struct Waveform: Sendable {
    /// One (min, max) pair per dot column (two per cell); resampled to fit the area.
    public var columns: [(min: Float, max: Float)]
    /// Playback position, 0…1; its cell column is drawn in the `playhead` style.
    public var playhead: Double?

    public init(columns: [(min: Float, max: Float)], playhead: Double? = nil) {
        self.columns = columns
        self.playhead = playhead
    }

    /// Min/max of `samples` in `width` equal slices (a slice with no sample takes the nearest one).
    public static func columns(from samples: [Float], width: Int) -> [(min: Float, max: Float)] {
        guard !samples.isEmpty, width > 0 else { return [] }
        return (0..<width).map { column in
            let start = column * samples.count / width
            let end = max(start + 1, (column + 1) * samples.count / width)
            let slice = samples[start..<min(end, samples.count)]
            return (slice.min() ?? 0, slice.max() ?? 0)
        }
    }

    public func render(into buffer: inout Buffer, area: Rect, theme: Theme) {
        let style = theme.normal.patched(by: theme.waveform)
        buffer.fill(area, style: style)
        guard !area.isEmpty, !columns.isEmpty else { return }
        var canvas = BrailleCanvas(width: area.width, height: area.height)
        let resampled = Waveform.resample(columns, to: canvas.dotWidth)
        let peak = resampled.reduce(Float(0)) { max($0, abs($1.min), abs($1.max)) }
        let scale = peak > 0 && peak.isFinite ? 1 / peak : 0
        for (x, column) in resampled.enumerated() {
            let (top, bottom) = Waveform.rows(min: column.min * scale, max: column.max * scale, dotHeight: canvas.dotHeight)
            for y in top...bottom { canvas.set(x: x, y: y) }
        }
        canvas.draw(into: &buffer, area: area, style: style)
        if let playhead, playhead.isFinite {
            let column = min(area.width - 1, max(0, Int(playhead * Double(area.width))))
            buffer.patchStyle(Rect(x: area.x + column, y: area.y, width: 1, height: area.height), with: theme.playhead)
        }
    }

    /// The dot rows lit for a normalised range: row 0 is +1, row `dotHeight` is −1.
    /// A range that contains 0 always covers the two rows around the centre line.
    static func rows(min low: Float, max high: Float, dotHeight: Int) -> (Int, Int) {
        let half = Double(dotHeight) / 2
        let clampedHigh = Double(Swift.min(1, Swift.max(-1, high.isFinite ? high : 0)))
        let clampedLow = Double(Swift.min(1, Swift.max(-1, low.isFinite ? low : 0)))
        let epsilon = 1e-6
        var top = Int(((1 - clampedHigh) * half + epsilon).rounded(.down))
        var bottom = Int(((1 - clampedLow) * half - epsilon).rounded(.up)) - 1
        if clampedLow <= 0, clampedHigh >= 0 {
            top = Swift.min(top, dotHeight / 2 - 1)
            bottom = Swift.max(bottom, dotHeight / 2)
        }
        top = Swift.min(Swift.max(0, top), dotHeight - 1)
        bottom = Swift.min(Swift.max(top, bottom), dotHeight - 1)
        return (top, bottom)
    }

    /// Stretches or squeezes columns to `width`, keeping each output column's extremes.
    static func resample(_ columns: [(min: Float, max: Float)], to width: Int) -> [(min: Float, max: Float)] {
        guard columns.count != width, width > 0 else { return columns }
        return (0..<width).map { x in
            let start = x * columns.count / width
            let end = max(start + 1, (x + 1) * columns.count / width)
            let slice = columns[start..<min(end, columns.count)]
            return (slice.map { $0.min }.min() ?? 0, slice.map { $0.max }.max() ?? 0)
        }
    }
}
