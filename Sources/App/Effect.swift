import Library

/// Work the update asks the runtime to do off the main thread; results come back as actions.
public enum Effect: Equatable, Sendable {
    case loadRows(query: String, offset: Int, limit: Int, generation: Int)
    case loadDetail(sampleId: Int64, path: String)
    case loadTags
    case addTag(String, sampleIds: [Int64])
    case removeTag(String, sampleIds: [Int64])
    case rate(Int, sampleIds: [Int64])
    case favorite(Bool, sampleIds: [Int64])
    case scan([String])
    case export(sampleIds: [Int64], to: String)
    case copyToClipboard(String)
    case setTheme(String)
    case prioritize(sampleId: Int64)
    /// Plays a sample; `path` is its display path, the runtime opens the stored bytes of `sampleId`.
    case play(path: String, sampleId: Int64)
    case stopPlayback
    case setLoop(Bool)
    case seek(by: Double)
    case setVolume(Float)
    /// Posts `.auditionNext` after a short gap (the audition sequence).
    case auditionAfterGap
    /// Finds the samples like `sampleId`; `more` / `less` refine the query (Rocchio).
    case loadSimilar(sampleId: Int64, weights: [String: Float], more: [Int64], less: [Int64])
    /// Fetches the AI note (cache, providers, or offline) for `sampleId`.
    case loadNote(sampleId: Int64, refresh: Bool)
    /// Stores the user's own note text (it wins over model notes).
    case saveNote(sampleId: Int64, text: String)
    /// Finds the row of `sampleId` in `query` (to jump to a similar sample).
    case locate(sampleId: Int64, query: String)
}
