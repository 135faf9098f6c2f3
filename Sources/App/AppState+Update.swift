import Engine
import Foundation
import Library
import TUI

extension AppState {
    /// Decodes a key press for the current mode.
    public func action(for key: KeyPress) -> Action? {
        if key == .resize { return nil }
        switch mode {
        case .normal:
            if focus == .similar, !similar.isEmpty {
                switch key {
                case .character("s"): return .moreLikeThis
                case .character("S"): return .lessLikeThis
                default: break
                }
            }
            return keymap.bindings[key]?.action
        case .help:
            return .toggleHelp
        case .sortMenu:
            if key == .escape { return .cancel }
            if case .character(let c) = key {
                if let sortKey = SortKey.allCases.first(where: { $0.shortcut == c }) { return .sortBy(sortKey) }
            }
            return nil
        case .search, .command, .tagAdd, .tagRemove, .noteEdit:
            switch key {
            case .escape, .control("c"): return .cancel
            case .enter: return .submit
            case .backspace, .delete: return .inputBackspace
            case .left: return .inputLeft
            case .right: return .inputRight
            case .tab: return .complete
            case .character(let c): return .input(c)
            case .down: return .moveDown
            case .up: return .moveUp
            default: return nil
            }
        }
    }

    /// Applies one action and returns the work it needs done.
    public mutating func update(_ action: Action) -> [Effect] {
        switch action {
        case .moveDown where focus == .similar && !similar.isEmpty:
            similarSelected = min(similar.count - 1, similarSelected + 1)
            return []
        case .moveUp where focus == .similar && !similar.isEmpty:
            similarSelected = max(0, similarSelected - 1)
            return []
        case .open where focus == .similar && similar.indices.contains(similarSelected):
            let target = similar[similarSelected].sample.id
            return [.locate(sampleId: target, query: effectiveQuery)]
        case .moveDown: return select(selected + 1)
        case .moveUp: return select(selected - 1)
        case .pageDown: return select(selected + visibleRows)
        case .pageUp: return select(selected - visibleRows)
        case .top: return select(0)
        case .bottom: return select(rowCount - 1)
        case .nextPane:
            focus = Pane(rawValue: (focus.rawValue + 1) % Pane.allCases.count)!
            return []
        case .previousPane:
            focus = Pane(rawValue: (focus.rawValue + Pane.allCases.count - 1) % Pane.allCases.count)!
            return []
        case .open:
            focus = .notes
            return []

        case .startSearch:
            mode = .search(previousQuery: query)
            setInput(query)
            return []
        case .startCommand:
            mode = .command
            setInput("")
            return []
        case .startTag, .startUntag:
            guard !targetIds.isEmpty else { return say("no sample selected", error: true) }
            mode = action.isStartTag ? .tagAdd : .tagRemove
            setInput("")
            return [.loadTags]
        case .openSortMenu:
            mode = .sortMenu
            return []
        case .toggleHelp:
            mode = mode == .help ? .normal : .help
            return []
        case .cancel:
            return cancel()
        case .submit:
            return submit()
        case .input(let c):
            let index = input.index(input.startIndex, offsetBy: inputCursor)
            input.insert(c, at: index)
            inputCursor += 1
            return searchAsYouType()
        case .inputBackspace:
            guard inputCursor > 0 else { return [] }
            let index = input.index(input.startIndex, offsetBy: inputCursor - 1)
            input.remove(at: index)
            inputCursor -= 1
            return searchAsYouType()
        case .inputLeft:
            inputCursor = max(0, inputCursor - 1)
            return []
        case .inputRight:
            inputCursor = min(input.count, inputCursor + 1)
            return []
        case .complete:
            return completeTag()

        case .rate(let value):
            let ids = targetIds
            guard !ids.isEmpty else { return [] }
            return [.rate(value, sampleIds: ids)] + say(value == 0 ? "rating cleared" : "rated \(value)")
        case .toggleFavorite:
            guard let sample = selectedSample else { return [] }
            let ids = targetIds
            return [.favorite(!sample.favorite, sampleIds: ids)] + say(sample.favorite ? "unmarked favourite" : "favourite")
        case .toggleMark:
            guard let sample = selectedSample else { return [] }
            if marked.contains(sample.id) { marked.remove(sample.id) } else { marked.insert(sample.id) }
            markAnchor = selected
            return select(selected + 1)
        case .markRange:
            guard let anchor = markAnchor else { return update(.toggleMark) }
            for index in min(anchor, selected)...max(anchor, selected) {
                if let sample = rows[index] { marked.insert(sample.id) }
            }
            return say("\(marked.count) marked")
        case .copyPath:
            guard let sample = selectedSample else { return [] }
            return [.copyToClipboard(sample.path)] + say("copied the path")
        case .quit:
            shouldQuit = true
            return []
        case .sortBy(let key):
            sort = (key, sort.key == key ? !sort.descending : false)
            mode = .normal
            return requery(keepSelection: false)

        case .togglePlay:
            auditioningAll = false
            if playing != nil { return [.stopPlayback] }
            guard let sample = selectedSample else { return [] }
            return [.play(path: sample.path, sampleId: sample.id)]
        case .toggleAutoplay:
            autoplay.toggle()
            return say(autoplay ? "auto-play on" : "auto-play off")
        case .toggleLoop:
            loop.toggle()
            return [.setLoop(loop)] + say(loop ? "loop on" : "loop off")
        case .seekBack:
            return playing == nil ? [] : [.seek(by: -1)]
        case .seekForward:
            return playing == nil ? [] : [.seek(by: 1)]
        case .volumeUp, .volumeDown:
            volume = max(0, min(1, volume + (action.isVolumeUp ? 0.1 : -0.1)))
            return [.setVolume(volume)] + say("volume \(Int((volume * 100).rounded())) %")
        case .auditionNext, .auditionPrevious:
            auditioningAll = false
            return audition(step: action.isAuditionNext ? 1 : -1)
        case .auditionAll:
            auditioningAll = true
            auditionIndex = similar.isEmpty ? selected - 1 : -1
            return audition(step: 1)
        case .moreLikeThis, .lessLikeThis:
            guard similar.indices.contains(similarSelected), let anchor = similarFor else { return [] }
            let id = similar[similarSelected].sample.id
            if case .moreLikeThis = action { moreLike.append(id) } else { lessLike.append(id) }
            return [.loadSimilar(sampleId: anchor, weights: weights, more: moreLike, less: lessLike)]
                + say(action.isMore ? "more like \(similar[similarSelected].sample.name)" : "less like \(similar[similarSelected].sample.name)")
        case .similarLoaded(let id, let matches, let unanalysed):
            guard id == selectedSample?.id else { return [] }
            similarFor = id
            similar = matches
            similarUnanalysed = unanalysed
            similarSelected = min(similarSelected, max(0, matches.count - 1))
            similarMessage = nil
            return []
        case .similarFailed(let id, let message):
            guard id == selectedSample?.id else { return [] }
            similarFor = id
            similar = []
            similarMessage = message
            return []
        case .located(let id, let index):
            guard let index else {
                // not in the current list: show everything, then look again
                query = ""
                return requery(keepSelection: false) + [.locate(sampleId: id, query: effectiveQuery)]
            }
            focus = .library
            return select(index)
        case .auditionSequenceStep:
            return auditioningAll ? audition(step: 1) : []
        case .noteLoaded(let id, let loaded):
            guard id == selectedSample?.id else { return [] }
            noteFor = id
            note = loaded
            noteAsking = false
            return []
        case .regenerateNote:
            guard let sample = selectedSample else { return [] }
            noteAsking = true
            return [.loadNote(sampleId: sample.id, refresh: true)] + say("asking for a new note …")
        case .editNote:
            guard selectedSample != nil else { return [] }
            mode = .noteEdit
            setInput(noteFor == selectedSample?.id ? (note?.text ?? "").replacingOccurrences(of: "\n", with: " ") : "")
            return []
        case .playerEvent(let event):
            return playerEvent(event)
        case .playerTick(let path, let position, let duration):
            if let path { playing = (path, position, duration) } else { playing = nil }
            return []

        case .resize(let w, let h):
            width = w
            height = h
            offset = Table.scrollOffset(selected: selected, current: offset, visibleRows: visibleRows, rowCount: rowCount)
            return loadVisiblePages()

        case .rowsLoaded(let gen, let start, let page, let total):
            guard gen == generation else { return [] }
            pendingPages.remove(start)
            if total >= 0 { rowCount = total }
            for (i, row) in page.enumerated() { rows[start + i] = row }
            if selected >= rowCount { selected = max(0, rowCount - 1) }
            return detailIfNeeded()
        case .queryFailed(let gen, let message):
            guard gen == generation else { return [] }
            queryError = message
            return say(message, error: true)
        case .detailLoaded(let loaded):
            guard loaded.sampleId == selectedSample?.id else { return [] }
            detail = loaded
            // A missing file's reason is already in its row and its pane: the status line keeps what it
            // says (the scan summary that names the offline root).
            if let error = loaded.error, selectedSample?.status != "missing" {
                return say("cannot read \(selectedSample?.name ?? "the sample"): \(error)", error: true)
            }
            return []
        case .tagsLoaded(let tags):
            tagCompletions = tags
            return []
        case .scanProgress(let progress):
            scan = progress
            return []
        case .scanFinished(let summary):
            scan = nil
            detailIsStale = true
            return say(summary) + requery(keepSelection: true)
        case .message(let text, let isError):
            return say(text, error: isError)
        case .libraryChanged:
            detailIsStale = true
            return requery(keepSelection: true)
        }
    }

