import App
import Engine
import Foundation
import Library
import Synthesis
import Testing
import TUI

@Suite("The browser's screens, driven by keys")
struct ScreenTests {
    @Test("the main screen shows the library, waveform, similar and notes panes and a status line")
    func mainScreen() throws {
        let app = try AppDriver.standard("main")
        #expect(app.state.rowCount == 6)
        let screen = app.screen
        for text in ["Library (6)", "Waveform", "Similar", "Notes", "bass A1.wav", "6 samples"] {
            #expect(screen.contains(text), "missing \(text)")
        }
        try assertSnapshot(screen, named: "main")
    }

    @Test("j, k, G and g move the selection; the notes follow the selected sample")
    func navigation() throws {
        let app = try AppDriver.standard("navigation")
        app.press("j", "j")
        #expect(app.state.selected == 2)
        app.press("k")
        #expect(app.state.selected == 1)
        app.press("G")
        #expect(app.state.selected == 5)
        #expect(app.state.selectedSample?.name == "snare.wav")
        #expect(app.screen.contains("snare"))
        app.press("g")
        #expect(app.state.selected == 0)
        try assertSnapshot(app.screen, named: "navigation-top")
    }

    @Test("/ searches as you type with the query language; Esc restores the previous list")
    func search() throws {
        let app = try AppDriver.standard("search")
        app.press("/")
        app.type("type:loop")
        #expect(app.state.rowCount == 1)
        #expect(app.screen.contains("loop 120.wav"))
        try assertSnapshot(app.screen, named: "search-typing")
        app.press("<esc>")
        #expect(app.state.rowCount == 6)
        app.press("/")
        app.type("bmp:1")
        #expect(app.state.queryError?.contains("bmp") == true)
        app.press("<bs>", "<bs>", "<bs>", "<bs>", "<bs>")
        app.type("kick")
        app.press("<enter>")
        #expect(app.state.mode == .normal && app.state.rowCount == 1)
    }

    @Test("v marks two samples, t tags both (with completion), 1–5 rate, f favourites")
    func tagging() throws {
        let app = try AppDriver.standard("tagging")
        app.press("v", "v")          // marks rows 0 and 1, moving down
        #expect(app.state.marked.count == 2)
        app.press("t")
        app.type("dark")
        app.press("<enter>")
        #expect(try app.library.search("tag:dark").count == 2)
        app.press("<esc>")          // clears marks
        app.press("g", "t")
        app.type("da")
        app.press("<tab>")
        #expect(app.state.input == "dark", "Tab completes an existing tag")
        app.press("<esc>", "4", "f")
        let first = try #require(app.state.selectedSample)
        #expect(first.rating == 4 && first.favorite)
        try assertSnapshot(app.screen, named: "tagged")
    }

    @Test("? shows every binding; any key closes it")
    func help() throws {
        let app = try AppDriver.standard("help", width: 100, height: 40)
        app.press("?")
        let screen = app.screen
        for text in ["next sample", "search", "add a tag", "quit", "copy the path"] { #expect(screen.contains(text)) }
        try assertSnapshot(screen, named: "help")
        app.press("j")
        #expect(app.state.mode == .normal)
    }

    @Test("the sort menu sorts by a column and marks it; the same key reverses")
    func sortMenu() throws {
        let app = try AppDriver.standard("sort")
        app.press("s", "d")
        #expect(app.state.sort.key == .dur && !app.state.sort.descending)
        let durations = (0..<app.state.rowCount).compactMap { app.state.rows[$0]?.duration }
        #expect(durations == durations.sorted())
        #expect(app.screen.contains("Dur▲") || app.screen.contains("Dur ▲"))
        app.press("s", "d")
        #expect(app.state.sort.descending)
    }

    @Test("resizing reflows the panes; below 60×16 a clear message")
    func resize() throws {
        let app = try AppDriver.standard("resize")
        app.resize(50, 12)
        #expect(app.screen.contains("terminal too small"))
        try assertSnapshot(app.screen, named: "too-small")
        app.resize(160, 48)
        #expect(app.screen.split(separator: "\n").first?.count == 160)
        try assertSnapshot(app.screen, named: "large")
    }

    @Test("hostile file names are drawn with their control characters escaped")
    func hostileNames() throws {
        let app = try AppDriver("hostile", samples: [("evil\u{1B}]0;pwned\u{07}.wav", Drums.hat()), ("rtl\u{202E}vaw.exe.wav", Drums.kick())])
        let screen = app.screen
        #expect(!screen.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E })
        #expect(screen.contains("evil\\x1b]0;pwne"), "the name is shown, escaped (and truncated to the column)")
        try assertSnapshot(screen, named: "hostile-names")
    }

    @Test(":q quits; :scan and :export are handed to the runtime")
    func commandLine() throws {
        let app = try AppDriver.standard("commands")
        app.press(":")
        app.type("export /tmp/out")
        app.press("<enter>")
        #expect(app.recorded.contains { if case .export(_, "/tmp/out") = $0 { return true } else { return false } })
        app.press(":")
        app.type("q")
        app.press("<enter>")
        #expect(app.state.shouldQuit)
    }

    @Test("100 000 rows scroll by only ever rendering the visible ones")
    func virtualisedRows() throws {
        var state = AppState()
        _ = state.update(.resize(width: 100, height: 30))
        let summary = try AppDriver.standard("virtual").state.rows[0]!
        _ = state.update(.rowsLoaded(generation: 0, offset: 0, rows: Array(repeating: summary, count: 200), total: 100_000))
        for _ in 0..<300 { _ = state.update(.pageDown) }
        #expect(state.selected > 5_000)
        #expect(state.rows.count <= AppState.pageSize * 6, "the row cache stays bounded")
        let frame = Screen.render(state, theme: .builtinDefault)
        #expect(frame.buffer.plainText().contains("Library (100000)"))
    }

    @Test("a rescan that finds the selected file gone keeps its summary in the status bar; the row says missing")
    func missingAfterScanKeepsSummary() throws {
        let app = try AppDriver("gone", samples: [("a kick.wav", Drums.kick()), ("b hat.wav", Drums.hat())])
        try FileManager.default.removeItem(atPath: app.dir.file("samples/a kick.wav"))
        _ = try Engine.Scanner().scan([RawPath(app.dir.file("samples"))], into: app.library)
        app.send(.scanFinished(summary: "scan: 1 missing; offline: nowhere"))
        #expect(app.state.selectedSample?.name == "a kick.wav")
        #expect(app.state.selectedSample?.status == "missing")
        #expect(app.state.detail?.error != nil, "the pane still gets the reason")
        #expect(app.state.status == "scan: 1 missing; offline: nowhere")
    }

    @Test("a sample that cannot be decoded shows the reason in the status bar and the UI keeps working")
    func undecodableSample() throws {
        let app = try AppDriver("broken", samples: [("a kick.wav", Drums.kick()), ("b hat.wav", Drums.hat())])
        // replace the first file with text after it was scanned, as a failing disk or an edit would
        try Data("not audio any more".utf8).write(to: URL(fileURLWithPath: app.dir.file("samples/a kick.wav")))
        app.press("j", "k")
        #expect(app.state.statusIsError)
        #expect(app.screen.contains("cannot read a kick.wav"))
        app.press("j")
        #expect(app.state.selectedSample?.name == "b hat.wav")
        #expect(app.state.detail?.error == nil)
    }
}
