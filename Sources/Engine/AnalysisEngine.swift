import Analysis
import AudioIO
import Dispatch
import Foundation
import Library
import Locking

/// Analyses pending library content on a bounded number of worker threads.
///
/// Work is one `PendingAnalysis` per distinct content (identical files are analysed once).
/// A priority lane puts what the user is looking at first; `cancel()` stops after the files in
/// flight; results are written in batched transactions; progress is reported as it goes.
/// Per-file failures are recorded on the samples, never fatal.
public final class AnalysisEngine: Sendable {
    public let library: SampleLibrary
    public let jobs: Int
    public let batchSize: Int
    private let state = Locked(State())

    private struct State {
        var queue: [PendingAnalysis] = []
        var next = 0
        var priority: [PendingAnalysis] = []
        var wanted: [Int64] = []   // samples asked for before their work was queued
        var cancelled = false
        var done = 0
        var failed = 0
        var vanished = 0   // contents whose files disappeared meanwhile (marked missing)
        var outbox: [(contentHash: String, outcome: AnalysisOutcome)] = []

        /// Moves the queued, not yet started work of `sampleId` into the priority lane.
        mutating func promote(_ sampleId: Int64) -> Bool {
            guard next < queue.count,
                  let index = queue[next...].firstIndex(where: { $0.sampleIds.contains(sampleId) }) else { return false }
            priority.append(queue.remove(at: index))
            return true
        }
    }

    public init(library: SampleLibrary, jobs: Int = ProcessInfo.processInfo.activeProcessorCount, batchSize: Int = 32) {
        self.library = library
        self.jobs = max(1, jobs)
        self.batchSize = max(1, batchSize)
    }

    /// Moves the content of `sampleId` to the front of the queue: the sample the user is looking
    /// at is analysed next (also when asked before `run` has queued it).
    public func prioritize(sampleId: Int64) {
        state.withLock { state in
            if !state.promote(sampleId) { state.wanted.append(sampleId) }
        }
    }

    /// Stops handing out work for the current (or next) run; files already being analysed
    /// finish and are stored. What was not started stays pending for a later run.
    public func cancel() { state.withLock { $0.cancelled = true } }

    /// Analyses everything pending in the library and returns (analysed, failed, cache hits).
    /// Blocks until done or cancelled; `progress` is called from worker threads, serially.
    /// `onResult` sees each content's outcome as it is produced (before it is stored).
    public func run(progress: @escaping @Sendable (Progress) -> Void = { _ in },
                    onResult: @escaping @Sendable (PendingAnalysis, AnalysisOutcome) -> Void = { _, _ in }) throws
        -> (analysed: Int, failed: Int, cacheHits: Int) {
        let cacheHits = try library.resolveCachedAnalyses()
        let work = try library.pendingAnalyses()
        state.withLock { state in
            state.queue = work
            state.next = 0
            state.done = 0
            state.failed = 0
            state.vanished = 0
            state.wanted = state.wanted.filter { !state.promote($0) }
        }
        let total = work.count
        let started = Date()
        let writeError = Locked<(any Error)?>(nil)
        DispatchQueue.concurrentPerform(iterations: min(jobs, max(total, 1))) { _ in
            let analyzer = Analyzer()
            while let item = takeNext() {
                let outcome = analyze(item, with: analyzer)
                onResult(item, outcome)
                let (batch, report) = state.withLock { state -> ([(String, AnalysisOutcome)], Progress) in
                    state.done += 1
                    if case .failed = outcome { state.failed += 1 }
                    if case .vanished = outcome { state.vanished += 1 }
                    state.outbox.append((item.contentHash, outcome))
                    var batch: [(String, AnalysisOutcome)] = []
                    if state.outbox.count >= batchSize {
                        batch = state.outbox
                        state.outbox.removeAll()
                    }
                    let elapsed = max(Date().timeIntervalSince(started), 1e-3)
                    let rate = Double(state.done) / elapsed
                    return (batch, Progress(phase: "analysing", done: state.done, total: total, rate: rate,
                                            eta: rate > 0 ? Double(total - state.done) / rate : nil))
                }
                if !batch.isEmpty { store(batch, errors: writeError) }
                progress(report)
            }
        }
        let rest = state.withLock { state -> [(String, AnalysisOutcome)] in
            defer { state.outbox.removeAll() }
            return state.outbox
        }
        store(rest, errors: writeError)
        if let error = writeError.withLock({ $0 }) { throw error }
        return state.withLock { state in
            state.cancelled = false
            return (state.done - state.failed - state.vanished, state.failed, cacheHits)
        }
    }

    private func takeNext() -> PendingAnalysis? {
        state.withLock { state in
            if state.cancelled { return nil }
            if !state.priority.isEmpty { return state.priority.removeFirst() }
            guard state.next < state.queue.count else { return nil }
            defer { state.next += 1 }
            return state.queue[state.next]
        }
    }

    private func analyze(_ item: PendingAnalysis, with analyzer: Analyzer) -> AnalysisOutcome {
        var lastReason = "no readable file"
        for path in item.paths {
            do {
                return .analysed(try analyzer.analyze(pathBytes: path.bytes))
            } catch let error as AudioIOError {
                lastReason = error.reason
            } catch {
                lastReason = "\(error)"
            }
        }
        if item.paths.allSatisfy(isGone) { return .vanished(sampleIds: item.sampleIds) }
        return .failed(reason: lastReason)
    }

    /// Whether nothing is at `path` any more (as opposed to a file that is there but unreadable).
    private func isGone(_ path: RawPath) -> Bool {
        var info = stat()
        return path.withCString { stat($0, &info) == 0 ? false : errno == ENOENT || errno == ENOTDIR }
    }

    private func store(_ batch: [(String, AnalysisOutcome)], errors: borrowing Locked<(any Error)?>) {
        guard !batch.isEmpty else { return }
        do {
            try library.store(batch.map { (contentHash: $0.0, outcome: $0.1) })
        } catch {
            errors.withLock { if $0 == nil { $0 = error } }
        }
    }
}
