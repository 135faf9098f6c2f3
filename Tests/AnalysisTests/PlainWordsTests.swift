import Analysis
import Testing

@Suite("Plain words for a sample's character")
struct PlainWordsTests {
    @Test("brightness changes word at 800 Hz, 3 kHz and 6 kHz of spectral centroid",
          arguments: [(615.0, "dark"), (799, "dark"), (800, "warm"), (2999, "warm"), (3000, "bright"), (6000, "airy")])
    func brightness(centroidHz: Double, word: String) {
        #expect(PlainWords.brightness(centroidHz: centroidHz) == word)
    }

    @Test("length changes word at 0.3 s and 2 s", arguments: [(0.29, "Short"), (0.3, "Medium"), (1.99, "Medium"), (2.0, "Long")])
    func length(seconds: Double, word: String) {
        #expect(PlainWords.length(seconds: seconds) == word)
    }
}
