import AI
import Engine
import Library

/// The whole state of the browser. Owned by the main thread; changed only by `update`.
public struct AppState: Sendable {
    /// The four panes, in Tab order.
    public enum Pane: Int, CaseIterable, Sendable { case library, waveform, similar, notes }

    /// What keys currently mean.
    public enum Mode: Equatable, Sendable {
        case normal
        case search(previousQuery: String)
        case command
        case tagAdd
        case tagRemove
        case sortMenu
        case help
        case noteEdit
    }

    /// Rows fetched per database round trip.
    public static let pageSize = 200
    /// Below this the screen shows "terminal too small".
    public static let minimumWidth = 60, minimumHeight = 16

    public var width = 80, height = 24
    public var focus: Pane = .library
    public var mode: Mode = .normal
    /// The applied query (what the list shows) and the text being edited in an input mode.
    public var query = ""
    public var input = ""
    public var inputCursor = 0
    public var queryError: String?
    public var sort: (key: SortKey, descending: Bool) = (.name, false)

    public var rowCount = 0
    /// Cached rows by list index; only what is near the viewport is kept.
    public var rows: [Int: SampleSummary] = [:]
    public var selected = 0
    public var offset = 0
    /// Sample ids marked for bulk actions, and the anchor of a `V` range.
    public var marked: Set<Int64> = []
    public var markAnchor: Int?
    /// Which query results are current: results of an older generation are dropped.
    public var generation = 0
    /// Pages requested and not yet answered.
    public var pendingPages: Set<Int> = []

    public var detail: SampleDetail?
    /// Set when the library changed under the shown detail (analysis finished, tags edited).
    public var detailIsStale = false
    public var tagCompletions: [String] = []
    public var status = "Welcome to SampleMind — press ? for help"
    public var statusIsError = false
    public var scan: Progress?
    public var themeName = "default"
    public var shouldQuit = false
    public var keymap = Keymap.defaults

    // playback
    /// Path of the sample playing, where, and how long.
    public var playing: (path: String, position: Double, duration: Double)?
    public var autoplay = false
    public var loop = false
    public var volume: Float = 1
    /// Index in the current list of the sample last auditioned with n / N / A.
    public var auditionIndex: Int?
    /// Whether `A` is playing the list in sequence.
    public var auditioningAll = false
    /// Set when the audio device failed: shown once, playback keys then explain.
    public var audioError: String?

    // similar samples
    /// The matches for `similarFor`, best first, and the cursor in that list.
    public var similar: [SimilarMatch] = []
    public var similarFor: Int64?
    public var similarSelected = 0
    public var similarUnanalysed = 0
    public var similarMessage: String?
    /// Aspect weights (`:weights timbre=2,pitch=0`) and the Rocchio refinements (s / S).
    public var weights: [String: Float] = [:]
    public var moreLike: [Int64] = []
    public var lessLike: [Int64] = []

    // AI notes
    public var note: NoteService.Note?
    public var noteFor: Int64?
    /// True while a note is being asked for (the pane says so).
    public var noteAsking = false

    public init() {}

    /// The selected row, when loaded.
    public var selectedSample: SampleSummary? { rows[selected] }

    /// The query sent to the library: the user's query plus the sort chosen in the menu
    /// (a `sort:` the user typed wins).
    public var effectiveQuery: String {
        if query.contains("sort:") { return query }
        return query + " sort:" + (sort.descending ? "-" : "") + sort.key.rawValue
    }

    /// Rows of the library table that fit on screen (the layout's table height minus its header).
    public var visibleRows: Int { max(1, Layout(width: width, height: height).library.height - 3) }
}
