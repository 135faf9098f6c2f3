import Analysis
import AudioIO
import Dispatch
import Foundation
import Locking

/// Analyses many files on a bounded number of worker threads and reports results in input
/// order, each as soon as it and every earlier one are done.
struct ParallelAnalysis {
    /// One file's outcome.
    enum Outcome: Sendable {
        case analysed(AnalysisResult)
        case failed(reason: String)
    }

    struct Summary { var analysed = 0, failed = 0 }

    let jobs: Int

    /// Runs the analysis; `report` is called in input order, one call at a time.
    func run(paths: [String], report: @escaping @Sendable (Int, Outcome) -> Void) -> Summary {
        let state = Locked(State(count: paths.count))
        let workers = max(1, min(jobs, paths.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let analyzer = Analyzer()
            while true {
                let index: Int? = state.withLock { $0.takeNext() }
                guard let index else { return }
                let outcome: Outcome
                do {
                    outcome = .analysed(try analyzer.analyze(path: paths[index]))
                } catch let error as AudioIOError {
                    outcome = .failed(reason: error.reason)
                } catch {
                    outcome = .failed(reason: "\(error)")
                }
                state.withLock { state in
                    state.finished[index] = outcome
                    while state.nextToReport < state.finished.count, let ready = state.finished[state.nextToReport] {
                        report(state.nextToReport, ready)
                        state.finished[state.nextToReport] = nil
                        state.nextToReport += 1
                    }
                    if case .failed = outcome { state.summary.failed += 1 } else { state.summary.analysed += 1 }
                }
            }
        }
        return state.withLock { $0.summary }
    }

    private struct State {
        var next = 0
        var nextToReport = 0
        var finished: [Outcome?]
        var summary = Summary()
        init(count: Int) { finished = Array(repeating: nil, count: count) }
        mutating func takeNext() -> Int? {
            guard next < finished.count else { return nil }
            defer { next += 1 }
            return next
        }
    }
}

