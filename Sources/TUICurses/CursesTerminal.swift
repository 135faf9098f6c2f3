@preconcurrency import CNCurses
@preconcurrency import Glibc
import TUI

/// The only code that talks to ncurses: sets the terminal up, draws buffer changes, reads keys,
/// and always gives the terminal back (on quit, Ctrl-C, SIGTERM or a crash signal).
public final class CursesTerminal {
    public enum Failure: Error, CustomStringConvertible {
        case unknownTerminal(String)
        public var description: String {
            switch self {
            case .unknownTerminal(let term):
                return "cannot use the terminal type \"\(term)\" (no terminfo entry); try TERM=xterm-256color"
            }
        }
    }

    /// Colours the terminal can show.
    public let colorMode: ColorMode
    private var pairs: [PairKey: Int32] = [:]
    private var screen: OpaquePointer?
    /// The terminal's stderr while it is replaced by /dev/null (see `init`), else -1.
    private var savedStderr: Int32 = -1

    private struct PairKey: Hashable { let fg: Int32; let bg: Int32 }

    /// Initialises ncurses on the process's terminal. Throws instead of exiting when TERM is unknown.
    public init(environment: [String: String]) throws {
        setlocale(LC_ALL, "")
        let term = environment["TERM"] ?? ""
        guard let screen = newterm(nil, stdout, stdin) else { throw Failure.unknownTerminal(term) }
        self.screen = screen
        set_term(screen)
        // Libraries print warnings on stderr (libmpg123 on a broken MP3 during a background
        // scan); on the terminal they would scribble over the screen, so until `restore()`
        // they go to /dev/null. A stderr redirected elsewhere is left alone.
        if isatty(STDERR_FILENO) == 1 {
            savedStderr = dup(STDERR_FILENO)
            let null = open("/dev/null", O_WRONLY)
            if null >= 0 { dup2(null, STDERR_FILENO); close(null) }
        }
        CursesTerminal.installRestoreHandlers()
        cbreak()
        noecho()
        nonl()
        keypad(samplemind_stdscr(), true)
        nodelay(samplemind_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        var mode = ColorMode.none
        if environment["NO_COLOR"].map({ !$0.isEmpty }) != true && has_colors() {
            start_color()
            use_default_colors()
            let colors = samplemind_colors()
            mode = colors >= 256 ? .ansi256 : (colors >= 8 ? .ansi16 : .none)
            if colors >= 256, let colorTerm = environment["COLORTERM"], colorTerm == "truecolor" || colorTerm == "24bit" {
                mode = .ansi256   // ncurses addresses palette entries; truecolour themes are mapped to 256
            }
        }
        colorMode = mode
    }

    deinit { restore() }

    /// Gives the terminal back. Safe to call more than once.
    public func restore() {
        guard screen != nil else { return }
        endwin()
        screen = nil
        if savedStderr >= 0 {
            dup2(savedStderr, STDERR_FILENO)
            close(savedStderr)
            savedStderr = -1
        }
    }

    /// Terminal size in cells.
    public var size: (width: Int, height: Int) { (Int(samplemind_cols()), Int(samplemind_lines())) }

    /// Draws the changed runs and updates the physical screen; `cursor` shows the text cursor.
    public func draw(_ changes: [BufferChange], cursor: (x: Int, y: Int)?) {
        let window = samplemind_stdscr()
        for change in changes {
            var x = change.x
            for cell in change.cells {
                defer { x += 1 }
                if cell.text.isEmpty { continue }   // right half of a wide character
                apply(cell.style)
                var wide = cell.text.unicodeScalars.map { wchar_t(bitPattern: $0.value) } + [0]
                _ = mvwaddwstr(window, Int32(change.y), Int32(x), &wide)
            }
        }
        wattr_set(window, 0, 0, nil)
        if let cursor {
            curs_set(1)
            wmove(window, Int32(cursor.y), Int32(cursor.x))
        } else {
            curs_set(0)
        }
        wnoutrefresh(window)
        doupdate()
    }

    /// Forces a full repaint on the next draw (after a resize).
    public func clearScreen() {
        wclear(samplemind_stdscr())
    }

    /// Reads every key waiting on stdin (non-blocking).
    public func readKeys() -> [KeyPress] {
        var keys: [KeyPress] = []
        var wch: wint_t = 0
        while true {
            let status = wget_wch(samplemind_stdscr(), &wch)
            if status == ERR { break }
            if let key = status == KEY_CODE_YES ? CursesKeys.functionKey(Int32(wch)) : CursesKeys.character(UInt32(wch)) {
                keys.append(key)
            }
        }
        return keys
    }

    /// Writes raw bytes to the terminal after ncurses (OSC 52 clipboard).
    public func writeRaw(_ text: String) {
        fputs(text, stdout)
        fflush(stdout)
    }

    private func apply(_ style: Style) {
        var attributes: attr_t = 0
        if style.bold { attributes |= samplemind_a_bold() }
        if style.dim { attributes |= samplemind_a_dim() }
        if style.underline { attributes |= samplemind_a_underline() }
        if style.reverse { attributes |= samplemind_a_reverse() }
        if style.italic { attributes |= samplemind_a_italic() }
        var pair: Int32 = colorMode == .none ? 0 : pairNumber(fg: CursesColors.index(style.fg), bg: CursesColors.index(style.bg))
        wattr_set(samplemind_stdscr(), attributes, 0, &pair)
    }

    private func pairNumber(fg: Int32, bg: Int32) -> Int32 {
        if fg == -1 && bg == -1 { return 0 }
        let key = PairKey(fg: fg, bg: bg)
        if let pair = pairs[key] { return pair }
        let next = Int32(pairs.count + 1)
        guard next < samplemind_color_pairs() else { return 0 }
        init_extended_pair(next, fg, bg)
        pairs[key] = next
        return next
    }

    private static func installRestoreHandlers() {
        for sig in [SIGINT, SIGTERM, SIGHUP, SIGSEGV, SIGABRT, SIGBUS, SIGILL, SIGFPE] {
            signal(sig) { received in
                endwin()
                signal(received, SIG_DFL)
                raise(received)
            }
        }
    }
}
