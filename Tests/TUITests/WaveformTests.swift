import Foundation
import Testing
@testable import TUI

@Suite("Waveform draws a peak-normalised braille overview")
struct WaveformTests {
    /// The lit dots of a rendered area, `[dotRow][dotColumn]`.
    static func dotGrid(_ buffer: Buffer, area: Rect) -> [[Bool]] {
        var grid = Array(repeating: Array(repeating: false, count: area.width * 2), count: area.height * 4)
        for row in 0..<area.height {
            for column in 0..<area.width {
                guard let dots = BrailleCanvas.dots(of: buffer[area.x + column, area.y + row].text) else { continue }
                for dx in 0..<2 {
                    for dy in 0..<4 { grid[row * 4 + dy][column * 2 + dx] = dots[dx][dy] }
                }
            }
        }
        return grid
    }

    static func sine(amplitude: Float, count: Int = 48_000, cycles: Double = 440) -> [Float] {
        (0..<count).map { amplitude * Float(sin(2 * Double.pi * cycles * Double($0) / Double(count))) }
    }

    @Test("a sine is drawn symmetric around the centre line and normalised to the full height")
    func sineSymmetricAndFull() {
        let area = Rect(x: 1, y: 1, width: 20, height: 3)
        let waveform = Waveform(columns: Waveform.columns(from: Self.sine(amplitude: 0.5), width: area.width * 2))
        var buffer = Buffer(width: 22, height: 5)
        waveform.render(into: &buffer, area: area, theme: .plainForTests)
        let grid = Self.dotGrid(buffer, area: area)
        #expect(grid == grid.reversed(), "top and bottom halves mirror each other")
        #expect(grid[0].allSatisfy { $0 }, "the top dot row is reached")
        #expect(grid[grid.count - 1].allSatisfy { $0 }, "the bottom dot row is reached")
        #expect(buffer[0, 0] == .blank && buffer[21, 4] == .blank, "nothing is drawn outside the area")
    }

    @Test("a decaying hit is tall at the start, short at the end, and still symmetric")
    func decay() {
        let envelope = (0..<20).map { column -> (min: Float, max: Float) in
            let amplitude = 0.8 * (1 - Float(column) / 20)
            return (-amplitude, amplitude)
        }
        var buffer = Buffer(width: 10, height: 2)
        Waveform(columns: envelope).render(into: &buffer, area: buffer.area, theme: .plainForTests)
        let grid = Self.dotGrid(buffer, area: buffer.area)
        let heights = (0..<20).map { x in grid.indices.filter { grid[$0][x] }.count }
        #expect(heights.first == 8)
        #expect(heights.last == 2)
        #expect(heights == heights.sorted(by: >))
        #expect(grid == grid.reversed())
    }

    @Test("silence is a thin centre line")
    func silence() {
        var buffer = Buffer(width: 4, height: 2)
        Waveform(columns: Waveform.columns(from: [Float](repeating: 0, count: 100), width: 8))
            .render(into: &buffer, area: buffer.area, theme: .plainForTests)
        let grid = Self.dotGrid(buffer, area: buffer.area)
        #expect(grid.map { $0.allSatisfy { $0 } } == [false, false, false, true, true, false, false, false])
    }

    @Test("the playhead column is drawn in the playhead style")
    func playhead() {
        var theme = Theme.plainForTests
        theme.playhead = Style(bg: .ansi(3))
        var buffer = Buffer(width: 10, height: 2)
        Waveform(columns: Waveform.columns(from: Self.sine(amplitude: 1), width: 20), playhead: 0.5)
            .render(into: &buffer, area: buffer.area, theme: theme)
        #expect(buffer[5, 0].style.bg == .ansi(3) && buffer[5, 1].style.bg == .ansi(3))
        #expect(buffer[4, 0].style.bg == .default)
    }

    @Test("min/max columns are taken from equal slices of the samples")
    func columnsFromSamples() {
        let columns = Waveform.columns(from: [0, 1, -1, 0.5, 0.25, -0.5], width: 3)
        #expect(columns.map { $0.min } == [0, -1, -0.5])
        #expect(columns.map { $0.max } == [1, 0.5, 0.25])
        #expect(Waveform.columns(from: [0.5], width: 2).count == 2)
        #expect(Waveform.columns(from: [], width: 4).isEmpty)
    }
}
