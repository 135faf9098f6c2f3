import TUI

/// Where each pane goes for a terminal size: the library list on the left, waveform/spectrum,
/// similar samples and notes stacked on the right, the status line at the bottom.
public struct Layout: Equatable, Sendable {
    public var library: Rect
    public var waveform: Rect
    public var similar: Rect
    public var notes: Rect
    public var status: Rect
    public var isTooSmall: Bool

    public init(width: Int, height: Int) {
        isTooSmall = width < AppState.minimumWidth || height < AppState.minimumHeight
        let main = Rect(x: 0, y: 0, width: width, height: max(0, height - 1))
        status = Rect(x: 0, y: max(0, height - 1), width: width, height: min(1, height))
        let libraryWidth = max(40, width * 64 / 100)
        library = Rect(x: 0, y: 0, width: min(libraryWidth, width), height: main.height)
        let rightX = library.width, rightWidth = max(0, width - library.width)
        let waveformHeight = max(6, main.height * 40 / 100)
        let similarHeight = max(4, main.height * 25 / 100)
        waveform = Rect(x: rightX, y: 0, width: rightWidth, height: waveformHeight)
        similar = Rect(x: rightX, y: waveformHeight, width: rightWidth, height: similarHeight)
        let notesY = waveformHeight + similarHeight
        notes = Rect(x: rightX, y: notesY, width: rightWidth, height: max(0, main.height - notesY))
    }
}
