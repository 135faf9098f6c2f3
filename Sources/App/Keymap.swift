import TUI

/// Which key does what in normal mode. Rebindable from the config file's `[keys]` table
/// (`"<c-d>" = "page-down"`); every action has a stable name for that and for the help screen.
public struct Keymap: Sendable {
    public var bindings: [KeyPress: NamedAction]

    /// Actions that can be bound, with their config names and help text.
    public enum NamedAction: String, CaseIterable, Sendable {
        case moveDown = "move-down", moveUp = "move-up", pageDown = "page-down", pageUp = "page-up"
        case top, bottom, nextPane = "next-pane", previousPane = "previous-pane", open
        case search, command, tag, untag, sort, help, quit, favorite, mark, markRange = "mark-range"
        case copyPath = "copy-path", clear
        case play, autoplay, loop, seekBack = "seek-back", seekForward = "seek-forward"
        case volumeUp = "volume-up", volumeDown = "volume-down"
        case auditionNext = "audition-next", auditionPrevious = "audition-previous", auditionAll = "audition-all"
        case regenerateNote = "regenerate-note", editNote = "edit-note"
        case rate0 = "rate-0", rate1 = "rate-1", rate2 = "rate-2", rate3 = "rate-3", rate4 = "rate-4", rate5 = "rate-5"

        public var help: String {
            switch self {
            case .moveDown: return "next sample"
            case .moveUp: return "previous sample"
            case .pageDown: return "page down"
            case .pageUp: return "page up"
            case .top: return "first sample"
            case .bottom: return "last sample"
            case .nextPane: return "next pane"
            case .previousPane: return "previous pane"
            case .open: return "inspect the sample (full analysis in the notes pane)"
            case .search: return "search (query language; results update as you type)"
            case .command: return "command line: :scan DIR, :tag T, :export DIR, :theme NAME, :q"
            case .tag: return "add a tag (Tab completes) to the marked or selected samples"
            case .untag: return "remove a tag"
            case .sort: return "sort menu"
            case .help: return "this help"
            case .quit: return "quit"
            case .favorite: return "toggle favourite"
            case .mark: return "mark / unmark for bulk tagging"
            case .markRange: return "mark the range from the last mark"
            case .copyPath: return "copy the path to the clipboard (OSC 52, works over SSH)"
            case .clear: return "stop playback, clear the query and marks"
            case .play: return "play / stop the selected sample"
            case .autoplay: return "auto-play: the sample under the cursor plays as you move"
            case .loop: return "loop on / off"
            case .seekBack: return "seek back 1 s"
            case .seekForward: return "seek forward 1 s"
            case .volumeUp: return "volume up"
            case .volumeDown: return "volume down"
            case .auditionNext: return "play the next sample of the list (cursor stays)"
            case .auditionPrevious: return "play the previous sample of the list"
            case .auditionAll: return "play the list in sequence from the cursor (Esc stops)"
            case .regenerateNote: return "ask the AI for a new note"
            case .editNote: return "edit the note (your text is kept)"
            case .rate0: return "clear the rating"
            case .rate1, .rate2, .rate3, .rate4, .rate5: return "rate \(rawValue.last!)"
            }
        }

        public var action: Action {
            switch self {
            case .moveDown: return .moveDown
            case .moveUp: return .moveUp
            case .pageDown: return .pageDown
            case .pageUp: return .pageUp
            case .top: return .top
            case .bottom: return .bottom
            case .nextPane: return .nextPane
            case .previousPane: return .previousPane
            case .open: return .open
            case .search: return .startSearch
            case .command: return .startCommand
            case .tag: return .startTag
            case .untag: return .startUntag
            case .sort: return .openSortMenu
            case .help: return .toggleHelp
            case .quit: return .quit
            case .favorite: return .toggleFavorite
            case .mark: return .toggleMark
            case .markRange: return .markRange
            case .copyPath: return .copyPath
            case .clear: return .cancel
            case .play: return .togglePlay
            case .autoplay: return .toggleAutoplay
            case .loop: return .toggleLoop
            case .seekBack: return .seekBack
            case .seekForward: return .seekForward
            case .volumeUp: return .volumeUp
            case .volumeDown: return .volumeDown
            case .auditionNext: return .auditionNext
            case .auditionPrevious: return .auditionPrevious
            case .auditionAll: return .auditionAll
            case .regenerateNote: return .regenerateNote
            case .editNote: return .editNote
            case .rate0: return .rate(0)
            case .rate1: return .rate(1)
            case .rate2: return .rate(2)
            case .rate3: return .rate(3)
            case .rate4: return .rate(4)
            case .rate5: return .rate(5)
            }
        }
    }

