import AI
import ArgumentParser
import Dispatch
import Foundation
import Library
import Locking
import TerminalText

/// `samplemind notes FILE|ID` and `samplemind notes --all [QUERY]`: AI notes from the measured
/// descriptors, cached; offline notes when no provider answers.
struct NotesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notes",
        abstract: "Short notes on samples written by a language model from their descriptors (offline notes as fallback).",
        discussion: "Providers come from the [ai] section of config.toml (see docs/config.example.toml). "
            + "--all generates for every sample matching QUERY; rerunning resumes (cached notes are kept).")

    @OptionGroup var library: LibraryOptions
    @Argument(help: "A path or id (or, with --all, a query).") var target: [String] = []
    @Flag(help: "Notes for every sample matching the query.") var all = false
    @Option(help: "Ask only this provider.") var provider: String?
    @Flag(help: "Ask again even when a cached note exists (your own edits are kept).") var refresh = false
    @Option(help: "With --all: notes generated at once.") var jobs = 2
    @Option(help: "With --all: at most this many requests per second (0: no limit).") var rate: Double = 0

    func run() throws {
        let lib = try library.open()
        let environment = ProcessInfo.processInfo.environment
        let service: NoteService
        do {
            service = try BrowserConfig.load(environment: environment).noteService(library: lib, environment: environment)
        } catch {
            Output.error("\(error)")
            throw ExitCode(1)
        }
        if all {
            try runAll(lib, service)
            return
        }
        guard target.count == 1 else { throw ValidationError("give one sample (path or id), or --all [QUERY]") }
        let id = try resolveOrFail(target, lib)[0]
        let note: NoteService.Note
        do { note = try service.note(for: id, refresh: refresh, provider: provider) } catch {
            Output.error("\(error)")
            throw ExitCode(1)
        }
        if library.json {
            try Output.json(note)
        } else {
            Output.line(TerminalSafe.escape(note.text).replacingOccurrences(of: "\\x0a", with: "\n"))
            Output.line("— \(note.source == "offline" ? "offline notes" : note.source)\(note.cached ? " (cached)" : "")")
        }
        if let problem = note.problem { Output.error("no AI provider answered: \(problem)") }
    }

    private func runAll(_ lib: SampleLibrary, _ service: NoteService) throws {
        let ids = try lib.search(target.joined(separator: " ") + " status:ok").map(\.id)
        let counts = Locked((done: 0, generated: 0, cached: 0, offline: 0))
        let latencies = Locked<[Double]>([])
        let nextSlot = Locked(0.0)
        let bar = ProgressBar(enabled: Output.stderrIsTerminal && !library.json)
        let started = Date()
        let work = Locked(ids[...])
        DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, ids.count))) { _ in
            while let id = work.withLock({ $0.popFirst() }) {
                if rate > 0 {   // spread requests out: each takes the next free slot
                    let wait = nextSlot.withLock { slot -> Double in
                        let now = Date().timeIntervalSince1970
                        let at = max(slot, now)
                        slot = at + 1 / rate
                        return at - now
                    }
                    if wait > 0 { Thread.sleep(forTimeInterval: wait) }
                }
                let asked = DispatchTime.now().uptimeNanoseconds
                let note = try? service.note(for: id, refresh: refresh, provider: provider)
                let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - asked) / 1e6
                latencies.withLock { $0.append(milliseconds) }
                let done = counts.withLock { c -> Int in
                    c.done += 1
                    if let note { if note.cached { c.cached += 1 } else if note.source == "offline" { c.offline += 1 } else { c.generated += 1 } }
                    return c.done
                }
                let elapsed = max(Date().timeIntervalSince(started), 1e-3)
                bar.show(Engine.Progress(phase: "notes", done: done, total: ids.count, rate: Double(done) / elapsed,
                                         eta: Double(ids.count - done) / (Double(done) / elapsed)))
            }
        }
        bar.finish()
        let c = counts.withLock { $0 }
        let seconds = Date().timeIntervalSince(started)
        let sorted = latencies.withLock { $0 }.sorted()
        let p = { (q: Double) in percentile(sorted, q) }
        if library.json {
            struct Summary: Encodable {
                let samples, generated, cached, offline: Int
                let seconds, notesPerSecond, p50Milliseconds, p99Milliseconds: Double
            }
            try Output.json(Summary(samples: ids.count, generated: c.generated, cached: c.cached, offline: c.offline,
                                    seconds: seconds, notesPerSecond: Double(c.generated) / max(seconds, 1e-3),
                                    p50Milliseconds: p(0.5), p99Milliseconds: p(0.99)))
        } else {
            Output.line("\(ids.count) samples: \(c.generated) new notes, \(c.cached) cached, \(c.offline) offline, "
                + String(format: "%.1f s (%.1f notes/s)", seconds, Double(c.generated) / max(seconds, 1e-3)))
        }
    }
}

import Engine
