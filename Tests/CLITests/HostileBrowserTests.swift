import Foundation
import Testing
import TestSupport

@Suite("The browser on a library of hostile names (tmux)")
struct HostileBrowserTests {
    @Test("every hostile name shows as visible escapes; the terminal title and screen stay the browser's")
    func hostileNamesShownHarmlessly() throws {
        let corpus = try HostileCorpus()
        #expect(try corpus.scan().status == 0)
        let tmux = try Tmux(command: "\(Built.samplemind) --db \(corpus.db)", environment: [
            "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "HOME": corpus.dir.path, "XDG_CONFIG_HOME": corpus.dir.file("config"),
        ])
        let title = tmux.format("#{host}")   // what tmux shows until a program sets a title
        #expect(tmux.waitFor("Library (").contains("Library ("))
        tmux.send("/")
        tmux.send("path:names/", literal: true)
        let named = corpus.count("hostile-name")
        #expect(tmux.waitFor("Library (\(named) match").contains("Library (\(named) match"))
        tmux.send("Enter")
        var seen = ""
        for _ in 0..<named {   // select each row in turn, so its name is also drawn in the detail pane
            usleep(100_000)
            let screen = tmux.capture()
            seen += screen
            #expect(terminalHazards(Data(screen.utf8)) == [])
            #expect(!screen.contains("cannot read"), "every file's waveform loads, whatever its name")
            #expect(tmux.format("#{pane_title}") == title, "no name changed the terminal title")
            tmux.send("j")
        }
        // (the name column is narrow: long names are cut with an ellipsis)
        for shown in ["esc-\\x1b[31mred", "osc-title-\\x1b]0;P", "new\\x0aline", "carriage\\x0dreturn",
                      "rlo-\\u{202e}gnp", "bel-\\x07\\x07", "clear-\\x1b[2J\\x1b["] {
            #expect(seen.contains(shown), "\(shown) is drawn as visible escapes")
        }
        // with colours: every escape tmux reports is a colour or attribute (SGR), never one a name carried
        let styled = tmux.capture(styled: true)
        let nonSGR = styled.split(separator: "\u{1B}").dropFirst().filter { part in
            guard part.first == "[", let end = part.firstIndex(where: { $0.isLetter }) else { return true }
            return part[end] != "m"
        }
        #expect(nonSGR.isEmpty, "\(nonSGR.prefix(3))")
        tmux.send("q")
        #expect(tmux.waitFor("EXIT=").contains("EXIT=0"))
    }

    @Test("decoder warnings while the browser scans hostile files (libmpg123 on broken MP3s) do not scribble on the screen")
    func decoderChatterKeptOffScreen() throws {
        let corpus = try HostileCorpus()
        let tmux = try Tmux(command: "\(Built.samplemind) --db \(corpus.db) \(corpus.lib)", width: 160, environment: [
            "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "HOME": corpus.dir.path, "XDG_CONFIG_HOME": corpus.dir.file("config"),
        ])
        let screen = tmux.waitFor("scan: +", timeout: 60)
        #expect(screen.contains("scan: +"), "the background scan finished")
        for chatter in ["libmpg123", "warning:", "Note:", "resync"] {
            #expect(!screen.contains(chatter), "\(chatter) is not on the screen")
        }
        tmux.send("q")
        #expect(tmux.waitFor("EXIT=").contains("EXIT=0"))
    }
}
