import AI
import App
import ArgumentParser
import Foundation
import Library
import TUICurses

/// `samplemind [DIR...]`: the full-screen browser (the default command).
struct BrowseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "browse",
        abstract: "Open the terminal browser on the library, scanning DIRs in the background if given (the default command).",
        discussion: "With an empty library and no DIR, a small synthetic demo pack is generated and scanned so there is something to see.")

    @Option(help: "Library database (default: $SAMPLEMIND_DB, else $XDG_DATA_HOME/samplemind/library.sqlite).")
    var db: String?

    @Option(help: "Theme: default, light, high-contrast, monochrome, or a file name in ~/.config/samplemind/themes.")
    var theme: String?

    @Option(help: "ALSA playback device (default: config `device`, $SAMPLEMIND_DEVICE, else default).")
    var device: String?

    @Argument(help: "Folders to scan into the library while browsing.")
    var folders: [String] = []

    func run() throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            Output.error("the browser needs a terminal; for scripts use the subcommands (samplemind --help)")
            throw ExitCode(2)
        }
        let environment = ProcessInfo.processInfo.environment
        let library = try LibraryOptions.open(db: db)
        var scanFirst = folders
        if scanFirst.isEmpty, try library.count("") == 0 {
            scanFirst = [DemoPack.defaultDirectory]
            _ = try DemoPack.ensure(in: DemoPack.defaultDirectory)
        }
        let config = BrowserConfig.load(environment: environment)
        var keymap = Keymap.defaults
        let problems = config.problems + keymap.apply(overrides: config.keys)
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal(environment: environment)
        } catch {
            Output.error("\(error)")
            throw ExitCode(1)
        }
        var notes: NoteService?
        var aiProblem: String?
        do { notes = try config.noteService(library: library, environment: environment) } catch { aiProblem = "\(error)" }
        let runtime = BrowserRuntime(terminal: terminal, library: library, themes: ThemeStore(environment: environment),
                                     keymap: keymap, themeName: theme ?? config.theme,
                                     audioDevice: device ?? config.device ?? environment["SAMPLEMIND_DEVICE"] ?? "default",
                                     noteService: notes)
        if let aiProblem { runtime.post(.message(aiProblem, isError: true)) }
        if let first = problems.first { runtime.post(.message("config: \(first)", isError: true)) }
        runtime.run(scanFirst: scanFirst)
        terminal.restore()
    }
}
