import Analysis
import Library
import TUI

/// The pure render: state + theme → a cell buffer (and where the text cursor goes).
/// Only the rows on screen are looked at, so a 100 000-row library draws like a 100-row one.
public enum Screen {
    public struct Frame {
        public var buffer: Buffer
        public var cursor: (x: Int, y: Int)?
    }

    /// Library columns, their query-language sort keys and widths.
    static let columns: [(TableColumn, SortKey?)] = [
        (TableColumn(title: "Name", width: .flexible(weight: 1)), .name),
        (TableColumn(title: "Family", width: .fixed(10)), .family),
        (TableColumn(title: "Type", width: .fixed(4)), .type),
        (TableColumn(title: "BPM", width: .fixed(5), alignment: .right), .bpm),
        (TableColumn(title: "Key", width: .fixed(6)), .key),
        (TableColumn(title: "Dur", width: .fixed(5), alignment: .right), .dur),
        (TableColumn(title: "LUFS", width: .fixed(4), alignment: .right), .lufs),
        (TableColumn(title: "Tags", width: .fixed(8)), nil),
        (TableColumn(title: "★", width: .fixed(5)), .rating),
    ]

    /// Columns that fit `width`: Tags, then LUFS, then Family are dropped on narrow terminals so
    /// the name keeps at least 16 columns.
    static func visibleColumns(width: Int) -> [Int] {
        var shown = Array(columns.indices)
        for drop in [7, 6, 1] {
            let fixed = shown.dropFirst().reduce(0) { total, index in
                if case .fixed(let w) = columns[index].0.width { return total + w + 1 }
                return total
            }
            if width - fixed >= 16 { break }
            shown.removeAll { $0 == drop }
        }
        return shown
    }

    public static func render(_ state: AppState, theme: Theme) -> Frame {
        var buffer = Buffer(width: state.width, height: state.height, style: theme.normal)
        let layout = Layout(width: state.width, height: state.height)
        if layout.isTooSmall {
            let message = "terminal too small: \(state.width)×\(state.height), need \(AppState.minimumWidth)×\(AppState.minimumHeight)"
            buffer.write(message, x: 0, y: state.height / 2, maxWidth: state.width, style: theme.error, ellipsis: true)
            return Frame(buffer: buffer, cursor: nil)
        }
        renderLibrary(state, theme: theme, area: layout.library, into: &buffer)
        renderWaveform(state, theme: theme, area: layout.waveform, into: &buffer)
        renderSimilar(state, theme: theme, area: layout.similar, into: &buffer)
        renderNotes(state, theme: theme, area: layout.notes, into: &buffer)
        let cursor = renderStatus(state, theme: theme, area: layout.status, into: &buffer)
        switch state.mode {
        case .help:
            _ = Overlay(title: "SampleMind keys — any key closes", lines: state.keymap.helpLines + helpFooter)
                .render(into: &buffer, area: buffer.area, theme: theme)
        case .sortMenu:
            let lines = SortKey.allCases.map { key in
                "\(key.shortcut)  \(key.rawValue)" + (state.sort.key == key ? (state.sort.descending ? "  ▼" : "  ▲") : "")
            } + ["", "again to reverse · Esc closes"]
            _ = Overlay(title: "Sort by", lines: lines).render(into: &buffer, area: buffer.area, theme: theme)
        default:
            break
        }
        return Frame(buffer: buffer, cursor: cursor)
    }

    static let helpFooter = ["", "In / : t T prompts: Enter applies, Esc cancels, Tab completes a tag.",
                             "Query: words -word \"phrase\" tag:x bpm:120..130 key:Am key:8A type:loop",
                             "       family:kick dur:<2s lufs:>-12 rating:>=4 fav path:drums/ sort:-bpm"]

