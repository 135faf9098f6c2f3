import Foundation
import Glibc

/// A command run to its end, or killed when it overran its time: for tests that must tell a
/// crash (a signal) or a stall (the deadline) from an ordinary failure.
public struct TimedRun: Sendable {
    /// The exit status, nil when a signal ended the process.
    public var status: Int32?
    /// The signal that ended the process (SIGKILL also when it overran), else nil.
    public var signal: Int32?
    public var timedOut: Bool
    public var seconds: Double
    public var stdout: Data
    public var stderr: String

    /// Runs `arguments` (`arguments[0]` looked up in PATH) with stdin from /dev/null.
    public static func run(_ arguments: [String], timeout: Double) throws -> TimedRun {
        try RunningProcess(arguments).wait(timeout: timeout)
    }

    /// stdout decoded as UTF-8 (invalid bytes become U+FFFD).
    public var output: String { String(decoding: stdout, as: UTF8.self) }
}

/// A process started in the background whose end a test awaits with a deadline.
public final class RunningProcess: @unchecked Sendable {
    // @unchecked: owned by one test.
    public let pid: pid_t
    private let base = FileManager.default.temporaryDirectory.appendingPathComponent("timed-\(UUID().uuidString)").path
    private let started = Date()
    private var reaped = false

    public init(_ arguments: [String]) throws {
        guard let pid = startProcess(arguments, stdoutPath: base + ".out", stderrPath: base + ".err") else {
            throw Tmux.TmuxError.cannotStart
        }
        self.pid = pid
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
        defer { for suffix in [".out", ".err"] { try? FileManager.default.removeItem(atPath: base + suffix) } }
        let signalled = (status & 0x7f) != 0
        return TimedRun(status: signalled ? nil : (status >> 8) & 0xff, signal: signalled ? status & 0x7f : nil,
                        timedOut: timedOut, seconds: Date().timeIntervalSince(started),
                        stdout: (try? Data(contentsOf: URL(fileURLWithPath: base + ".out"))) ?? Data(),
                        stderr: String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: base + ".err"))) ?? Data(),
                                       as: UTF8.self))
    }

    deinit {
        if !reaped { _ = wait(timeout: 0) }
    }
}
