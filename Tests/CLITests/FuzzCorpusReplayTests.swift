import Foundation
import Testing
import TestSupport

/// The committed fuzz corpora (seeds and every input a fuzzer ever crashed) replayed through the
/// normally built `samplemind-fuzz`: each target's properties hold for each input.
@Suite("Fuzz corpus regression replay")
struct FuzzCorpusReplayTests {
    static let corpus = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("fuzz/corpus").path

    @Test("every saved input keeps its target's properties", arguments: ["query", "config", "notetext", "decode"])
    func replay(target: String) throws {
        let inputs = try FileManager.default.contentsOfDirectory(atPath: Self.corpus + "/" + target)
        #expect(!inputs.isEmpty)
        let run = try Built.run(Built.product("samplemind-fuzz"), [target, Self.corpus + "/" + target])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stdout.contains("\(target): \(inputs.count) inputs replayed, no property violated"))
    }
}
