import Foundation
import Testing

/// Compares a screen with `__Snapshots__/NAME.txt` beside this file; with SNAPSHOT_RECORD=1 in
/// the environment it (re)writes the file instead.
func assertSnapshot(_ screen: String, named name: String, filePath: String = #filePath,
                    sourceLocation: SourceLocation = #_sourceLocation) throws {
    let folder = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")
    let file = folder.appendingPathComponent(name + ".txt")
    let normalised = screen
    if ProcessInfo.processInfo.environment["SNAPSHOT_RECORD"] == "1" {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try normalised.write(to: file, atomically: true, encoding: .utf8)
        return
    }
    guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
        Issue.record("no snapshot \(name).txt — run with SNAPSHOT_RECORD=1 to record it", sourceLocation: sourceLocation)
        return
    }
    #expect(normalised == expected, "screen differs from \(name).txt (SNAPSHOT_RECORD=1 re-records)", sourceLocation: sourceLocation)
}
