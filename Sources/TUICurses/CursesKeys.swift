import CNCurses
import TUI

/// ncurses key codes → `KeyPress`.
enum CursesKeys {
    static func functionKey(_ code: Int32) -> KeyPress? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        case KEY_RESIZE: return .resize
        case samplemind_key_f0() + 1 ... samplemind_key_f0() + 12: return .function(Int(code - samplemind_key_f0()))
        default: return nil
        }
    }

    static func character(_ value: UInt32) -> KeyPress? {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(value + 96)!))
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .character(Character(scalar))
        }
    }
}

/// Theme colours → ncurses colour numbers (−1 = the terminal's default).
enum CursesColors {
    static func index(_ color: Color) -> Int32 {
        switch color {
        case .default: return -1
        case .ansi(let n): return Int32(n)
        case .indexed(let n): return Int32(n)
        case .rgb: return color.downgraded(to: .ansi256).paletteIndex.map(Int32.init) ?? -1
        }
    }
}

extension Color {
    /// The palette number of an ansi or indexed colour.
    var paletteIndex: UInt8? {
        switch self {
        case .ansi(let n), .indexed(let n): return n
        default: return nil
        }
    }
}