    private static func renderLibrary(_ state: AppState, theme: Theme, area: Rect, into buffer: inout Buffer) {
        let title = state.query.isEmpty ? "Library (\(state.rowCount))" : "Library (\(state.rowCount) match \(state.query))"
        let inner = Block(title: title, focused: state.focus == .library).render(into: &buffer, area: area, theme: theme)
        let rows = state.rows
        let shown = visibleColumns(width: inner.width)
        var table = Table(columns: shown.map { columns[$0].0 }, rowCount: state.rowCount, cells: { index in
            guard let s = rows[index] else { return ["…"] }
            let all = cells(s)
            return shown.map { all[$0] }
        }, rowRole: { index in
            switch rows[index]?.status {
            case "missing": return .missing
            case "error": return .error
            default: return .normal
            }
        }, selected: state.rowCount > 0 ? state.selected : nil, offset: state.offset)
        table.marked = Set(rows.compactMap { state.marked.contains($0.value.id) ? $0.key : nil })
        table.sortColumn = shown.firstIndex { columns[$0].1 == state.sort.key }
        table.sortDescending = state.sort.descending
        table.focused = state.focus == .library
        table.render(into: &buffer, area: inner, theme: theme)
        if state.rowCount == 0 {
            let message = state.queryError ?? (state.query.isEmpty ? "The library is empty — :scan DIR adds a folder" : "No sample matches")
            buffer.write(message, x: inner.x + 1, y: inner.y + 2, maxWidth: inner.width - 2,
                         style: state.queryError == nil ? theme.muted : theme.error, ellipsis: true)
        }
    }

    static func cells(_ s: SampleSummary) -> [String] {
        let name = s.status == "ok" || s.status == "pending" ? s.name : "\(s.name) [\(s.status)]"
        let kind = s.kind.map { $0 == "oneshot" ? "one" : $0 } ?? (s.status == "pending" ? "…" : "")
        return [name, s.family ?? "", kind,
                s.bpm.map { String(format: "%.1f", $0) } ?? "", s.key.map { "\($0) \(s.camelot ?? "")" } ?? "",
                s.duration.map { $0 < 10 ? String(format: "%.2f", $0) : String(format: "%.0f", $0) } ?? "",
                s.lufs.map { String(format: "%.0f", $0) } ?? "", s.tags.joined(separator: ","),
                String(repeating: "★", count: s.rating) + (s.favorite ? "♥" : "")]
    }

    private static func renderWaveform(_ state: AppState, theme: Theme, area: Rect, into buffer: inout Buffer) {
        let inner = Block(title: "Waveform · Spectrum", focused: state.focus == .waveform).render(into: &buffer, area: area, theme: theme)
        guard let detail = state.detail, detail.sampleId == state.selectedSample?.id else {
            if state.selectedSample != nil {
                buffer.write("loading…", x: inner.x + 1, y: inner.y, maxWidth: inner.width - 1, style: theme.muted)
            }
            return
        }
        if let error = detail.error {
            buffer.write("cannot read: \(error)", x: inner.x, y: inner.y, maxWidth: inner.width, style: theme.error, ellipsis: true)
            return
        }
        let spectrumHeight = max(2, inner.height / 3)
        let waveArea = Rect(x: inner.x, y: inner.y, width: inner.width, height: max(1, inner.height - spectrumHeight))
        let spectrumArea = Rect(x: inner.x, y: inner.y + waveArea.height, width: inner.width, height: spectrumHeight)
        var playhead: Double?
        if let playing = state.playing, playing.path == state.selectedSample?.path, playing.duration > 0 {
            playhead = min(1, max(0, playing.position / playing.duration))
        }
        Waveform(columns: detail.waveform, playhead: playhead).render(into: &buffer, area: waveArea, theme: theme)
        Spectrum(levels: detail.spectrum, floorDB: -100, ceilingDB: -10).render(into: &buffer, area: spectrumArea, theme: theme)
    }