    public static let defaults: Keymap = {
        var b: [KeyPress: NamedAction] = [
            .character("j"): .moveDown, .down: .moveDown, .character("k"): .moveUp, .up: .moveUp,
            .pageDown: .pageDown, .control("d"): .pageDown, .control("f"): .pageDown,
            .pageUp: .pageUp, .control("u"): .pageUp, .control("b"): .pageUp,
            .character("g"): .top, .home: .top, .character("G"): .bottom, .end: .bottom,
            .tab: .nextPane, .backTab: .previousPane, .enter: .open,
            .character("/"): .search, .character(":"): .command, .character("t"): .tag, .character("T"): .untag,
            .character("s"): .sort, .character("?"): .help, .function(1): .help, .character("q"): .quit,
            .character("f"): .favorite, .character("v"): .mark, .character("V"): .markRange,
            .character("y"): .copyPath, .escape: .clear,
            .character("0"): .rate0, .character("1"): .rate1, .character("2"): .rate2, .character("3"): .rate3,
            .character("4"): .rate4, .character("5"): .rate5,
        ]
        b[.control("c")] = .quit
        b[.character(" ")] = .play
        b[.character("a")] = .autoplay
        b[.character("l")] = .loop
        b[.left] = .seekBack
        b[.right] = .seekForward
        b[.character("+")] = .volumeUp
        b[.character("=")] = .volumeUp
        b[.character("-")] = .volumeDown
        b[.character("n")] = .auditionNext
        b[.character("N")] = .auditionPrevious
        b[.character("A")] = .auditionAll
        b[.character("r")] = .regenerateNote
        b[.character("e")] = .editNote
        return Keymap(bindings: b)
    }()

    /// Applies `[keys]` overrides ("key name" = "action name"); returns the entries it could not use.
    public mutating func apply(overrides: [String: String]) -> [String] {
        var problems: [String] = []
        for (keyName, actionName) in overrides.sorted(by: { $0.key < $1.key }) {
            guard let key = KeyPress(name: keyName) else { problems.append("unknown key \"\(keyName)\""); continue }
            guard let action = NamedAction(rawValue: actionName) else {
                problems.append("unknown action \"\(actionName)\" for \(keyName)"); continue
            }
            bindings[key] = action
        }
        return problems
    }

    /// Help lines: every action with all keys bound to it (the six ratings on one line).
    public var helpLines: [String] {
        let ratings: [NamedAction] = [.rate0, .rate1, .rate2, .rate3, .rate4, .rate5]
        var lines: [String] = NamedAction.allCases.filter { !ratings.contains($0) }.compactMap { action in
            let keys = bindings.filter { $0.value == action }.map(\.key.description).sorted()
            guard !keys.isEmpty else { return nil }
            return keys.joined(separator: " ").padding(toLength: 22, withPad: " ", startingAt: 0) + action.help
        }
        let ratingKeys = ratings.compactMap { action in bindings.first { $0.value == action }?.key.description }
        if !ratingKeys.isEmpty {
            lines.append(ratingKeys.joined(separator: " ").padding(toLength: 22, withPad: " ", startingAt: 0)
                + "rate 1–5 (0 clears)")
        }
        return lines
    }
}

import Foundation
