import Analysis
import Foundation
import Library

/// Notes for samples: the cache first, then the provider chain, else offline notes — so there is
/// always something to show, and a model's answer is only stored once it passed `NoteText`.
public struct NoteService: Sendable {
    public let library: SampleLibrary
    public let chain: ProviderChain
    /// Cache lifetime of a model's note, seconds (default 7 days).
    public let ttl: Double
    /// Whether the file name goes into the prompt (never the full path).
    public let sendFileName: Bool

    public init(library: SampleLibrary, chain: ProviderChain, ttl: Double = 7 * 24 * 3600, sendFileName: Bool = true) {
        self.library = library
        self.chain = chain
        self.ttl = ttl
        self.sendFileName = sendFileName
    }

    public struct Note: Sendable, Equatable, Codable {
        public var text: String
        /// "offline" for the local writer, "user" for an edit, else the provider's name.
        public var source: String
        public var model: String
        public var createdAt: Double
        public var cached: Bool
        /// Why no model answered, when the note is offline.
        public var problem: String?
    }

    /// The note for `sampleId`. `refresh` skips the cache (a user's edit is still kept).
    public func note(for sampleId: Int64, refresh: Bool = false, provider: String? = nil) throws -> Note {
        guard let sample = try library.sample(id: sampleId), let hash = sample.contentHash,
              let analysis = try library.analysis(contentHash: hash) else {
            throw LibraryError.notFound("an analysis of sample \(sampleId)")
        }
        if let cached = try library.cachedNote(contentHash: hash, promptVersion: NotePrompt.version),
           !refresh || cached.userEdited {
            return Note(text: cached.text, source: cached.provider, model: cached.model, createdAt: cached.createdAt,
                        cached: true, problem: nil)
        }
        let prompt = NotePrompt(analysis: analysis, tags: sample.tags, userNote: sample.note,
                                fileName: sendFileName ? sample.name : nil)
        do {
            let answer = try chain.note(for: prompt, only: provider)
            try library.storeNote(contentHash: hash, provider: answer.provider.name, model: answer.provider.model,
                                  promptVersion: NotePrompt.version, text: answer.text, ttl: ttl)
            return Note(text: answer.text, source: answer.provider.name, model: answer.provider.model,
                        createdAt: Date().timeIntervalSince1970, cached: false, problem: nil)
        } catch {
            return Note(text: OfflineNotes.write(analysis), source: "offline", model: "", createdAt: Date().timeIntervalSince1970,
                        cached: false, problem: "\(error)")
        }
    }
}
