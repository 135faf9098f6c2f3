import Engine
import Library
import Similarity
import AI

/// Everything that can happen to the browser: keys turned into intents, and results arriving
/// from the database, the engine or the file system. `AppState.update` is the only place that
/// changes state in response.
public enum Action: Sendable {
    // navigation
    case moveDown, moveUp, pageDown, pageUp, top, bottom, nextPane, previousPane, open
    // modes
    case startSearch, startCommand, startTag, startUntag, openSortMenu, toggleHelp, cancel, submit
    case input(Character), inputBackspace, inputLeft, inputRight, complete
    // sample actions
    case rate(Int), toggleFavorite, toggleMark, markRange, copyPath, quit
    case sortBy(SortKey)
    // playback
    case togglePlay, toggleAutoplay, toggleLoop, seekBack, seekForward, volumeUp, volumeDown
    case auditionNext, auditionPrevious, auditionAll
    /// The next step of the `A` sequence, after the gap.
    case auditionSequenceStep
    case playerEvent(Player.Event)
    case playerTick(path: String?, position: Double, duration: Double)
    // similar samples
    case similarLoaded(sampleId: Int64, matches: [SimilarMatch], unanalysed: Int)
    case similarFailed(sampleId: Int64, message: String)
    case moreLikeThis, lessLikeThis
    case located(sampleId: Int64, index: Int?)
    // AI notes
    case noteLoaded(sampleId: Int64, note: NoteService.Note)
    case regenerateNote, editNote
    // terminal
    case resize(width: Int, height: Int)
    // results
    /// `total` is the query's match count, or −1 when this page did not count (keep the known one).
    case rowsLoaded(generation: Int, offset: Int, rows: [SampleSummary], total: Int)
    case queryFailed(generation: Int, message: String)
    case detailLoaded(SampleDetail)
    case tagsLoaded([String])
    case scanProgress(Progress)
    case scanFinished(summary: String)
    case message(String, isError: Bool)
    case libraryChanged
}

/// Columns the library can be sorted by (the `s` menu), with their query-language names.
public enum SortKey: String, CaseIterable, Sendable {
    case name, bpm, key, dur, lufs, rating, added, family, type

    /// The menu shortcut for this key.
    public var shortcut: Character {
        switch self {
        case .name: return "n"
        case .bpm: return "b"
        case .key: return "k"
        case .dur: return "d"
        case .lufs: return "l"
        case .rating: return "r"
        case .added: return "a"
        case .family: return "f"
        case .type: return "t"
        }
    }
}