    /// The samples an action applies to: the marked ones, else the selected one.
    public var targetIds: [Int64] {
        if !marked.isEmpty { return marked.sorted() }
        return selectedSample.map { [$0.id] } ?? []
    }

    /// Starts a fresh query: new generation, empty cache, first pages requested.
    public mutating func requery(keepSelection: Bool) -> [Effect] {
        generation += 1
        rows = [:]
        pendingPages = []
        if !keepSelection {
            selected = 0
            offset = 0
        }
        detail = keepSelection ? detail : nil
        return loadVisiblePages()
    }

    // MARK: - helpers

    private mutating func select(_ index: Int) -> [Effect] {
        guard rowCount > 0 else { return [] }
        let previous = selectedSample?.id
        selected = min(max(0, index), rowCount - 1)
        offset = Table.scrollOffset(selected: selected, current: offset, visibleRows: visibleRows, rowCount: rowCount)
        var effects = loadVisiblePages()
        if selectedSample?.id != previous {
            effects += detailIfNeeded()
            if autoplay, let sample = selectedSample { effects.append(.play(path: sample.path, sampleId: sample.id)) }
        }
        return effects
    }

    /// Requests the pages covering the viewport (and the selection) that are not cached yet.
    mutating func loadVisiblePages() -> [Effect] {
        let first = offset / AppState.pageSize * AppState.pageSize
        let last = max(first, (offset + visibleRows) / AppState.pageSize * AppState.pageSize)
        var effects: [Effect] = []
        for page in Set([first, last, selected / AppState.pageSize * AppState.pageSize]).sorted()
        where rows[page] == nil && !pendingPages.contains(page) && (page == 0 || page < rowCount) {
            pendingPages.insert(page)
            effects.append(.loadRows(query: effectiveQuery, offset: page, limit: AppState.pageSize, generation: generation))
        }
        // forget rows far from the viewport so memory stays flat on huge libraries
        if rows.count > AppState.pageSize * 6 {
            rows = rows.filter { abs($0.key - selected) < AppState.pageSize * 3 }
        }
        return effects
    }

