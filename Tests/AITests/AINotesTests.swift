import AI
import Engine
import Foundation
import Library
import Synthesis
import Testing
import TestSupport

@Suite("AI notes against fake servers of every protocol")
struct AINotesTests {
    /// A library with one analysed kick, and its sample id.
    func makeLibrary() throws -> (TemporaryDirectory, SampleLibrary, Int64) {
        let dir = TemporaryDirectory(prefix: "samplemind-ai")
        try FileManager.default.createDirectory(atPath: dir.file("lib/secret folder"), withIntermediateDirectories: true)
        try Fixtures.write(Drums.kick(), in: dir, name: "lib/secret folder/kick 808.wav", encoding: .wavPCM16)
        let library = try SampleLibrary(path: dir.file("db.sqlite"))
        _ = try Scanner().scan([RawPath(dir.file("lib"))], into: library)
        _ = try AnalysisEngine(library: library, jobs: 1).run()
        return (dir, library, try library.search("").first!.id)
    }

    func provider(_ kind: NoteProvider.Kind, _ model: String, _ server: FakeLLMServer, key: String? = nil,
                  timeout: Double = 1.5) -> NoteProvider {
        NoteProvider(name: "\(kind.rawValue)-\(model)", kind: kind, baseURL: server.baseURL, model: model, timeout: timeout, apiKey: key)
    }

    @Test("each protocol's answer is read", arguments: NoteProvider.Kind.allCases)
    func protocols(kind: NoteProvider.Kind) throws {
        let server = try FakeLLMServer()
        let (_, library, id) = try makeLibrary()
        let service = NoteService(library: library, chain: ProviderChain(providers: [provider(kind, "ok", server, key: "k-1")]))
        let note = try service.note(for: id)
        #expect(note.text == "A short, punchy kick; pairs with a tight snare.")
        #expect(note.source == "\(kind.rawValue)-ok" && !note.cached)
    }

    @Test("the chain falls through 401, 500, a closed connection and garbage to the next provider, in order")
    func fallThrough() throws {
        let server = try FakeLLMServer()
        let (_, library, id) = try makeLibrary()
        let chain = ProviderChain(providers: ["401", "500", "close", "garbage", "ok"].map { provider(.openai, $0, server) })
        let note = try NoteService(library: library, chain: chain).note(for: id)
        #expect(note.source == "openai-ok")
        #expect(server.requests.count == 5)
    }

    @Test("a slow provider times out and the next answers; a 429 is skipped while it cools down")
    func timeoutAndBackoff() throws {
        let server = try FakeLLMServer()
        let (_, library, id) = try makeLibrary()
        let slow = provider(.ollama, "slow", server, timeout: 0.5)
        let started = Date()
        let note = try NoteService(library: library, chain: ProviderChain(providers: [slow, provider(.ollama, "ok", server)]))
            .note(for: id)
        #expect(note.source == "ollama-ok")
        #expect(Date().timeIntervalSince(started) < 2.5, "the 3 s answer was not waited for")
        let limited = ProviderChain(providers: [provider(.anthropic, "429", server), provider(.anthropic, "ok", server)])
        let prompt = NotePrompt(analysis: try library.analysis(contentHash: library.sample(id: id)!.contentHash!)!,
                                tags: [], userNote: nil, fileName: nil)
        _ = try limited.note(for: prompt)
        let second = try limited.note(for: prompt)
        #expect(second.failedAttempts.first?.error.contains("cooling down") == true, "Retry-After: 30 is honoured")
    }

    @Test("the cache answers the second time, --refresh asks again, an expired note is renewed")
    func cache() throws {
        let server = try FakeLLMServer()
        let (_, library, id) = try makeLibrary()
        let service = NoteService(library: library, chain: ProviderChain(providers: [provider(.gemini, "ok", server)]))
        _ = try service.note(for: id)
        #expect(try service.note(for: id).cached)
        #expect(server.requests.count == 1)
        #expect(try !service.note(for: id, refresh: true).cached)
        #expect(server.requests.count == 2)
        let expiring = NoteService(library: library, chain: ProviderChain(providers: [provider(.gemini, "ok", server)]), ttl: -1)
        _ = try expiring.note(for: id, refresh: true)
        #expect(try !expiring.note(for: id).cached, "an expired entry is asked for again")
    }

    @Test("a note the user edited is never overwritten")
    func userEditSurvives() throws {
        let server = try FakeLLMServer()
        let (_, library, id) = try makeLibrary()
        let hash = try library.sample(id: id)!.contentHash!
        try library.storeEditedNote(contentHash: hash, text: "my own words")
        let service = NoteService(library: library, chain: ProviderChain(providers: [provider(.ollama, "ok", server)]))
        let note = try service.note(for: id, refresh: true)
        #expect(note.text == "my own words" && note.source == "user")
    }

