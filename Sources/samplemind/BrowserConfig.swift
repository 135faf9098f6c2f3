import AI
import App
import Foundation
import TOMLKit
import TUI

/// `$XDG_CONFIG_HOME/samplemind/config.toml` (or `$SAMPLEMIND_CONFIG`; see docs/config.example.toml):
/// theme, audio device, keys, AI providers.
struct BrowserConfig {
    var theme = "default"
    var device: String?
    var keys: [String: String] = [:]
    var problems: [String] = []
    var aiProviders: [AIConfiguration.ProviderEntry] = []
    var aiOrder: [String] = []
    var aiTTLDays = 7.0
    var aiSendFileName = true

    static func load(environment: [String: String]) -> BrowserConfig {
        var config = BrowserConfig()
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.config")
        let path = environment["SAMPLEMIND_CONFIG"] ?? (base + "/samplemind/config.toml")
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return config }
        do {
            let table = try CheckedTOML.table(text)
            if let theme = table["theme"]?.string { config.theme = theme }
            if let device = table["device"]?.string { config.device = device }
            if let ai = table["ai"]?.table {
                config.aiOrder = ai["order"]?.array?.compactMap { $0.string } ?? []
                if let days = ai["ttl_days"]?.double ?? ai["ttl_days"]?.int.map(Double.init) { config.aiTTLDays = days }
                if let send = ai["send_file_name"]?.bool { config.aiSendFileName = send }
                for (name, value) in ai["providers"]?.table ?? TOMLTable() {
                    guard let p = value.table, let kind = p["kind"]?.string, let url = p["base_url"]?.string,
                          let model = p["model"]?.string else {
                        config.problems.append("ai.providers.\(name) needs kind, base_url and model")
                        continue
                    }
                    config.aiProviders.append(.init(
                        name: name, kind: kind, baseURL: url, model: model,
                        timeout: p["timeout"]?.double ?? p["timeout"]?.int.map(Double.init), maxTokens: p["max_tokens"]?.int,
                        apiKeyEnvironment: p["api_key_env"]?.string, apiKeyFile: p["api_key_file"]?.string))
                }
            }
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

    /// The AI note service for a library (offline notes only when no provider is configured).
    func noteService(library: SampleLibrary, environment: [String: String]) throws -> NoteService {
        let providers = try AIConfiguration.providers(aiProviders, order: aiOrder, environment: environment)
        return NoteService(library: library, chain: ProviderChain(providers: providers), ttl: aiTTLDays * 86400,
                           sendFileName: aiSendFileName)
    }
}

import Library
