import Foundation
import TestSupport

/// Starts `fake_llm_server.py` on a free loopback port for one test; stops it on deinit.
final class FakeLLMServer: @unchecked Sendable {
    // @unchecked: owned by one test.
    private let process: SpawnedProcess
    let port: Int
    let logPath: String

    init() throws {
        logPath = FileManager.default.temporaryDirectory.appendingPathComponent("fake-llm-\(UUID().uuidString).jsonl").path
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        let script = Bundle.module.path(forResource: "fake_llm_server", ofType: "py")!
        process = try SpawnedProcess(["python3", script, logPath])
        port = process.firstLine().flatMap(Int.init) ?? 0
    }

    deinit {
        process.stop()
        try? FileManager.default.removeItem(atPath: logPath)
    }

    var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    /// Every request the server received.
    var requests: [[String: Any]] {
        let text = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }
}
