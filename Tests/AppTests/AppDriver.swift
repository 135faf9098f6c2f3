import AI
import App
import Engine
import Foundation
import Library
import Synthesis
import TestSupport
import TUI

/// Drives the real AppState/update/render with a real temporary library, executing effects
/// synchronously (the runtime does the same work on background queues).
final class AppDriver {
    let dir: TemporaryDirectory
    let library: SampleLibrary
    var state = AppState()
    let theme = Theme.builtinDefault.resolved(for: .none)

    /// `name` makes the folder path fixed (`/tmp/sm-NAME`), so screens that show paths are stable.
    init(_ name: String, width: Int = 100, height: Int = 30, samples: [(String, [Float])]) throws {
        dir = TemporaryDirectory(fixedName: "sm-" + name)
        library = try SampleLibrary(path: dir.file("db.sqlite"))
        let folder = dir.file("samples")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (name, signal) in samples { try Fixtures.write(signal, in: dir, name: "samples/" + name, encoding: .wavPCM16) }
        _ = try Scanner().scan([RawPath(folder)], into: library)
        _ = try AnalysisEngine(library: library, jobs: 1).run()
        perform(state.update(.resize(width: width, height: height)))
        perform(state.requery(keepSelection: false))
    }

    /// The standard pack used by most screen tests.
    static func standard(_ name: String, width: Int = 100, height: Int = 30) throws -> AppDriver {
        try AppDriver(name, width: width, height: height, samples: [
            ("kick 808.wav", Drums.kick()), ("snare.wav", Drums.snare()), ("hat closed.wav", Drums.hat()),
            ("bass A1.wav", Signals.tone(midi: 33, seconds: 1.0)), ("lead C5.wav", Signals.tone(midi: 72, seconds: 0.6)),
            ("loop 120.wav", Drums.loop(bpm: 120, bars: 1)),
        ])
    }

    /// Sends keys by their config names ("j", "<enter>", "/") or literal text with `type`.
    func press(_ names: String...) {
        for name in names {
            guard let key = KeyPress(name: name) else { fatalError("bad key name \(name)") }
            if let action = state.action(for: key) { perform(state.update(action)) }
        }
    }

    func type(_ text: String) {
        for character in text {
            if let action = state.action(for: .character(character)) { perform(state.update(action)) }
        }
    }

    func resize(_ width: Int, _ height: Int) { perform(state.update(.resize(width: width, height: height))) }

    /// Delivers an action as the runtime would (player events, timers).
    func send(_ action: Action) { perform(state.update(action)) }

    /// Paths of the `.play` effects so far, in order.
    var played: [String] {
        recorded.compactMap { if case .play(let path, _) = $0 { return (path as NSString).lastPathComponent } else { return nil } }
    }

    var screen: String { Screen.render(state, theme: theme).buffer.plainText() }

    private func perform(_ effects: [Effect]) {
        for effect in effects {
            switch effect {
            case .loadRows(let query, let offset, let limit, let generation):
                do {
                    let rows = try library.search(query, limit: limit, offset: offset)
                    let total = offset == 0 ? try library.count(query) : -1
                    perform(state.update(.rowsLoaded(generation: generation, offset: offset, rows: rows, total: total)))
                } catch {
                    perform(state.update(.queryFailed(generation: generation, message: "\(error)")))
                }
            case .loadDetail(let id, let path):
                perform(state.update(.detailLoaded(DetailLoader.load(sampleId: id, path: path, library: library))))
            case .loadTags:
                perform(state.update(.tagsLoaded((try? library.allTags().map(\.tag)) ?? [])))
            case .addTag(let tag, let ids):
                _ = try? library.addTag(tag, to: ids)
                perform(state.update(.libraryChanged))
            case .removeTag(let tag, let ids):
                _ = try? library.removeTag(tag, from: ids)
                perform(state.update(.libraryChanged))
            case .rate(let value, let ids):
                try? library.setRating(value, for: ids)
                perform(state.update(.libraryChanged))
            case .favorite(let on, let ids):
                try? library.setFavorite(on, for: ids)
                perform(state.update(.libraryChanged))
            case .loadSimilar(let id, let weights, let more, let less):
                do {
                    let similarity = try library.similarityIndex()
                    let matches = try library.similar(to: id, in: similarity, k: 30, weights: weights, more: more, less: less)
                    perform(state.update(.similarLoaded(sampleId: id, matches: matches, unanalysed: similarity.unanalysed)))
                } catch {
                    perform(state.update(.similarFailed(sampleId: id, message: "\(error)")))
                }
                recorded.append(effect)
            case .loadNote(let id, let refresh):
                let service = NoteService(library: library, chain: ProviderChain(providers: []))
                if let note = try? service.note(for: id, refresh: refresh) { perform(state.update(.noteLoaded(sampleId: id, note: note))) }
            case .saveNote(let id, let text):
                if let hash = try? library.sample(id: id)?.contentHash {
                    try? library.storeEditedNote(contentHash: hash, text: text)
                }
                let service = NoteService(library: library, chain: ProviderChain(providers: []))
                if let note = try? service.note(for: id) { perform(state.update(.noteLoaded(sampleId: id, note: note))) }
            case .locate(let id, let query):
                perform(state.update(.located(sampleId: id, index: try? library.position(of: id, in: query))))
            case .scan, .export, .copyToClipboard, .setTheme, .prioritize, .play, .stopPlayback, .setLoop, .seek,
                 .setVolume, .auditionAfterGap:
                recorded.append(effect)
            }
        }
    }

    /// Effects the driver does not execute, for assertions.
    var recorded: [Effect] = []
}
