import TerminalText

/// The one place the TUI reaches `TerminalSafe`, so widgets measure text exactly as
/// ``Buffer/write(_:x:y:maxWidth:style:ellipsis:)`` will show it.
enum TerminalSafeBridge {
    static func escape(_ text: String) -> String { TerminalSafe.escape(text) }
}
