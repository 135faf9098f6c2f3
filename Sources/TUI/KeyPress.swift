/// One key press, decoded from the terminal (by TUICurses) or from a test script.
public enum KeyPress: Hashable, Sendable, CustomStringConvertible {
    case character(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, escape, backspace, delete, tab, backTab
    /// Ctrl + a letter (lower case).
    case control(Character)
    case function(Int)
    case resize

    /// Parses the names used in the key-binding config and test scripts: "j", "G", "<up>", "<pgdn>",
    /// "<enter>", "<esc>", "<tab>", "<s-tab>", "<bs>", "<c-d>", "<f1>", "<space>".
    public init?(name: String) {
        switch name.lowercased() {
        case "<up>": self = .up
        case "<down>": self = .down
        case "<left>": self = .left
        case "<right>": self = .right
        case "<pgup>", "<pageup>": self = .pageUp
        case "<pgdn>", "<pagedown>": self = .pageDown
        case "<home>": self = .home
        case "<end>": self = .end
        case "<enter>", "<cr>", "<return>": self = .enter
        case "<esc>", "<escape>": self = .escape
        case "<bs>", "<backspace>": self = .backspace
        case "<del>", "<delete>": self = .delete
        case "<tab>": self = .tab
        case "<s-tab>", "<backtab>": self = .backTab
        case "<space>": self = .character(" ")
        default:
            let lower = name.lowercased()
            if lower.hasPrefix("<c-"), lower.hasSuffix(">"), lower.count == 5 {
                self = .control(lower[lower.index(lower.startIndex, offsetBy: 3)])
            } else if lower.hasPrefix("<f"), lower.hasSuffix(">"), let n = Int(lower.dropFirst(2).dropLast()) {
                self = .function(n)
            } else if name.count == 1, let c = name.first {
                self = .character(c)
            } else {
                return nil
            }
        }
    }

    public var description: String {
        switch self {
        case .character(" "): return "<space>"
        case .character(let c): return String(c)
        case .up: return "<up>"
        case .down: return "<down>"
        case .left: return "<left>"
        case .right: return "<right>"
        case .pageUp: return "<pgup>"
        case .pageDown: return "<pgdn>"
        case .home: return "<home>"
        case .end: return "<end>"
        case .enter: return "<enter>"
        case .escape: return "<esc>"
        case .backspace: return "<bs>"
        case .delete: return "<del>"
        case .tab: return "<tab>"
        case .backTab: return "<s-tab>"
        case .control(let c): return "<c-\(c)>"
        case .function(let n): return "<f\(n)>"
        case .resize: return "<resize>"
        }
    }
}
