import App
import Engine
import Foundation
import Testing

@Suite("Playback keys in the browser")
struct PlaybackKeysTests {
    @Test("Space plays the selected sample and stops it; Esc also stops")
    func spacePlaysAndStops() throws {
        let app = try AppDriver.standard("play-space")
        let path = try #require(app.state.selectedSample?.path)
        let id = try #require(app.state.selectedSample?.id)
        app.press("<space>")
        #expect(app.recorded.last == .play(path: path, sampleId: id))
        app.send(.playerEvent(.started(path: path)))
        app.send(.playerTick(path: path, position: 0.4, duration: 1.0))
        #expect(app.screen.contains("▶ bass A1.wav 0.4/1.0s"))
        app.press("<space>")
        #expect(app.recorded.last == .stopPlayback)
        app.press("<esc>")
        #expect(app.recorded.last == .stopPlayback)
    }

    @Test("auto-play plays the sample under the cursor as it moves")
    func autoplay() throws {
        let app = try AppDriver.standard("play-auto")
        app.press("a", "j", "j")
        #expect(app.played == ["hat closed.wav", "kick 808.wav"])
        app.press("a", "j")
        #expect(app.played.count == 2, "off again: moving does not play")
    }

    @Test("n and N audition the similar list without moving the library cursor")
    func auditionNextPrevious() throws {
        let app = try AppDriver.standard("play-n")
        let similar = app.state.similar.map(\.sample.name)
        #expect(similar.count == 5, "every other sample, the query excluded")
        app.press("n", "n", "N")
        #expect(app.played == [similar[0], similar[1], similar[0]])
        #expect(app.state.selected == 0)
    }

    @Test("A plays the similar list in order, one after another, until the end or Esc")
    func auditionAll() throws {
        let app = try AppDriver.standard("play-all")
        let similar = app.state.similar.map(\.sample.name)
        app.press("A")
        for _ in 0..<3 {
            let current = try #require(app.state.playing?.path ?? app.recorded.compactMap { if case .play(let p, _) = $0 { return p } else { return nil } }.last)
            app.send(.playerEvent(.started(path: current)))
            app.send(.playerEvent(.finished(path: current)))
            #expect(app.recorded.last == .auditionAfterGap)
            app.send(.auditionSequenceStep)
        }
        #expect(app.played == Array(similar.prefix(4)))
        app.press("<esc>")
        app.send(.auditionSequenceStep)
        #expect(app.played.count == 4, "Esc ends the sequence")
    }

    @Test("l, + and - set loop and volume; ← → seek while playing")
    func loopVolumeSeek() throws {
        let app = try AppDriver.standard("play-loop")
        app.press("l")
        #expect(app.recorded.last == .setLoop(true))
        app.press("-")
        #expect(app.recorded.last == .setVolume(0.9))
        app.press("<right>")
        #expect(app.recorded.last == .setVolume(0.9), "no seek when nothing plays")
        let path = try #require(app.state.selectedSample?.path)
        app.send(.playerEvent(.started(path: path)))
        app.press("<right>", "<left>")
        #expect(Array(app.recorded.suffix(2)) == [.seek(by: 1), .seek(by: -1)])
    }

    @Test("no audio device: the status bar says so and the browser keeps working")
    func noDevice() throws {
        let app = try AppDriver.standard("play-nodevice")
        app.press("<space>")
        app.send(.playerEvent(.failed(path: nil, reason: "no audio device: No such file or directory (default)")))
        #expect(app.screen.contains("no audio device: No such file or directory"))
        app.press("j")
        #expect(app.state.selected == 1)
    }
}
