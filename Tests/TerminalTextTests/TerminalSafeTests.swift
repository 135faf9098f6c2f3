import Testing
import TerminalText

@Suite("Untrusted text is made harmless before it reaches a terminal")
struct TerminalSafeTests {
    @Test("escape sequences, BEL and newlines become visible escapes")
    func controlCharacters() {
        let hostile = "kick\u{1B}]0;pwned\u{07}\n\u{1B}[2J.wav"
        let safe = TerminalSafe.escape(hostile)
        #expect(safe == "kick\\x1b]0;pwned\\x07\\x0a\\x1b[2J.wav")
        #expect(!safe.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
    }

    @Test("C1 controls and right-to-left overrides are escaped")
    func c1AndBidi() {
        #expect(TerminalSafe.escape("a\u{9B}31mb") == "a\\x9b31mb")
        #expect(TerminalSafe.escape("evil\u{202E}vaw.exe") == "evil\\u{202e}vaw.exe")
    }

    @Test("every script's printable text is kept as is")
    func printableKept() {
        for name in ["ドラム_01.wav", "Überkick.flac", "бас.ogg", "طبل.wav", "🥁 loop.wav", "plain name.aiff"] {
            #expect(TerminalSafe.escape(name) == name)
        }
    }

    @Test("invalid UTF-8 bytes in a raw path become \\xNN, valid parts stay readable")
    func invalidUTF8() {
        let bytes: [UInt8] = Array("snare_".utf8) + [0xFF, 0xC3] + Array("é.wav".utf8)
        #expect(TerminalSafe.escape(bytes: bytes) == "snare_\\xff\\xc3é.wav")
    }
}
