import ArgumentParser
import Foundation
import TerminalText

/// `samplemind demo` (also what plain `samplemind` runs for now): writes the demo pack into
/// SampleMind's data folder and analyses it.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Generate a small synthetic sample pack and analyse it (the default command).")

    @Option(help: "Where to write the demo pack (default: $XDG_DATA_HOME/samplemind/demo).")
    var dir: String?

    @Flag(help: "One JSON object per file and line.")
    var json = false

    func run() throws {
        let directory = dir ?? DemoPack.defaultDirectory
        let paths = try DemoPack.ensure(in: directory)
        if !json {
            print("SampleMind demo pack: \(paths.count) synthetic samples in \(TerminalSafe.escape(directory))")
            print("(The full-screen browser is being built; this is what the analysis engine measures.)\n")
            fflush(nil)  // print() is buffered; the table below is written unbuffered
        }
        try AnalysisRun.execute(paths: paths, json: json, jobs: ProcessInfo.processInfo.activeProcessorCount)
        if !json {
            print("\nTry: samplemind analyze FILE... [--json]   ·   samplemind --help")
        }
    }
}