    private mutating func detailIfNeeded() -> [Effect] {
        guard let sample = selectedSample, detail?.sampleId != sample.id || detailIsStale else { return [] }
        detailIsStale = false
        if similarFor != sample.id {
            moreLike = []
            lessLike = []
            similarSelected = 0
            auditionIndex = nil
        }
        if noteFor != sample.id {
            note = nil
            noteAsking = true
        }
        var effects: [Effect] = [.loadDetail(sampleId: sample.id, path: sample.path),
                                 .loadSimilar(sampleId: sample.id, weights: weights, more: moreLike, less: lessLike),
                                 .loadNote(sampleId: sample.id, refresh: false)]
        if sample.status == "pending" { effects.append(.prioritize(sampleId: sample.id)) }
        return effects
    }

    private mutating func cancel() -> [Effect] {
        switch mode {
        case .search(let previous):
            mode = .normal
            if query != previous {
                query = previous
                queryError = nil
                return requery(keepSelection: false)
            }
            return []
        case .normal where playing != nil || auditioningAll:
            auditioningAll = false
            return [.stopPlayback] + say("stopped")
        case .normal:
            let hadQuery = !query.isEmpty
            marked = []
            markAnchor = nil
            query = ""
            queryError = nil
            return hadQuery ? requery(keepSelection: false) : say("cleared")
        default:
            mode = .normal
            return []
        }
    }

    private mutating func submit() -> [Effect] {
        let text = input.trimmingCharacters(in: .whitespaces)
        let current = mode
        mode = .normal
        switch current {
        case .search:
            return []    // results already follow the input
        case .tagAdd:
            guard !text.isEmpty else { return [] }
            return [.addTag(text, sampleIds: targetIds)] + say("tagged \(targetIds.count) with \"\(text)\"")
        case .noteEdit:
            guard let sample = selectedSample, !text.isEmpty else { return [] }
            return [.saveNote(sampleId: sample.id, text: text)] + say("note saved")
        case .tagRemove:
            guard !text.isEmpty else { return [] }
            return [.removeTag(text, sampleIds: targetIds)] + say("removed \"\(text)\" from \(targetIds.count)")
        case .command:
            return runCommand(text)
        default:
            return []
        }
    }