    @Test("escape sequences in an answer are removed; empty, huge and failing answers give offline notes, nothing stored")
    func hostileAnswers() throws {
        let server = try FakeLLMServer()
        let (_, library, id) = try makeLibrary()
        let escaped = try NoteService(library: library, chain: ProviderChain(providers: [provider(.openai, "escape", server)]))
            .note(for: id, refresh: true)
        #expect(!escaped.text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E })
        #expect(escaped.text.contains("Dark [31mred[0m kick"))
        #expect(!escaped.text.contains("\n\n\n"))
        for model in ["empty", "huge", "500"] {
            let (_, fresh, freshId) = try makeLibrary()
            let note = try NoteService(library: fresh, chain: ProviderChain(providers: [provider(.openai, model, server)]))
                .note(for: freshId)
            #expect(note.source == "offline", "model \(model)")
            #expect(note.problem != nil)
            #expect(note.text.contains("kick"), "the offline writer describes the sample")
            let hash = try fresh.sample(id: freshId)!.contentHash!
            #expect(try fresh.cachedNote(contentHash: hash, promptVersion: NotePrompt.version) == nil, "nothing stored")
        }
    }

    @Test("requests carry descriptors and the file name only: no audio, no path, no other provider's key")
    func requestContents() throws {
        let server = try FakeLLMServer()
        let (_, library, id) = try makeLibrary()
        let chain = ProviderChain(providers: [provider(.anthropic, "500", server, key: "secret-A"),
                                              provider(.openai, "ok", server, key: "secret-B")])
        _ = try NoteService(library: library, chain: chain).note(for: id)
        let requests = server.requests
        #expect(requests.count == 2)
        for request in requests {
            let body = request["body"] as? String ?? ""
            #expect(body.contains("kick 808.wav"), "the file name, which the user allows by default")
            #expect(!body.contains("secret folder") && !body.contains("/tmp/"), "never the path")
            #expect(!body.contains("RIFF") && body.count < 4000, "never the audio")
            #expect(!body.contains("secret-"))
        }
        // header names compared case-insensitively (HTTP; the client may normalise them)
        let headers = requests.map { request in
            Dictionary(((request["headers"] as? [String: String]) ?? [:]).map { ($0.key.lowercased(), $0.value) },
                       uniquingKeysWith: { a, _ in a })
        }
        #expect(headers[0]["x-api-key"] == "secret-A" && headers[0]["authorization"] == nil)
        #expect(headers[1]["authorization"] == "Bearer secret-B" && headers[1]["x-api-key"] == nil)
    }

    @Test("an unreachable host gives an offline note and a one-line reason")
    func unreachable() throws {
        let (_, library, id) = try makeLibrary()
        let dead = NoteProvider(name: "dead", kind: .ollama, baseURL: URL(string: "http://127.0.0.1:9")!, model: "m", timeout: 1)
        let note = try NoteService(library: library, chain: ProviderChain(providers: [dead])).note(for: id)
        #expect(note.source == "offline")
        #expect(note.problem?.contains("dead: unreachable") == true)
        #expect(note.problem?.contains("\n") == false)
    }
}

@Suite("AI configuration")
struct AIConfigurationTests {
    @Test("an API key file readable by group or others is refused; an owner-only one is read")
    func keyFilePermissions() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("key")
        try "sk-test\n".write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o644)
        #expect(throws: AIConfiguration.Problem.keyFileTooOpen(path: path)) { try AIConfiguration.readKeyFile(path) }
        chmod(path, 0o600)
        #expect(try AIConfiguration.readKeyFile(path) == "sk-test")
    }

    @Test("providers come in the configured order with keys from the environment; unknown kinds are errors")
    func providersFromConfig() throws {
        let entries = [
            AIConfiguration.ProviderEntry(name: "remote", kind: "openai", baseURL: "http://127.0.0.1:1", model: "m",
                                          apiKeyEnvironment: "TEST_KEY"),
            AIConfiguration.ProviderEntry(name: "local", kind: "ollama", baseURL: "http://127.0.0.1:2", model: "m"),
        ]
        let providers = try AIConfiguration.providers(entries, order: ["local", "remote"], environment: ["TEST_KEY": "abc"])
        #expect(providers.map(\.name) == ["local", "remote"])
        #expect(providers[1].apiKey == "abc" && providers[0].apiKey == nil)
        #expect(throws: AIConfiguration.Problem.self) {
            _ = try AIConfiguration.providers([.init(name: "x", kind: "bard", baseURL: "http://a", model: "m")], order: [],
                                              environment: [:])
        }
    }

    @Test("an API key is never sent over plain http to another machine; a local server may use http")
    func keyNeverInClear() throws {
        func build(_ url: String, key: Bool) throws -> [NoteProvider] {
            try AIConfiguration.providers([.init(name: "p", kind: "openai", baseURL: url, model: "m",
                                                 apiKeyEnvironment: key ? "K" : nil)], order: [], environment: ["K": "sk"])
        }
        #expect(throws: AIConfiguration.Problem.keyInClear(provider: "p")) { try build("http://api.example.com/v1", key: true) }
        #expect(throws: AIConfiguration.Problem.keyInClear(provider: "p")) { try build("HTTP://192.168.1.5:8080", key: true) }
        #expect(try build("https://api.example.com/v1", key: true).first?.apiKey == "sk")
        for local in ["http://localhost:11434", "http://127.0.0.1:1", "http://[::1]:8080"] {
            #expect(try build(local, key: true).count == 1, "\(local)")
        }
        #expect(try build("http://192.168.1.5:11434", key: false).count == 1, "no key, nothing secret to leak")
        #expect(throws: AIConfiguration.Problem.badURL(provider: "p")) { try build("file:///etc/passwd", key: false) }
    }
}

import Glibc