    private static func renderSimilar(_ state: AppState, theme: Theme, area: Rect, into buffer: inout Buffer) {
        var title = "Similar"
        if state.similarUnanalysed > 0 { title += " (\(state.similarUnanalysed) not analysed, skipped)" }
        if !state.weights.isEmpty || !state.moreLike.isEmpty || !state.lessLike.isEmpty { title += " · tuned" }
        let inner = Block(title: title, focused: state.focus == .similar).render(into: &buffer, area: area, theme: theme)
        guard state.similarFor == state.selectedSample?.id, state.selectedSample != nil else { return }
        if let message = state.similarMessage {
            Paragraph(message, style: theme.muted).render(into: &buffer, area: inner, theme: theme)
            return
        }
        // score, five aspect bars (timbre spectrum pitch envelope rhythm: fuller = closer), name
        let offset = max(0, state.similarSelected - inner.height + 1)
        for (row, index) in (offset..<min(state.similar.count, offset + inner.height)).enumerated() {
            let match = state.similar[index]
            let bars = ["timbre", "spectrum", "pitch", "envelope", "rhythm"].map { aspect -> String in
                let closeness = max(0, min(1, 1 - (match.aspects[aspect] ?? 2) / 2))
                return ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"][min(7, Int(closeness * 8))]
            }.joined()
            let line = String(format: "%.2f ", match.score) + bars + " " + match.sample.name
            let selected = state.focus == .similar && index == state.similarSelected
            let playing = state.playing?.path == match.sample.path
            buffer.write((playing ? "▶" : " ") + line, x: inner.x, y: inner.y + row, maxWidth: inner.width,
                         style: selected ? theme.selected : theme.normal, ellipsis: true)
        }
    }

    private static func renderNotes(_ state: AppState, theme: Theme, area: Rect, into buffer: inout Buffer) {
        var title = "Notes"
        let note = state.noteFor == state.selectedSample?.id ? state.note : nil
        if let note {
            let age = max(0, Date().timeIntervalSince1970 - note.createdAt)
            let when = age < 120 ? "just now" : age < 7200 ? "\(Int(age / 60)) min ago" : age < 172_800 ? "\(Int(age / 3600)) h ago"
                : "\(Int(age / 86400)) days ago"
            title += note.source == "offline" ? " · offline" : note.source == "user" ? " · yours, \(when)"
                : " · \(note.source) \(note.model), \(when)"
        } else if state.noteAsking {
            title += " · asking …"
        }
        let inner = Block(title: title, focused: state.focus == .notes).render(into: &buffer, area: area, theme: theme)
        guard let sample = state.selectedSample else { return }
        let analysis = state.detail?.sampleId == sample.id ? state.detail?.analysis : nil
        var text = ""
        if let note { text = note.text + "\n\n" }
        text += DescriptorSummary.lines(sample, analysis).joined(separator: "\n")
        Paragraph(text).render(into: &buffer, area: inner, theme: theme)
    }

    /// The status line, or the prompt of an input mode; returns the text cursor position.
    private static func renderStatus(_ state: AppState, theme: Theme, area: Rect, into buffer: inout Buffer) -> (x: Int, y: Int)? {
        let prompt: String?
        switch state.mode {
        case .search: prompt = "/"
        case .command: prompt = ":"
        case .tagAdd: prompt = "tag+ "
        case .tagRemove: prompt = "tag− "
        case .noteEdit: prompt = "note: "
        default: prompt = nil
        }
        if let prompt {
            let column = TextInput(prompt: prompt, text: state.input, cursor: state.inputCursor)
                .render(into: &buffer, area: area, theme: theme)
            return (column, area.y)
        }
        var right = "\(state.rowCount) samples"
        if let scan = state.scan {
            right = scan.total > 0 && scan.phase != "scanning"
                ? String(format: "%@ %d/%d %.0f/s", scan.phase, scan.done, scan.total, scan.rate)
                    + (scan.eta.map { String(format: " ETA %.0fs", $0) } ?? "")
                : "\(scan.phase) \(scan.done)"
        }
        if !state.marked.isEmpty { right = "\(state.marked.count) marked · " + right }
        if let playing = state.playing {
            let name = (playing.path as NSString).lastPathComponent
            right = String(format: "▶ %@ %.1f/%.1fs", name, playing.position, playing.duration) + " · " + right
        }
        var flags: [String] = []
        if state.autoplay { flags.append("auto") }
        if state.loop { flags.append("loop") }
        if state.volume < 0.999 { flags.append("vol \(Int((state.volume * 100).rounded()))%") }
        if !flags.isEmpty { right = flags.joined(separator: " ") + " · " + right }
        StatusBar(mode: state.statusIsError ? "!" : nil, left: state.status,
                  center: state.query.isEmpty ? nil : "/" + state.query, right: right)
            .render(into: &buffer, area: area, theme: theme)
        return nil
    }
}

import Foundation
