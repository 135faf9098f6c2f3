import AI
import App
import AudioIO
import Dispatch
import Engine
import Foundation
import Glibc
import Library
import Locking
import TUI
import TUICurses

/// Runs the browser: the main thread owns the state and the terminal and waits in `poll` on
/// stdin and a wake-up pipe; database reads, file decoding and scans run on other queues and
/// post their results as actions into an inbox, then write one byte to the pipe. The UI never
/// waits for analysis, the database or the disk.
final class BrowserRuntime: @unchecked Sendable {
    // @unchecked: `state`, `theme`, `previous` and `terminal` are only touched on the main thread
    // (run/handle/render); other threads only call `post`, which goes through the Locked and the pipe.
    private let terminal: CursesTerminal
    private let library: SampleLibrary
    private let engine: AnalysisEngine
    private var player: Player!
    /// The similarity index, built on the database queue when first needed and after changes.
    private var similarity: LibrarySimilarity?
    private let themes: ThemeStore
    private var state = AppState()
    private var theme: Theme
    private var previous: Buffer?
    private let inbox = Locked<[Action]>([])
    private let wakeRead: Int32, wakeWrite: Int32
    private let database = DispatchQueue(label: "samplemind.database", qos: .userInitiated)
    private let files = DispatchQueue(label: "samplemind.files", qos: .userInitiated)
    private let scans = DispatchQueue(label: "samplemind.scan", qos: .utility)
    private let notes = DispatchQueue(label: "samplemind.notes", qos: .utility)
    private let noteService: NoteService?
    /// The newest note request: older ones still queued are dropped (the selection moved on).
    private let latestNote = Locked<Int64?>(nil)
    /// With SAMPLEMIND_FRAME_LOG=PATH, one line per frame: what triggered it and how long
    /// from the key (or wake-up) to the terminal update (for bench/ui_bench.sh).
    private let frameLog: UnsafeMutablePointer<FILE>?

