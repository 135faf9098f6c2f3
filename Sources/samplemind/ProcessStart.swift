import Dispatch
import Foundation

/// When the process started (for the start-to-first-frame figure) and its peak memory.
enum ProcessStart {
    /// Uptime in nanoseconds when main() began (set first thing by `SampleMindCommand`).
    nonisolated(unsafe) static var nanoseconds = DispatchTime.now().uptimeNanoseconds
    // nonisolated(unsafe): written once before any other thread exists, read afterwards.

    /// VmHWM from /proc/self/status, KiB (0 when unavailable).
    static var peakResidentKiB: Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return 0 }
        return Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
    }
}
