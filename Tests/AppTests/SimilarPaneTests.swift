import App
import Foundation
import Library
import Synthesis
import Testing

@Suite("The similar pane")
struct SimilarPaneTests {
    @Test("lists the selected sample's neighbours with a score and aspect bars, best first")
    func listsMatches() throws {
        let app = try AppDriver.standard("similar-list")
        let scores = app.state.similar.map(\.score)
        #expect(scores == scores.sorted(by: >))
        #expect(!app.state.similar.contains { $0.sample.id == app.state.selectedSample?.id })
        #expect(app.screen.contains(String(format: "%.2f ", scores[0])))
    }

    @Test("Tab to the pane, j moves in it, Enter jumps the library to that sample")
    func jumpToMatch() throws {
        let app = try AppDriver.standard("similar-jump")
        app.press("<tab>", "<tab>")
        #expect(app.state.focus == .similar)
        app.press("j")
        #expect(app.state.similarSelected == 1 && app.state.selected == 0)
        let target = app.state.similar[1].sample.id
        app.press("<enter>")
        #expect(app.state.focus == .library)
        #expect(app.state.selectedSample?.id == target)
    }

    @Test("s refines toward a match (more like this), S away; :weights changes the ranking")
    func refineAndWeights() throws {
        let app = try AppDriver.standard("similar-refine")
        let before = app.state.similar.map(\.sample.id)
        app.press("<tab>", "<tab>", "j", "j", "s")
        #expect(app.state.moreLike.count == 1)
        #expect(app.recorded.contains { if case .loadSimilar(_, _, let more, _) = $0 { return more.count == 1 } else { return false } })
        app.press(":")
        app.type("weights timbre=0,spectrum=0,pitch=0,envelope=0,rhythm=1")
        app.press("<enter>")
        #expect(app.state.weights["rhythm"] == 1)
        #expect(Set(app.state.similar.map(\.sample.id)) == Set(before), "the same candidates, re-ranked")
    }

    @Test("a sample that failed analysis explains that nothing can be similar to it")
    func failedSample() throws {
        let app = try AppDriver("similar-broken", samples: [("a kick.wav", Drums.kick()), ("b hat.wav", Drums.hat())])
        try Data("not audio".utf8).write(to: URL(fileURLWithPath: app.dir.file("samples/c fake.wav")))
        _ = try Engine.Scanner().scan([RawPath(app.dir.file("samples"))], into: app.library)
        _ = try Engine.AnalysisEngine(library: app.library, jobs: 1).run()
        app.send(.libraryChanged)
        app.press("G")
        #expect(app.state.selectedSample?.name == "c fake.wav")
        #expect(app.state.similarMessage != nil)
        #expect(app.screen.contains("Similar"))
    }
}

import Engine
