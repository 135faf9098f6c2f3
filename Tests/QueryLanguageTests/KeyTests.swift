import Testing
import QueryLanguage

@Suite("Key names, flats, Camelot and Open Key map to stored key values")
struct KeyTests {
    private func key(_ text: String) throws -> Query.KeyFilter? {
        guard case .key(let key)? = try Query.parse("key:" + text).terms.first?.predicate else { return nil }
        return key
    }

    @Test("letter names with mode suffixes")
    func letterNames() throws {
        #expect(try key("Am") == .tonic(9, mode: .minor))
        #expect(try key("A") == .tonic(9, mode: nil))
        #expect(try key("F#m") == .tonic(6, mode: .minor))
        #expect(try key("cmaj") == .tonic(0, mode: .major))
        #expect(try key("Gminor") == .tonic(7, mode: .minor))
    }

    @Test("flats map to the enharmonic sharp")
    func flats() throws {
        #expect(try key("Bbm") == .tonic(10, mode: .minor))
        #expect(try key("Bbmaj") == .tonic(10, mode: .major))
        #expect(try key("Eb") == .tonic(3, mode: nil))
        #expect(try key("Cb") == .tonic(11, mode: nil))
        #expect(try key("E#") == .tonic(5, mode: nil))
        #expect(try key("D♭m") == .tonic(1, mode: .minor))
    }

    @Test("Camelot codes stay Camelot, upper-cased")
    func camelot() throws {
        #expect(try key("8A") == .camelot(8, mode: .minor))
        #expect(try key("12b") == .camelot(12, mode: .major))
        #expect(try QueryCompiler.compile("key:8a").arguments == [.text("8A")])
    }

    @Test("Open Key: 1d is C major, 1m is A minor, +1 per fifth up")
    func openKey() throws {
        #expect(try key("1d") == .tonic(0, mode: .major))
        #expect(try key("1m") == .tonic(9, mode: .minor))
        #expect(try key("2d") == .tonic(7, mode: .major))
        #expect(try key("2m") == .tonic(4, mode: .minor))
        #expect(try key("12d") == .tonic(5, mode: .major))
    }
}
