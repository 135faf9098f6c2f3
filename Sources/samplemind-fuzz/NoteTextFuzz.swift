import AI

/// The AI-answer sanitiser: whatever a model sends, what is kept has no control characters
/// other than newlines, no bidi overrides, a bounded length, and is stable when cleaned again.
enum NoteTextFuzz {
    static func run(_ input: [UInt8]) {
        guard let cleaned = NoteText.sanitize(String(decoding: input, as: UTF8.self)) else { return }
        for scalar in cleaned.unicodeScalars where scalar != "\n" {
            let value = scalar.value
            precondition(!(value < 0x20 || (0x7F...0x9F).contains(value)), "control character U+\(String(value, radix: 16)) kept")
            precondition(!(0x202A...0x202E).contains(value) && !(0x2066...0x2069).contains(value), "bidi override kept")
        }
        precondition(cleaned.count <= NoteText.maxCharacters, "note longer than the limit")
        precondition(NoteText.sanitize(cleaned) == cleaned, "sanitising is not idempotent")
    }
}
