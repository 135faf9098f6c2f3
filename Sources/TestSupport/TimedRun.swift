import Foundation

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
        try SpawnedProcess(arguments).wait(timeout: timeout)
    }

    /// stdout decoded as UTF-8 (invalid bytes become U+FFFD).
    public var output: String { String(decoding: stdout, as: UTF8.self) }
}
