import Foundation
import Synthesis
import Testing
import TestSupport

@Suite("The browser in a real terminal (tmux)")
struct BrowserEndToEndTests {
    @Test("starts on a library, moves, searches as you type, shows help, and quits cleanly")
    func browse() throws {
        let dir = TemporaryDirectory(prefix: "samplemind-e2e")
        try FileManager.default.createDirectory(atPath: dir.file("lib"), withIntermediateDirectories: true)
        try Fixtures.write(Drums.kick(), in: dir, name: "lib/kick 808.wav", encoding: .wavPCM16)
        try Fixtures.write(Drums.hat(), in: dir, name: "lib/hat.wav", encoding: .wavPCM16)
        try Fixtures.write(Drums.loop(bpm: 120, bars: 1), in: dir, name: "lib/loop 120.wav", encoding: .wavPCM16)
        let db = dir.file("db.sqlite")
        #expect(try Built.run(Built.samplemind, ["scan", "--db", db, dir.file("lib")]).status == 0)
        let tmux = try Tmux(command: "\(Built.samplemind) --db \(db)", environment: [
            "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "HOME": dir.path, "XDG_CONFIG_HOME": dir.file("config"),
        ])
        var screen = tmux.waitFor("Library (3)")
        #expect(screen.contains("Library (3)"))
        #expect(screen.contains("hat.wav") && screen.contains("loop 120.wav"))
        tmux.send("/")
        tmux.send("type:loop", literal: true)
        screen = tmux.waitFor("Library (1 match")
        #expect(screen.contains("Library (1 match type:loop)"))
        #expect(!screen.contains("┃hat.wav"), "the library list no longer shows it (the similar pane may)")
        tmux.send("Escape")
        screen = tmux.waitFor("Library (3)")
        tmux.send("?")
        screen = tmux.waitFor("SampleMind keys")
        #expect(screen.contains("next sample"))
        tmux.send("q")          // closes help
        tmux.send("q")          // quits
        screen = tmux.waitFor("EXIT=")
        #expect(screen.contains("EXIT=0"))
    }

    @Test("an unknown TERM is a clear error, not a silent exit")
    func unknownTerminal() throws {
        let run = try Built.run("/usr/bin/env", ["TERM=no-such-terminal", "script", "-qec", "\(Built.samplemind) --db /tmp/none.sqlite", "/dev/null"])
        #expect(run.stdout.contains("no-such-terminal") || run.stderr.contains("no-such-terminal"))
    }
}
