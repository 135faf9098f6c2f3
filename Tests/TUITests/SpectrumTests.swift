import Testing
@testable import TUI

@Suite("Spectrum bars grow in eighths of a cell from the floor level")
struct SpectrumTests {
    @Test("known levels give known bar heights over −80…0 dB")
    func knownLevels() {
        let spectrum = Spectrum(levels: [-80, -60, -40, 0, -70, -10, 6, -120])
        #expect([Float]([-80, -60, -40, 0, -70, -10, 6, -120]).map { spectrum.barEighths($0, rows: 2) } == [0, 4, 8, 16, 2, 14, 16, 0])
        var buffer = Buffer(width: 8, height: 2)
        spectrum.render(into: &buffer, area: buffer.area, theme: .plainForTests)
        #expect(buffer.lines == [
            "   █ ▆█ ",
            " ▄██▂██ ",
        ])
    }

    @Test("a level that is not a number draws nothing")
    func notANumber() {
        #expect(Spectrum(levels: []).barEighths(.nan, rows: 4) == 0)
        #expect(Spectrum(levels: []).barEighths(-.infinity, rows: 4) == 0)
    }

    @Test("with more columns than bands each band spans several columns")
    func stretched() {
        var buffer = Buffer(width: 4, height: 1)
        Spectrum(levels: [0, -80]).render(into: &buffer, area: buffer.area, theme: .plainForTests)
        #expect(buffer.plainText() == "██  ")
    }

    @Test("with fewer columns than bands each column shows its loudest band")
    func squeezed() {
        var buffer = Buffer(width: 2, height: 1)
        Spectrum(levels: [-80, 0, -80, -40]).render(into: &buffer, area: buffer.area, theme: .plainForTests)
        #expect(buffer.plainText() == "█▄")
    }
}
