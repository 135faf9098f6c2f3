import Library

/// What one scan found and did.
public struct ScanSummary: Sendable, Codable, Equatable {
    public var added = 0
    public var changed = 0
    public var moved = 0
    public var missing = 0
    public var restored = 0
    public var unchanged = 0
    /// Files or folders that could not be read (recorded as errors), and files that failed analysis.
    public var unreadable = 0
    public var analysed = 0
    public var analysisErrors = 0
    /// Samples whose content already had an up-to-date analysis (the cache by content hash).
    public var cacheHits = 0
    public var offlineRoots: [String] = []
    /// "path: reason" for the first 1000 unreadable files and folders.
    public var errors: [String] = []
    public var seconds = 0.0
    public init() {}

    mutating func record(_ path: RawPath, _ reason: String) {
        unreadable += 1
        if errors.count < 1000 { errors.append("\(path.display): \(reason)") }
    }
}

/// Progress of a long operation, for a progress bar or the UI's status line.
public struct Progress: Sendable, Equatable {
    public var phase: String
    public var done: Int
    public var total: Int
    /// Items per second so far.
    public var rate: Double
    /// Seconds left at the current rate (nil until it can be estimated).
    public var eta: Double?

    public init(phase: String, done: Int, total: Int, rate: Double, eta: Double?) {
        self.phase = phase; self.done = done; self.total = total; self.rate = rate; self.eta = eta
    }
}