    private mutating func runCommand(_ line: String) -> [Effect] {
        let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
        guard let name = parts.first else { return [] }
        let argument = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        switch name {
        case "q", "quit", "q!":
            shouldQuit = true
            return []
        case "scan":
            guard !argument.isEmpty else { return say(":scan needs a folder", error: true) }
            return [.scan([argument])] + say("scanning \(argument) …")
        case "tag":
            guard !argument.isEmpty, !targetIds.isEmpty else { return say(":tag needs a tag and a selection", error: true) }
            return [.addTag(argument, sampleIds: targetIds)] + say("tagged \(targetIds.count) with \"\(argument)\"")
        case "export":
            guard !argument.isEmpty, !targetIds.isEmpty else { return say(":export needs a folder and a selection", error: true) }
            return [.export(sampleIds: targetIds, to: argument)]
        case "weights":
            var parsed: [String: Float] = [:]
            for part in argument.split(separator: ",") {
                let pieces = part.split(separator: "=")
                guard pieces.count == 2, let value = Float(pieces[1]), value >= 0,
                      ["timbre", "spectrum", "pitch", "envelope", "rhythm"].contains(String(pieces[0])) else {
                    return say(":weights ASPECT=N,… with timbre spectrum pitch envelope rhythm", error: true)
                }
                parsed[String(pieces[0])] = value
            }
            weights = parsed
            guard let id = selectedSample?.id else { return say("weights set") }
            return [.loadSimilar(sampleId: id, weights: weights, more: moreLike, less: lessLike)]
                + say(parsed.isEmpty ? "weights reset" : "weights " + argument)
        case "theme":
            guard !argument.isEmpty else { return say(":theme needs a name (default, light, high-contrast, monochrome)", error: true) }
            return [.setTheme(argument)]
        default:
            return say("unknown command :\(name)", error: true)
        }
    }

    private mutating func searchAsYouType() -> [Effect] {
        guard case .search = mode else { return [] }
        query = input
        queryError = nil
        return requery(keepSelection: false)
    }

    private mutating func completeTag() -> [Effect] {
        guard mode == .tagAdd || mode == .tagRemove else { return [] }
        let prefix = input.lowercased()
        guard let match = tagCompletions.first(where: { $0.lowercased().hasPrefix(prefix) && $0.count > prefix.count }) else {
            return []
        }
        setInput(match)
        return []
    }

    private mutating func setInput(_ text: String) {
        input = text
        inputCursor = text.count
    }

    /// Plays the list entry `step` away from the last auditioned one, without moving the cursor.
    private mutating func audition(step: Int) -> [Effect] {
        if !similar.isEmpty {
            let next = (auditionIndex ?? -1) + step
            guard similar.indices.contains(next) else {
                auditioningAll = false
                return say("end of the similar list")
            }
            auditionIndex = next
            similarSelected = next
            return [.play(path: similar[next].sample.path, sampleId: similar[next].sample.id)] + say("auditioning \(similar[next].sample.name)")
        }
        guard rowCount > 0 else { return [] }
        let next = (auditionIndex ?? selected) + step
        guard next >= 0, next < rowCount else {
            auditioningAll = false
            return say("end of the list")
        }
        guard let sample = rows[next] else { return loadVisiblePages() }
        auditionIndex = next
        return [.play(path: sample.path, sampleId: sample.id)] + say("auditioning \(sample.name)")
    }

    private mutating func playerEvent(_ event: Player.Event) -> [Effect] {
        switch event {
        case .started(let path):
            playing = (path, 0, playing?.duration ?? 0)
            audioError = nil
            return []
        case .stopped:
            return []
        case .finished:
            playing = nil
            return auditioningAll ? [.auditionAfterGap] : []
        case .failed(let path, let reason):
            playing = nil
            auditioningAll = false
            if path == nil { audioError = reason }
            return say(reason, error: true)
        }
    }

    private mutating func say(_ text: String, error: Bool = false) -> [Effect] {
        status = text
        statusIsError = error
        return []
    }
}

extension Action {
    var isStartTag: Bool { if case .startTag = self { return true } else { return false } }
    var isVolumeUp: Bool { if case .volumeUp = self { return true } else { return false } }
    var isAuditionNext: Bool { if case .auditionNext = self { return true } else { return false } }
    var isMore: Bool { if case .moreLikeThis = self { return true } else { return false } }
}
