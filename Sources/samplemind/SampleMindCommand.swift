import ArgumentParser

/// `samplemind`: the terminal sample browser's command-line entry point.
@main
struct SampleMindCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "samplemind",
        abstract: "Analyse, browse and find audio samples from the terminal.",
        subcommands: [DemoCommand.self, AnalyzeCommand.self],
        defaultSubcommand: DemoCommand.self)
}
