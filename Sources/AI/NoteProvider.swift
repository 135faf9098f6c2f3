import Foundation

/// One language-model endpoint: how to ask it for a note and read the answer.
public struct NoteProvider: Sendable, Equatable {
    public enum Kind: String, Sendable, Codable, CaseIterable { case ollama, openai, gemini, anthropic }

    public var name: String
    public var kind: Kind
    public var baseURL: URL
    public var model: String
    public var timeout: Double
    public var maxTokens: Int
    /// The API key (from the environment or an owner-only file); never logged, stored or shown.
    public var apiKey: String?

    public init(name: String, kind: Kind, baseURL: URL, model: String, timeout: Double = 20, maxTokens: Int = 200,
                apiKey: String? = nil) {
        self.name = name; self.kind = kind; self.baseURL = baseURL; self.model = model
        self.timeout = timeout; self.maxTokens = maxTokens; self.apiKey = apiKey
    }

    public enum Failure: Error, CustomStringConvertible, Equatable {
        case http(status: Int, retryAfter: Double?)
        case badAnswer(String)
        case empty
        public var description: String {
            switch self {
            case .http(let status, _): return "HTTP \(status)"
            case .badAnswer(let why): return "unreadable answer (\(why))"
            case .empty: return "empty answer"
            }
        }
    }

    /// The URL, headers and JSON body of a request for `prompt` (exposed for tests).
    public func request(for prompt: NotePrompt) throws -> (url: URL, headers: [String: String], body: Data) {
        let system = NotePrompt.system
        var headers: [String: String] = [:]
        let url: URL
        let body: [String: Any]
        switch kind {
        case .ollama:
            url = baseURL.appendingPathComponent("api/chat")
            body = ["model": model, "stream": false, "options": ["num_predict": maxTokens],
                    "messages": [["role": "system", "content": system], ["role": "user", "content": prompt.user]]]
        case .openai:
            url = baseURL.appendingPathComponent("v1/chat/completions")
            if let apiKey { headers["Authorization"] = "Bearer \(apiKey)" }
            body = ["model": model, "max_tokens": maxTokens,
                    "messages": [["role": "system", "content": system], ["role": "user", "content": prompt.user]]]
        case .gemini:
            url = baseURL.appendingPathComponent("v1beta/models/\(model):generateContent")
            if let apiKey { headers["x-goog-api-key"] = apiKey }
            body = ["systemInstruction": ["parts": [["text": system]]],
                    "contents": [["role": "user", "parts": [["text": prompt.user]]]],
                    "generationConfig": ["maxOutputTokens": maxTokens]]
        case .anthropic:
            url = baseURL.appendingPathComponent("v1/messages")
            if let apiKey { headers["x-api-key"] = apiKey }
            headers["anthropic-version"] = "2023-06-01"
            body = ["model": model, "max_tokens": maxTokens, "system": system,
                    "messages": [["role": "user", "content": prompt.user]]]
        }
        return (url, headers, try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys]))
    }

    /// The note text in a successful response body.
    public func answer(from data: Data) throws -> String {
        guard let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw Failure.badAnswer("not JSON")
        }
        let text: String?
        switch kind {
        case .ollama:
            text = (json["message"] as? [String: Any])?["content"] as? String
        case .openai:
            text = ((json["choices"] as? [[String: Any]])?.first?["message"] as? [String: Any])?["content"] as? String
        case .gemini:
            let parts = (((json["candidates"] as? [[String: Any]])?.first?["content"] as? [String: Any])?["parts"] as? [[String: Any]])
            text = parts?.compactMap { $0["text"] as? String }.joined()
        case .anthropic:
            text = (json["content"] as? [[String: Any]])?.compactMap { $0["text"] as? String }.joined()
        }
        guard let text else { throw Failure.badAnswer("no text field") }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw Failure.empty }
        return text
    }

    /// Asks for a note; throws `HTTPClient.Failure` or `Failure`.
    public func note(for prompt: NotePrompt) throws -> String {
        let (url, headers, body) = try request(for: prompt)
        let response = try HTTPClient.post(url, headers: headers, body: body, timeout: timeout)
        guard (200..<300).contains(response.status) else {
            throw Failure.http(status: response.status, retryAfter: response.retryAfter)
        }
        return try answer(from: response.body)
    }
}
