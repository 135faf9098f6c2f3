import ArgumentParser
import Dispatch

/// `samplemind`: the terminal sample browser's command-line entry point.
@main
struct SampleMindCommand: ParsableCommand {
    static func main() {
        ProcessStart.nanoseconds = DispatchTime.now().uptimeNanoseconds
        main(nil)
    }

    static let configuration = CommandConfiguration(
        commandName: "samplemind",
        abstract: "Analyse, browse and find audio samples from the terminal.",
        subcommands: [BrowseCommand.self, DemoCommand.self, AnalyzeCommand.self, ScanCommand.self, SearchCommand.self, InfoCommand.self,
                      TagCommand.self, RateCommand.self, FavCommand.self, DupesCommand.self, StatsCommand.self,
                      PruneCommand.self, PlayCommand.self, SimilarCommand.self, NotesCommand.self, KNNBenchCommand.self, SearchLatencyCommand.self, PlayLatencyCommand.self],
        defaultSubcommand: BrowseCommand.self)
}
