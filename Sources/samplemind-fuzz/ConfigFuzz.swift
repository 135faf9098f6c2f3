import App
import TOMLKit
import TUI

/// The config and theme parsers (TOML): malformed text is an error, never a crash; a parsed
/// `[keys]` table is applied to the keymap, whose problems are reported as text.
enum ConfigFuzz {
    static func run(_ input: [UInt8]) {
        let text = String(decoding: input, as: UTF8.self)
        _ = try? Theme.parse(toml: text)
        guard let table = try? CheckedTOML.table(text) else { return }
        var overrides: [String: String] = [:]
        for (key, value) in table["keys"]?.table ?? TOMLTable() { overrides[key] = value.string ?? "" }
        var keymap = Keymap.defaults
        _ = keymap.apply(overrides: overrides)
        _ = keymap.helpLines
    }
}
