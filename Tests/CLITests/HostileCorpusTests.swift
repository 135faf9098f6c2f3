import Foundation
import Testing
import TestSupport

@Suite("A library of hostile files (scripts/make_hostile_corpus.py)")
struct HostileCorpusTests {
    @Test("scan exits 0 without a crash or stall and records every file as analysed or as an error")
    func everyFileAnalysedOrError() throws {
        let corpus = try HostileCorpus()
        let run = try corpus.scan()
        #expect(!run.timedOut && run.signal == nil, "no stall, no crash (signal \(run.signal ?? 0))")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stderr.contains("Fatal error"))
        let summary = try #require(JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
        #expect(summary["added"] as? Int == corpus.reachableFiles, "every reachable file is taken in, whatever its content")
        #expect(summary["unreadable"] as? Int == 2, "the unreadable file and folder are reported")
        let samples = try corpus.samples()
        #expect(samples.count == corpus.reachableFiles)
        let byStatus = Dictionary(grouping: samples) { $0["status"] as? String ?? "?" }
        #expect(Set(byStatus.keys).isSubset(of: ["ok", "error"]), "nothing left pending: \(byStatus.keys.sorted())")
        for sample in byStatus["error"] ?? [] {
            #expect((sample["error"] as? String)?.isEmpty == false, "an error status carries its reason")
        }
        // files that are sound audio under hostile names analyse like any other
        let named = samples.filter { ($0["path"] as? String)?.contains("/names/") == true }
        #expect(named.count == corpus.count("hostile-name"))
        #expect(named.allSatisfy { $0["status"] as? String == "ok" })
        let intact = samples.filter { ($0["path"] as? String)?.contains("-intact.") == true }
        #expect(intact.count >= 2 && intact.allSatisfy { $0["status"] as? String == "ok" })
        let empty = samples.filter { ($0["name"] as? String)?.hasPrefix("empty.") == true }
        #expect(empty.count == corpus.count("zero-bytes") && empty.allSatisfy { $0["status"] as? String == "error" })
        #expect(samples.contains { ($0["path"] as? String)?.hasSuffix("locked/secret.wav") == true && $0["status"] as? String == "error" })
    }

    @Test("search and info print every hostile name escaped: no control, bidi or non-UTF-8 bytes reach the terminal")
    func namesPrintedEscaped() throws {
        let corpus = try HostileCorpus()
        #expect(try corpus.scan().status == 0)
        let search = try TimedRun.run([Built.samplemind, "search", "--db", corpus.db, "--limit", "100000"], timeout: 30)
        #expect(search.status == 0)
        #expect(terminalHazards(search.stdout) == [])
        #expect(search.output.split(separator: "\n").count == corpus.reachableFiles + 1, "one line per sample plus the header")
        for shown in ["esc-\\x1b[31mred", "osc-title-\\x1b]0;PWNED\\x07", "new\\x0aline", "carriage\\x0dreturn",
                      "rlo-\\u{202e}gnp", "c1-csi-\\x9b31m", "bel-\\x07\\x07"] {
            #expect(search.output.contains(shown), "\(shown) is shown as visible escapes")
        }
        let named = try corpus.samples().filter { ($0["path"] as? String)?.contains("/names/") == true }
        #expect(named.count == corpus.count("hostile-name"))
        for sample in named {
            let id = try #require(sample["id"] as? Int)
            let info = try TimedRun.run([Built.samplemind, "info", "--db", corpus.db, String(id)], timeout: 30)
            #expect(info.status == 0)
            #expect(terminalHazards(info.stdout) == [], "info \(id)")
            #expect(info.output.contains("/names/"), "the path is printed (escaped)")
        }
    }
}
