import Foundation
import Glibc

/// The `[ai]` part of config.toml, already parsed into plain values by the caller:
///
///     [ai]
///     order = ["local", "primary"]          # tried in this order
///     ttl_days = 7
///     send_file_name = true
///     [ai.providers.local]
///     kind = "ollama"                        # ollama | openai | gemini | anthropic
///     base_url = "http://127.0.0.1:11434"
///     model = "llama3.2"
///     timeout = 20
///     max_tokens = 200
///     api_key_env = "OPENAI_API_KEY"         # or api_key_file = "~/.config/samplemind/openai.key" (mode 600)
public enum AIConfiguration {
    public struct ProviderEntry: Sendable {
        public var name: String
        public var kind: String
        public var baseURL: String
        public var model: String
        public var timeout: Double?
        public var maxTokens: Int?
        public var apiKeyEnvironment: String?
        public var apiKeyFile: String?
        public init(name: String, kind: String, baseURL: String, model: String, timeout: Double? = nil, maxTokens: Int? = nil,
                    apiKeyEnvironment: String? = nil, apiKeyFile: String? = nil) {
            self.name = name; self.kind = kind; self.baseURL = baseURL; self.model = model; self.timeout = timeout
            self.maxTokens = maxTokens; self.apiKeyEnvironment = apiKeyEnvironment; self.apiKeyFile = apiKeyFile
        }
    }

    public enum Problem: Error, CustomStringConvertible, Equatable {
        case unknownKind(provider: String, kind: String)
        case badURL(provider: String)
        case keyFileTooOpen(path: String)
        case keyFileUnreadable(path: String)
        /// An API key would travel unencrypted (plain `http://` to a host other than this machine).
        case keyInClear(provider: String)
        public var description: String {
            switch self {
            case .unknownKind(let p, let k): return "AI provider \(p): unknown kind \"\(k)\" (ollama, openai, gemini, anthropic)"
            case .badURL(let p): return "AI provider \(p): base_url is not an http:// or https:// URL"
            case .keyInClear(let p):
                return "AI provider \(p): refusing to send an API key over plain http:// to another machine (use https://)"
            case .keyFileTooOpen(let path):
                return "refusing the API key file \(path): it is readable by group or others (chmod 600 it)"
            case .keyFileUnreadable(let path): return "cannot read the API key file \(path)"
            }
        }
    }

    /// Builds the providers in `order`; keys come from the environment or an owner-only file.
    public static func providers(_ entries: [ProviderEntry], order: [String], environment: [String: String]) throws -> [NoteProvider] {
        let byName = Dictionary(entries.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let names = order.isEmpty ? entries.map(\.name) : order
        return try names.compactMap { byName[$0] }.map { entry in
            guard let kind = NoteProvider.Kind(rawValue: entry.kind) else {
                throw Problem.unknownKind(provider: entry.name, kind: entry.kind)
            }
            guard let url = URL(string: entry.baseURL), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme)
            else { throw Problem.badURL(provider: entry.name) }
            var key: String?
            if let variable = entry.apiKeyEnvironment { key = environment[variable] }
            if key == nil, let file = entry.apiKeyFile { key = try readKeyFile((file as NSString).expandingTildeInPath) }
            if key != nil, scheme == "http", !isLoopback(url.host ?? "") { throw Problem.keyInClear(provider: entry.name) }
            return NoteProvider(name: entry.name, kind: kind, baseURL: url, model: entry.model,
                                timeout: entry.timeout ?? 20, maxTokens: entry.maxTokens ?? 200, apiKey: key)
        }
    }

    /// Whether `host` names this machine (a local model server may use plain http).
    static func isLoopback(_ host: String) -> Bool {
        let host = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        return host == "localhost" || host.hasSuffix(".localhost") || host.hasPrefix("127.") || host == "::1"
    }

    /// Reads a key file, refusing one that group or others can read.
    public static func readKeyFile(_ path: String) throws -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { throw Problem.keyFileUnreadable(path: path) }
        guard info.st_mode & 0o077 == 0 else { throw Problem.keyFileTooOpen(path: path) }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw Problem.keyFileUnreadable(path: path) }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
