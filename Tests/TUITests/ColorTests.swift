import Testing
@testable import TUI

@Suite("Colours parse from theme text and downgrade to the terminal")
struct ColorTests {
    @Test("hex, names, bright names, default and palette indexes parse")
    func parsing() {
        #expect(Color(parsing: "#ff0000") == .rgb(255, 0, 0))
        #expect(Color(parsing: "#5FAFFF") == .rgb(0x5F, 0xAF, 0xFF))
        #expect(Color(parsing: "red") == .ansi(1))
        #expect(Color(parsing: "bright-blue") == .ansi(12))
        #expect(Color(parsing: "bright_blue") == .ansi(12))
        #expect(Color(parsing: "grey") == .ansi(8))
        #expect(Color(parsing: "default") == .default)
        #expect(Color(parsing: "123") == .indexed(123))
    }

    @Test("malformed colours are rejected")
    func rejects() {
        for text in ["#ff00", "#gg0000", "purpleish", "256", "-1", ""] {
            #expect(Color(parsing: text) == nil, "\(text)")
        }
    }

    @Test("description round-trips through parsing")
    func roundTrip() {
        for color in [Color.default, .ansi(9), .indexed(196), .rgb(1, 2, 255)] {
            #expect(Color(parsing: color.description) == color)
        }
    }

    @Test("pure red is 196 in the 256-colour palette and bright red among 16")
    func red() {
        let red = Color.rgb(255, 0, 0)
        #expect(red.downgraded(to: .ansi256) == .indexed(196))
        #expect(red.downgraded(to: .ansi16) == .ansi(9))
        #expect(red.downgraded(to: .truecolor) == red)
        #expect(red.downgraded(to: .none) == .default)
    }

    @Test("known palette neighbours: greys go to the grey ramp, cube colours to 16")
    func knownCases() {
        #expect(Color.rgb(128, 128, 128).downgraded(to: .ansi256) == .indexed(244))
        #expect(Color.rgb(0x5F, 0xAF, 0xFF).downgraded(to: .ansi256) == .indexed(75))
        #expect(Color.rgb(0, 0, 0).downgraded(to: .ansi16) == .ansi(0))
        #expect(Color.rgb(255, 255, 255).downgraded(to: .ansi16) == .ansi(15))
        #expect(Color.indexed(196).downgraded(to: .ansi16) == .ansi(9))
        #expect(Color.indexed(4).downgraded(to: .ansi16) == .ansi(4))
        #expect(Color.ansi(3).downgraded(to: .ansi256) == .ansi(3))
    }

    @Test("the default colour stays default in every mode")
    func defaultStays() {
        for mode in ColorMode.allCases { #expect(Color.default.downgraded(to: mode) == .default) }
    }
}
