/// How many terminal columns text occupies, from SampleMind's own table (not `wcwidth`, so
/// the answer does not depend on the locale or the C library).
///
/// 0 for combining marks, joiners, variation selectors and other invisible format characters;
/// 2 for East Asian Wide/Fullwidth characters and emoji shown as pictures; 1 otherwise.
/// Control characters count 0: they never reach a cell (``Buffer/write(_:x:y:maxWidth:style:ellipsis:)``
/// escapes them first).
public enum DisplayWidth {
    /// Columns of a whole string (sum over its grapheme clusters).
    public static func of(_ text: String) -> Int {
        text.reduce(0) { $0 + of($1) }
    }

    /// Columns of one grapheme cluster: its base scalar decides, except that an emoji
    /// presentation selector (U+FE0F), a ZWJ emoji sequence or a flag pair makes it 2.
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let base = scalars.first else { return 0 }
        let width = of(base)
        guard scalars.count > 1 else { return width }
        if base.properties.isEmoji, scalars.contains(where: { $0.value == 0xFE0F || $0.value == 0x200D }) { return 2 }
        if isRegionalIndicator(base) { return 2 }
        if width == 0 { return scalars.map { of($0) }.max() ?? 0 }
        return width
    }

    /// Columns of one scalar on its own.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        if (0x20...0x7E).contains(scalar.value) { return 1 }
        if isZeroWidth(scalar) { return 0 }
        if isWide(scalar) { return 2 }
        return 1
    }

    static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        switch value {
        case 0x00...0x1F, 0x7F...0x9F: return true            // controls (escaped before display)
        case 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x206F: return true  // zero-width space, joiners, marks
        case 0xFE00...0xFE0F, 0xE0100...0xE01EF: return true  // variation selectors
        case 0xFEFF, 0xE0000...0xE007F: return true           // BOM, tags
        case 0x1160...0x11FF, 0xD7B0...0xD7FF: return true    // Hangul medial vowels and final consonants
        case 0x1F3FB...0x1F3FF: return false                  // skin tones stand alone as a swatch
        default: break
        }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark: return true
        default: return false
        }
    }

    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x1100 { return false }
        if wideRanges.contains(where: { $0.contains(value) }) { return true }
        return scalar.properties.isEmojiPresentation
    }

    static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool {
        (0x1F1E6...0x1F1FF).contains(scalar.value)
    }

    /// East Asian Wide (W) and Fullwidth (F) blocks, Unicode 15; emoji come from `isEmojiPresentation`.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F,    // Hangul Jamo initial consonants
        0x2329...0x232A,    // angle brackets
        0x2E80...0x303E,    // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation
        0x3041...0x33FF,    // Hiragana, Katakana, Bopomofo, Hangul compatibility Jamo, Kanbun, CJK compatibility
        0x3400...0x4DBF,    // CJK extension A
        0x4E00...0x9FFF,    // CJK unified ideographs
        0xA000...0xA4CF,    // Yi
        0xA960...0xA97F,    // Hangul Jamo extended A
        0xAC00...0xD7A3,    // Hangul syllables
        0xF900...0xFAFF,    // CJK compatibility ideographs
        0xFE10...0xFE19,    // vertical forms
        0xFE30...0xFE6F,    // CJK compatibility forms, small form variants
        0xFF00...0xFF60,    // fullwidth forms
        0xFFE0...0xFFE6,    // fullwidth signs
        0x16FE0...0x16FE4,  // ideographic symbols
        0x17000...0x18CFF,  // Tangut
        0x1B000...0x1B2FF,  // Kana supplement, Nushu
        0x1F200...0x1F2FF,  // enclosed ideographic supplement
        0x20000...0x2FFFD,  // CJK extensions B–F
        0x30000...0x3FFFD,  // CJK extension G
    ]
}

extension String {
    /// This string's display width in terminal columns.
    var displayWidth: Int { DisplayWidth.of(self) }
}
