import TerminalText

/// Checks a model's answer before it is stored or drawn: trimmed, control characters and bidi
/// overrides removed (newlines kept), length bounded.
public enum NoteText {
    public static let maxCharacters = 1200

    /// The cleaned note, or nil when nothing usable is left.
    public static func sanitize(_ raw: String) -> String? {
        var out = ""
        for scalar in raw.unicodeScalars {
            if scalar == "\n" { out.unicodeScalars.append(scalar); continue }
            if scalar == "\t" { out += " "; continue }
            if TerminalSafe.escape(String(scalar)) != String(scalar) { continue }   // drop, do not show
            out.unicodeScalars.append(scalar)
        }
        var text = out.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: "\n")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        while text.contains("\n\n\n") { text = text.replacingOccurrences(of: "\n\n\n", with: "\n\n") }
        if text.count > maxCharacters { text = String(text.prefix(maxCharacters - 1)) + "…" }
        return text.isEmpty ? nil : text
    }
}

import Foundation
