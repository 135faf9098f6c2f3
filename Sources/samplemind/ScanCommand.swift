import ArgumentParser
import Engine
import Foundation
import Library
import TerminalText

/// `samplemind scan DIR...`: add folders to the library and bring it up to date.
struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Scan folders into the library and analyse new or changed files.",
        discussion: """
            Incremental: unchanged files cost one stat; moved files keep their tags; files that \
            disappeared are marked missing (never deleted; see `prune`). With no DIR, rescans every \
            folder already in the library.
            """)

    @OptionGroup var library: LibraryOptions

    @Argument(help: "Folders to scan.")
    var folders: [String] = []

    @Flag(help: "Also scan hidden files and folders.")
    var hidden = false

    @Option(help: "Files analysed at once (default: one per core).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .customLong("no-analyze"), help: "Only update the file list; analyse later.")
    var noAnalyze = false

    func run() throws {
        let lib = try library.open()
        var roots = folders.map { RawPath(absolutePath($0)) }
        if roots.isEmpty { roots = try lib.roots().map(\.path) }
        guard !roots.isEmpty else { throw ValidationError("no folder given and the library has none yet") }
        // A folder named on the command line must exist: a typo should not mark a library offline.
        for (given, root) in zip(folders, roots) where !FileManager.default.fileExists(atPath: root.display) {
            Output.error("folder not found: \(given)")
            throw ExitCode(1)
        }
        let bar = ProgressBar(enabled: !library.json && Output.stderrIsTerminal)
        var summary = try Scanner(includeHidden: hidden).scan(roots, into: lib) { bar.show($0) }
        if !noAnalyze {
            let engine = AnalysisEngine(library: lib, jobs: jobs)
            let started = Date()
            let result = try engine.run { bar.show($0) }
            summary.analysed = result.analysed
            summary.analysisErrors = result.failed
            summary.cacheHits = result.cacheHits
            summary.seconds += Date().timeIntervalSince(started)
            // a drive pulled while analysing: its root goes offline now, not at the next scan
            let stillOnline = roots.filter { !summary.offlineRoots.contains($0.display) }
            summary.offlineRoots += try Scanner().markUnreachable(stillOnline, in: lib)
        }
        try lib.optimize()
        bar.finish()
        if library.json {
            try Output.json(summary)
        } else {
            Output.line(ScanReport.text(summary))
        }
        for error in summary.errors { Output.error(error) }
    }

    private func absolutePath(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return (absolute as NSString).standardizingPath
    }
}

/// The end-of-scan summary line(s).
enum ScanReport {
    static func text(_ s: ScanSummary) -> String {
        var line = "added \(s.added), changed \(s.changed), moved \(s.moved), missing \(s.missing), "
            + "restored \(s.restored), unchanged \(s.unchanged), errors \(s.unreadable + s.analysisErrors); "
            + "analysed \(s.analysed) (\(s.cacheHits) from cache) in \(String(format: "%.1f", s.seconds)) s"
        for root in s.offlineRoots { line += "\noffline: \(TerminalSafe.escape(root)) (its samples are kept, marked missing)" }
        return line
    }
}

/// A one-line progress bar on stderr, redrawn at most 10 times a second.
final class ProgressBar: @unchecked Sendable {
    // @unchecked: `lastDraw` is only touched under `lock`.
    private let enabled: Bool
    private let lock = NSLock()
    private var lastDraw = Date.distantPast

    init(enabled: Bool) { self.enabled = enabled }

    func show(_ progress: Engine.Progress) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        guard Date().timeIntervalSince(lastDraw) > 0.1 || progress.done == progress.total else { return }
        lastDraw = Date()
        var text = "\r\u{1B}[2K\(progress.phase) \(progress.done)"
        if progress.total > 0 && progress.phase != "scanning" {
            let width = 30
            let filled = min(width, width * progress.done / progress.total)
            text += "/\(progress.total) [" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "]"
        }
        text += String(format: " %.0f/s", progress.rate)
        if let eta = progress.eta { text += String(format: " ETA %.0fs", eta) }
        FileHandle.standardError.write(Data(text.utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }
}
