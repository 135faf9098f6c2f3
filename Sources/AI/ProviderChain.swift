import Foundation
import Locking

/// Providers tried in order (local first, then primary, then fallback): a failure or timeout
/// moves to the next one and is recorded; a provider that failed `breakerThreshold` times in a
/// row is skipped for `coolDown` seconds (a 429 sets the cool-down from Retry-After).
public final class ProviderChain: Sendable {
    public let providers: [NoteProvider]
    public let breakerThreshold: Int
    public let coolDown: Double
    private let state = Locked<[String: Health]>([:])

    struct Health { var failures = 0; var skipUntil = 0.0 }

    /// One attempt and why it failed.
    public struct Attempt: Sendable, Equatable { public var provider: String; public var error: String }

    public struct Answer: Sendable, Equatable {
        public var text: String
        public var provider: NoteProvider
        public var failedAttempts: [Attempt]
    }

    public enum Failure: Error, CustomStringConvertible {
        case allFailed([Attempt])
        case noProviders
        public var description: String {
            switch self {
            case .noProviders: return "no AI provider configured"
            case .allFailed(let attempts):
                return attempts.map { "\($0.provider): \($0.error)" }.joined(separator: "; ")
            }
        }
    }

    public init(providers: [NoteProvider], breakerThreshold: Int = 3, coolDown: Double = 60) {
        self.providers = providers
        self.breakerThreshold = breakerThreshold
        self.coolDown = coolDown
    }

    /// Asks each provider in turn (only `only` when given) until one gives a usable note.
    public func note(for prompt: NotePrompt, only: String? = nil, now: () -> Double = { Date().timeIntervalSince1970 }) throws -> Answer {
        let candidates = providers.filter { only == nil || $0.name == only }
        guard !candidates.isEmpty else { throw Failure.noProviders }
        var attempts: [Attempt] = []
        for provider in candidates {
            let skip = state.withLock { ($0[provider.name]?.skipUntil ?? 0) > now() }
            if skip {
                attempts.append(Attempt(provider: provider.name, error: "skipped (cooling down after failures)"))
                continue
            }
            do {
                let raw = try provider.note(for: prompt)
                guard let text = NoteText.sanitize(raw) else { throw NoteProvider.Failure.empty }
                state.withLock { $0[provider.name] = Health() }
                return Answer(text: text, provider: provider, failedAttempts: attempts)
            } catch {
                attempts.append(Attempt(provider: provider.name, error: "\(error)"))
                state.withLock { health in
                    var h = health[provider.name] ?? Health()
                    h.failures += 1
                    if case NoteProvider.Failure.http(429, let retryAfter) = error {
                        h.skipUntil = now() + (retryAfter ?? coolDown)
                    } else if h.failures >= breakerThreshold {
                        h.skipUntil = now() + coolDown
                    }
                    health[provider.name] = h
                }
            }
        }
        throw Failure.allFailed(attempts)
    }
}
