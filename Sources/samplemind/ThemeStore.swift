import Foundation
import TUI

/// Finds theme files: `$XDG_CONFIG_HOME/samplemind/themes/NAME.toml` first, then the `Themes/`
/// folder of the source tree the binary was built in (walking up from the executable), then
/// the built-in default. `NO_COLOR` or a colourless terminal gets every theme without colours.
struct ThemeStore {
    let folders: [String]

    init(environment: [String: String]) {
        var folders: [String] = []
        let config = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.config")
        folders.append(config + "/samplemind/themes")
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = directory.appendingPathComponent("Themes").path
            if FileManager.default.fileExists(atPath: candidate + "/default.toml") { folders.append(candidate); break }
            directory.deleteLastPathComponent()
        }
        self.folders = folders
    }

    var available: [String] {
        let names = folders.flatMap { (try? FileManager.default.contentsOfDirectory(atPath: $0)) ?? [] }
            .filter { $0.hasSuffix(".toml") }.map { String($0.dropLast(5)) }
        return Array(Set(names + ["default"])).sorted()
    }

    func exists(_ name: String) -> Bool { available.contains(name) }

    /// The named theme resolved for the terminal's colours (the built-in default when missing or broken).
    func theme(named name: String, mode: ColorMode) -> Theme {
        for folder in folders {
            let path = folder + "/" + name + ".toml"
            if let text = try? String(contentsOfFile: path, encoding: .utf8), let theme = try? Theme.load(toml: text) {
                return theme.resolved(for: mode)
            }
        }
        return Theme.builtinDefault.resolved(for: mode)
    }
}
