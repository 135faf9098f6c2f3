import Foundation
import Glibc

/// Drives a program inside a private tmux server, as a person at a terminal would: send keys,
/// read the screen. Uses posix_spawn: Foundation.Process hangs waiting for `tmux new-session`
/// (the server inherits its pipe).
public final class Tmux: @unchecked Sendable {
    // @unchecked: one test uses one instance.
    public let socket: String
    public let session = "e2e"

    public init(command: String, width: Int = 120, height: Int = 36, environment: [String: String]) throws {
        socket = "sm-\(getpid())-\(UUID().uuidString.prefix(8))"
        var arguments = ["-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", session,
                         "-x", String(width), "-y", String(height)]
        for (key, value) in environment.sorted(by: { $0.key < $1.key }) { arguments += ["-e", "\(key)=\(value)"] }
        arguments.append(command + "; echo EXIT=$?; sleep 60")
        guard Tmux.spawn(["tmux"] + arguments) == 0 else { throw TmuxError.cannotStart }
    }

    deinit { _ = Tmux.spawn(["tmux", "-L", socket, "kill-server"]) }

    public enum TmuxError: Error { case cannotStart }

    /// Sends keys (tmux names: "j", "Escape", "Enter", "Down") or, with `literal`, text.
    public func send(_ keys: String..., literal: Bool = false) {
        _ = Tmux.spawn(["tmux", "-L", socket, "send-keys", "-t", session] + (literal ? ["-l"] : []) + keys)
    }

    /// The visible screen as text (or with SGR escapes when `styled`).
    public func capture(styled: Bool = false) -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-\(socket).txt").path
        _ = Tmux.spawn(["tmux", "-L", socket, "capture-pane", "-p", "-t", session] + (styled ? ["-e"] : []), stdoutPath: output)
        defer { try? FileManager.default.removeItem(atPath: output) }
        return (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
    }

    /// The value of a tmux format for the pane, e.g. "#{pane_title}" (which a program changes
    /// with the OSC 0/2 title sequences) or "#{host}" (the title's default).
    public func format(_ format: String) -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-\(socket)-format.txt").path
        _ = Tmux.spawn(["tmux", "-L", socket, "display-message", "-p", "-t", session, format], stdoutPath: output)
        defer { try? FileManager.default.removeItem(atPath: output) }
        return ((try? String(contentsOfFile: output, encoding: .utf8)) ?? "").trimmingCharacters(in: .newlines)
    }

    /// Waits until the screen contains `text` (or the timeout passes); returns the last screen.
    @discardableResult
    public func waitFor(_ text: String, timeout: Double = 10) -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = capture()
        while !screen.contains(text) && Date() < deadline {
            usleep(50_000)
            screen = capture()
        }
        return screen
    }

    /// Runs a command and waits; stdout goes to `stdoutPath` or /dev/null.
    static func spawn(_ arguments: [String], stdoutPath: String = "/dev/null") -> Int32 {
        guard let pid = startProcess(arguments, stdoutPath: stdoutPath) else { return -1 }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return (status >> 8) & 0xff
    }
}

/// Starts `arguments` with posix_spawnp: stdin from /dev/null, stdout to `stdoutPath`, stderr to
/// `stderrPath` (dropped by default). Returns the pid, or nil when it could not start.
func startProcess(_ arguments: [String], stdoutPath: String, stderrPath: String = "/dev/null") -> pid_t? {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    var pid: pid_t = 0
    var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    return posix_spawnp(&pid, arguments[0], &actions, nil, &argv, environ) == 0 ? pid : nil
}

/// A background process started with posix_spawn (Foundation.Process can hang in
/// waitUntilExit here), stdin from /dev/null and stdout and stderr going to temporary files. A test
/// reads its first line, awaits its end with a deadline (`wait`) or kills it (`stop`); deinit kills
/// and reaps it when neither happened.
public final class SpawnedProcess: @unchecked Sendable {
    // @unchecked: owned by one test.
    public let pid: pid_t
    public let stdoutPath: String
    private let stderrPath: String
    private let started = Date()
    private var reaped = false

    public init(_ arguments: [String]) throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("spawned-\(UUID().uuidString)").path
        stdoutPath = base + ".out"
        stderrPath = base + ".err"
        guard let pid = startProcess(arguments, stdoutPath: stdoutPath, stderrPath: stderrPath) else {
            throw Tmux.TmuxError.cannotStart
        }
        self.pid = pid
    }

    /// The first line the process printed, waiting up to `timeout` seconds for it.
    public func firstLine(timeout: Double = 10) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let text = try? String(contentsOfFile: stdoutPath, encoding: .utf8), let newline = text.firstIndex(of: "\n") {
                return String(text[..<newline])
            }
            usleep(10_000)
        }
        return nil
    }

    /// Waits for the end, killing the process with SIGKILL once `timeout` seconds have passed since it started.
    public func wait(timeout: Double) -> TimedRun {
        var status: Int32 = 0
        var timedOut = false
        while waitpid(pid, &status, WNOHANG) == 0 {
            if Date().timeIntervalSince(started) > timeout {
                timedOut = true
                kill(pid, SIGKILL)
                waitpid(pid, &status, 0)
                break
            }
            usleep(10_000)
        }
        reaped = true
        defer { removeOutput() }
        let signalled = (status & 0x7f) != 0
        return TimedRun(status: signalled ? nil : (status >> 8) & 0xff, signal: signalled ? status & 0x7f : nil,
                        timedOut: timedOut, seconds: Date().timeIntervalSince(started),
                        stdout: (try? Data(contentsOf: URL(fileURLWithPath: stdoutPath))) ?? Data(),
                        stderr: String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: stderrPath))) ?? Data(),
                                       as: UTF8.self))
    }

    /// Kills and reaps the process (once).
    public func stop() {
        guard !reaped else { return }
        reaped = true
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        removeOutput()
    }

    private func removeOutput() {
        for path in [stdoutPath, stderrPath] { try? FileManager.default.removeItem(atPath: path) }
    }

    deinit { stop() }
}
