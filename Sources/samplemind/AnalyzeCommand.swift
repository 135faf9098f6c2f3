import Analysis
import ArgumentParser
import Foundation
import TerminalText

/// `samplemind analyze FILE...`: describe audio files.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Measure duration, level, loudness, timbre, tempo, key, pitch, type and family of audio files.",
        discussion: """
            Prints a table (one row per file; a full description for a single file), or one JSON object \
            per line with --json. Exit status 0 when every file was analysed, 1 otherwise; each failed \
            file gets one line on stderr naming the file and the reason.
            """)

    @Argument(help: "Audio files to analyse.")
    var files: [String] = []

    @Option(name: .customLong("files-from"), help: "Read more paths from this file, one per line ('-' for stdin).")
    var filesFrom: String?

    @Flag(help: "One JSON object per file and line.")
    var json = false

    @Option(help: "Files analysed at once (default: one per core).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    mutating func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        var paths = files
        if let filesFrom { paths += try PathList.read(filesFrom) }
        guard !paths.isEmpty else { throw ValidationError("no files given") }
        try AnalysisRun.execute(paths: paths, json: json, jobs: jobs)
    }
}

/// Analyses files in parallel and prints the outcome; throws exit code 1 when any file failed.
enum AnalysisRun {
    static func execute(paths: [String], json: Bool, jobs: Int) throws {
        let printer = AnalysisPrinter(json: json, detailed: paths.count == 1 && !json)
        let outcome = ParallelAnalysis(jobs: jobs).run(paths: paths) { index, outcome in
            printer.emit(index: index, path: paths[index], outcome: outcome)
        }
        printer.finish()
        if outcome.failed > 0 {
            FileHandle.standardError.write(Data(
                "samplemind: \(outcome.failed) of \(paths.count) files could not be analysed\n".utf8))
            throw ExitCode(1)
        }
    }
}

/// Reads a list of paths, one per line.
enum PathList {
    static func read(_ source: String) throws -> [String] {
        let data: Data
        if source == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let contents = FileManager.default.contents(atPath: source) else {
                throw ValidationError("cannot read file list \(TerminalSafe.escape(source))")
            }
            data = contents
        }
        return String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
            .map(String.init).filter { !$0.isEmpty }
    }
}
