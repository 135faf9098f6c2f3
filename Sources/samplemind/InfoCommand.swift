import ArgumentParser
import Foundation
import Library
import TerminalText

/// `samplemind info FILE|ID`: everything the library knows about a sample.
struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "info", abstract: "Show a sample's library entry and analysis.")

    @OptionGroup var library: LibraryOptions

    @Argument(help: "A path in the library or a sample id.")
    var sample: String

    func run() throws {
        let lib = try library.open()
        let ids: [Int64]
        do { ids = try SampleReference.resolve([sample], in: lib) } catch {
            Output.error("\(error)")
            throw ExitCode(1)
        }
        guard let summary = try lib.sample(id: ids[0]) else { throw ExitCode(1) }
        let analysis = try summary.contentHash.flatMap { try lib.analysis(contentHash: $0) }
        if library.json {
            struct Info: Encodable { let sample: SampleSummary; let analysis: Analysis.AnalysisResult? }
            try Output.json(Info(sample: summary, analysis: analysis))
            return
        }
        Output.line("id              \(summary.id)")
        Output.line("status          \(summary.status)" + (summary.error.map { ": " + TerminalSafe.escape($0) } ?? ""))
        Output.line("rating          \(summary.rating)\(summary.favorite ? ", favourite" : "")")
        Output.line("tags            " + TerminalSafe.escape(summary.tags.joined(separator: ", ")))
        if let note = summary.note { Output.line("note            " + TerminalSafe.escape(note)) }
        Output.line("content hash    \(summary.contentHash ?? "—")")
        if let analysis {
            FileHandle.standardOutput.write(Data(AnalysisDescription.detailed(analysis).utf8))
        } else {
            Output.line("file            " + TerminalSafe.escape(summary.path))
            Output.line("analysis        not yet")
        }
    }
}

import Analysis
