import Testing
@testable import TUI

@Suite("Display width is measured from SampleMind's own table")
struct DisplayWidthTests {
    @Test("ASCII takes one column per character")
    func ascii() {
        #expect(DisplayWidth.of("kick_01.wav") == 11)
        #expect(DisplayWidth.of("") == 0)
    }

    @Test("Japanese kana and CJK ideographs take two columns each")
    func eastAsianWide() {
        #expect(DisplayWidth.of("ドラム") == 6)
        #expect(DisplayWidth.of("鼓") == 2)
        #expect(DisplayWidth.of("ＡＢ") == 4)      // fullwidth Latin
        #expect(DisplayWidth.of("ｶ") == 1)        // halfwidth katakana stays narrow
    }

    @Test("a combining accent adds no column: e + U+0301 is one column")
    func combiningMark() {
        let decomposed = "e\u{0301}"
        #expect(decomposed.count == 1)
        #expect(DisplayWidth.of(decomposed) == 1)
        #expect(DisplayWidth.of("Cafe\u{0301} loop") == 9)
        #expect(DisplayWidth.of(Unicode.Scalar(0x0301)!) == 0)
    }

    @Test("emoji with emoji presentation take two columns")
    func emoji() {
        #expect(DisplayWidth.of("🥁") == 2)
        #expect(DisplayWidth.of("❤️") == 2)        // text-default heart made an emoji by U+FE0F
        #expect(DisplayWidth.of("❤") == 1)
        #expect(DisplayWidth.of("🇯🇵") == 2)      // flag: a regional-indicator pair
    }

    @Test("ZWJ sequences and skin tones are one wide cluster and do not crash")
    func zwjSequences() {
        for cluster in ["👨‍👩‍👧", "🧑🏽‍🎤", "👍🏿", "🏳️‍🌈"] {
            #expect(cluster.count == 1)
            #expect(DisplayWidth.of(cluster) == 2)
        }
        var buffer = Buffer(width: 5, height: 1)
        #expect(buffer.write("👨‍👩‍👧x", x: 0, y: 0) == 3)
    }

    @Test("joiners, variation selectors and zero-width spaces take no column")
    func invisibles() {
        for scalar: UInt32 in [0x200B, 0x200D, 0xFE0F, 0xFE0E, 0x2060, 0xFEFF, 0xE0101] {
            #expect(DisplayWidth.of(Unicode.Scalar(scalar)!) == 0, "U+\(String(scalar, radix: 16))")
        }
    }
}
