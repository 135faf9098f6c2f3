import ArgumentParser
import Foundation
import TerminalText

/// `samplemind demo`: writes the demo pack into SampleMind's data folder and prints its analysis.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Generate a small synthetic sample pack and print its analysis.")

    @Option(help: "Where to write the demo pack (default: $XDG_DATA_HOME/samplemind/demo).")
    var dir: String?

    @Flag(help: "One JSON object per file and line.")
    var json = false

    func run() throws {
        let directory = dir ?? DemoPack.defaultDirectory
        let paths = try DemoPack.ensure(in: directory)
        if !json {
            print("SampleMind demo pack: \(paths.count) synthetic samples in \(TerminalSafe.escape(directory))")
            print("(This is what the analysis engine measures; `samplemind` opens the browser on them.)\n")
            fflush(nil)  // print() is buffered; the table below is written unbuffered
        }
        try AnalysisRun.execute(paths: paths, json: json, jobs: ProcessInfo.processInfo.activeProcessorCount)
        if !json {
            print("\nTry: samplemind analyze FILE... [--json]   ·   samplemind --help")
        }
    }
}