    init(terminal: CursesTerminal, library: SampleLibrary, themes: ThemeStore, keymap: Keymap, themeName: String,
         audioDevice: String, noteService: NoteService?) {
        self.noteService = noteService
        self.terminal = terminal
        self.library = library
        self.themes = themes
        engine = AnalysisEngine(library: library)
        frameLog = ProcessInfo.processInfo.environment["SAMPLEMIND_FRAME_LOG"].flatMap { fopen($0, "w") }
        state.keymap = keymap
        state.themeName = themeName
        theme = themes.theme(named: themeName, mode: terminal.colorMode)
        var fds: [Int32] = [0, 0]
        pipe(&fds)
        wakeRead = fds[0]
        wakeWrite = fds[1]
        for fd in fds { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        player = Player(sink: { ALSASink(device: audioDevice) }, onEvent: { [weak self] event in
            self?.post(.playerEvent(event))
        })
        player.volume = state.volume
    }

    /// Hands an action to the main loop from any thread.
    func post(_ action: Action) {
        inbox.withLock { $0.append(action) }
        var byte: UInt8 = 1
        _ = Glibc.write(wakeWrite, &byte, 1)
    }

    /// The main loop; returns when the user quits.
    func run(scanFirst folders: [String]) {
        let size = terminal.size
        handle(.resize(width: size.width, height: size.height))
        perform(state.requery(keepSelection: false))
        if !folders.isEmpty { perform([.scan(folders)]) }
        render()
        log("start", since: ProcessStart.nanoseconds)
        while !state.shouldQuit {
            var fds = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0)]
            // while playing, wake every 40 ms so the playhead moves; EINTR on SIGWINCH is fine
            _ = poll(&fds, 2, state.playing == nil ? 500 : 40)
            let woke = DispatchTime.now().uptimeNanoseconds
            var drained = [UInt8](repeating: 0, count: 256)
            while read(wakeRead, &drained, drained.count) > 0 {}
            let keys = terminal.readKeys()
            for key in keys {
                if key == .resize {
                    let size = terminal.size
                    terminal.clearScreen()
                    previous = nil
                    handle(.resize(width: size.width, height: size.height))
                } else if let action = state.action(for: key) {
                    handle(action)
                }
            }
            for action in inbox.withLock({ inbox -> [Action] in defer { inbox.removeAll() }; return inbox }) {
                handle(action)
            }
            if state.playing != nil {
                let status = player.status
                handle(.playerTick(path: status.path, position: status.position, duration: status.duration))
            }
            render()
            log(keys.isEmpty ? "wake" : "key", since: woke)
        }
        engine.cancel()
        player.shutdown()
        if let frameLog {
            fputs("peak-rss-kib \(ProcessStart.peakResidentKiB)\n", frameLog)
            fclose(frameLog)
        }
    }

    private func log(_ kind: String, since start: UInt64) {
        guard let frameLog else { return }
        let micros = Double(DispatchTime.now().uptimeNanoseconds - start) / 1000
        fputs("\(kind) \(micros)\n", frameLog)
        fflush(frameLog)
    }

    private func handle(_ action: Action) {
        perform(state.update(action))
    }

    private func render() {
        let buffer = Screen.render(state, theme: theme)
        let changes = previous.map { buffer.buffer.diff(from: $0) } ?? buffer.buffer.diff(from: Buffer(width: 0, height: 0))
        terminal.draw(changes, cursor: buffer.cursor)
        previous = buffer.buffer
    }

    private func perform(_ effects: [Effect]) {
        for effect in effects { perform(effect) }
    }

    private func perform(_ effect: Effect) {
        let library = library
        switch effect {
        case .loadRows(let query, let offset, let limit, let generation):
            database.async { [self] in
                do {
                    let rows = try library.search(query, limit: limit, offset: offset)
                    let total = offset == 0 ? try library.count(query) : -1   // -1: keep the known total
                    post(.rowsLoaded(generation: generation, offset: offset, rows: rows, total: total))
                } catch {
                    post(.queryFailed(generation: generation, message: "\(error)"))
                }
            }
        case .loadDetail(let id, let path):
            files.async { [self] in post(.detailLoaded(DetailLoader.load(sampleId: id, path: path, library: library))) }
        case .loadTags:
            database.async { [self] in post(.tagsLoaded((try? library.allTags().map(\.tag)) ?? [])) }
        case .addTag(let tag, let ids):
            database.async { [self] in write { try library.addTag(tag, to: ids) } }
        case .removeTag(let tag, let ids):
            database.async { [self] in write { try library.removeTag(tag, from: ids) } }
        case .rate(let value, let ids):
            database.async { [self] in write { try library.setRating(value, for: ids) } }
        case .favorite(let on, let ids):
            database.async { [self] in write { try library.setFavorite(on, for: ids) } }
        case .scan(let folders):
            scans.async { [self] in scan(folders) }
        case .export(let ids, let folder):
            files.async { [self] in export(ids, to: folder) }
        case .copyToClipboard(let text):
            terminal.writeRaw(OSC52.sequence(copying: text))
        case .setTheme(let name):
            if themes.exists(name) {
                theme = themes.theme(named: name, mode: terminal.colorMode)
                state.themeName = name
                previous = nil
                handle(.message("theme \(name)", isError: false))
            } else {
                handle(.message("no theme named \(name) (\(themes.available.joined(separator: ", ")))", isError: true))
            }
        case .prioritize(let id):
            engine.prioritize(sampleId: id)
        case .play(let path, let sampleId):
            // by the stored bytes: the display path is lossy when the name is not UTF-8
            player.play(path, bytes: (try? library.rawPath(of: sampleId))??.bytes)
        case .stopPlayback:
            player.stop()
        case .setLoop(let on):
            player.loop = on
        case .seek(let seconds):
            player.seek(by: seconds)
        case .setVolume(let volume):
            player.volume = volume
        case .loadSimilar(let id, let weights, let more, let less):
            database.async { [self] in loadSimilar(id, weights: weights, more: more, less: less) }
        case .loadNote(let id, let refresh):
            latestNote.withLock { $0 = id }
            notes.async { [self] in
                guard latestNote.withLock({ $0 }) == id, let noteService else { return }
                if let note = try? noteService.note(for: id, refresh: refresh) { post(.noteLoaded(sampleId: id, note: note)) }
            }
        case .saveNote(let id, let text):
            notes.async { [self] in
                do {
                    guard let hash = try library.sample(id: id)?.contentHash else { return }
                    try library.storeEditedNote(contentHash: hash, text: text)
                    if let note = try noteService?.note(for: id) { post(.noteLoaded(sampleId: id, note: note)) }
                } catch {
                    post(.message("cannot save the note: \(Self.describe(error))", isError: true))
                }
            }
        case .locate(let id, let query):
            database.async { [self] in
                post(.located(sampleId: id, index: (try? library.position(of: id, in: query)) ?? nil))
            }
        case .auditionAfterGap:
            files.asyncAfter(deadline: .now() + 0.3) { [self] in post(.auditionSequenceStep) }
        }
    }

    /// Runs on the database queue (which owns `similarity`).
    private func loadSimilar(_ id: Int64, weights: [String: Float], more: [Int64], less: [Int64]) {
        do {
            if similarity == nil { similarity = try library.similarityIndex() }
            guard let index = similarity else { return }
            let matches = try library.similar(to: id, in: index, k: 30, weights: weights, more: more, less: less)
            post(.similarLoaded(sampleId: id, matches: matches, unanalysed: index.unanalysed))
        } catch {
            let status = (try? library.sample(id: id)?.status) ?? nil
            let message = status == "error" ? "this sample could not be analysed, so nothing is similar to it"
                : status == "pending" ? "not analysed yet — similar samples appear when it is" : "\(error)"
            post(.similarFailed(sampleId: id, message: message))
        }
    }

    private func write(_ body: () throws -> Void) {
        do {
            try body()
            similarity = nil
            post(.libraryChanged)
        } catch {
            post(.message(Self.describe(error), isError: true))
        }
    }

    /// An error as a status-line sentence: storage failures (full disk, read-only database) in plain words.
    private static func describe(_ error: any Error) -> String {
        StorageFailure.explanation(of: error) ?? "\(error)"
    }

    private func scan(_ folders: [String]) {
        let roots = folders.map { RawPath(($0 as NSString).expandingTildeInPath) }
        for root in roots where !FileManager.default.fileExists(atPath: root.display) {
            post(.message("folder not found: \(root.display)", isError: true))
            return
        }
        do {
            let summary = try Scanner().scan(roots, into: library) { [self] in post(.scanProgress($0)) }
            post(.libraryChanged)
            let result = try engine.run(progress: { [self] progress in
                if progress.done % 10 == 0 || progress.done == progress.total { post(.scanProgress(progress)) }
            })
            let offline = summary.offlineRoots + (try Scanner().markUnreachable(
                roots.filter { !summary.offlineRoots.contains($0.display) }, in: library))
            try library.optimize()
            database.async { [self] in similarity = nil }
            post(.scanFinished(summary: "scan: +\(summary.added) new, \(summary.changed) changed, \(summary.moved) moved, "
                + "\(summary.missing) missing; analysed \(result.analysed), \(result.failed) errors"
                + (offline.isEmpty ? "" : "; offline: " + offline.joined(separator: ", "))))
        } catch {
            post(.message("scan failed: \(Self.describe(error))", isError: true))
        }
    }

    private func export(_ ids: [Int64], to folder: String) {
        let target = (folder as NSString).expandingTildeInPath
        do {
            try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
            var copied = 0, alreadyThere = 0
            for id in ids {
                guard let source = try library.rawPath(of: id) else { continue }
                switch try FileExporter.copy(source, into: RawPath(target)) {
                case .copied: copied += 1
                case .alreadyThere: alreadyThere += 1
                }
            }
            post(.message("exported \(copied) files to \(target)"
                + (alreadyThere > 0 ? " (\(alreadyThere) already there, left as they were)" : ""), isError: false))
        } catch {
            post(.message("export failed: \(Self.describe(error))", isError: true))
        }
    }
}

/// The OSC 52 escape sequence that asks the terminal (also over SSH, and through tmux with
/// `set-clipboard on`) to put text on the local clipboard.
enum OSC52 {
    static func sequence(copying text: String) -> String {
        "\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}"
    }
}
