import ArgumentParser
import Dispatch
import Foundation
import Library

/// `samplemind`: the terminal sample browser's command-line entry point.
@main
struct SampleMindCommand: ParsableCommand {
    static func main() {
        ProcessStart.nanoseconds = DispatchTime.now().uptimeNanoseconds
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            // a full disk or read-only database gets a sentence, not an SQLite error code
            if let explanation = StorageFailure.explanation(of: error) {
                Output.error(explanation)
                Foundation.exit(1)
            }
            exit(withError: error)
        }
    }

    static let configuration = CommandConfiguration(
        commandName: "samplemind",
        abstract: "Analyse, browse and find audio samples from the terminal.",
        subcommands: [BrowseCommand.self, DemoCommand.self, AnalyzeCommand.self, ScanCommand.self, SearchCommand.self, InfoCommand.self,
                      TagCommand.self, RateCommand.self, FavCommand.self, DupesCommand.self, StatsCommand.self,
                      PruneCommand.self, PlayCommand.self, SimilarCommand.self, NotesCommand.self, KNNBenchCommand.self, SearchLatencyCommand.self, PlayLatencyCommand.self],
        defaultSubcommand: BrowseCommand.self)
}
