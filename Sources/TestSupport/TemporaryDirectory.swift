import Foundation

/// A fresh directory under the system temp folder, removed when the value is deallocated.
public final class TemporaryDirectory: @unchecked Sendable {
    // @unchecked: `path` is immutable; the directory itself is only touched through FileManager.
    public let path: String

    public init(prefix: String = "samplemind-test") {
        let base = FileManager.default.temporaryDirectory.path
        path = "\(base)/\(prefix)-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// A directory with a fixed name (emptied first), for snapshots that show paths. Each test
    /// must use its own name: tests run in parallel.
    public init(fixedName: String) {
        path = FileManager.default.temporaryDirectory.path + "/" + fixedName
        try? FileManager.default.removeItem(atPath: path)
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// The path of `name` inside the directory.
    public func file(_ name: String) -> String { "\(path)/\(name)" }
}
