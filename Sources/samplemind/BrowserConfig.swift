import App
import Foundation
import TOMLKit

/// `$XDG_CONFIG_HOME/samplemind/config.toml` (see docs/config.example.toml): theme, audio device, keys.
struct BrowserConfig {
    var theme = "default"
    var device: String?
    var keys: [String: String] = [:]
    var problems: [String] = []

    static func load(environment: [String: String]) -> BrowserConfig {
        var config = BrowserConfig()
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.config")
        let path = base + "/samplemind/config.toml"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return config }
        do {
            let table = try TOMLTable(string: text)
            if let theme = table["theme"]?.string { config.theme = theme }
            if let device = table["device"]?.string { config.device = device }
            if let keys = table["keys"]?.table {
                for (key, value) in keys {
                    if let action = value.string { config.keys[key] = action } else { config.problems.append("keys.\(key) must be a string") }
                }
            }
        } catch {
            config.problems.append("\(path): \(error)")
        }
        return config
    }
}
