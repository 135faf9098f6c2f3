import ArgumentParser
import Foundation
import Library
import QueryLanguage
import TerminalText

/// `samplemind search QUERY`: find samples with the query language.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find samples: words, -exclusions, \"phrases\", tag:x, bpm:120..130, key:Am, type:loop, "
            + "family:kick, dur:<2s, lufs:>-12, rating:>=4, fav, path:drums/, status:missing, sort:-bpm.")

    @OptionGroup var library: LibraryOptions

    @Argument(help: "The query (several words are joined with spaces).")
    var query: [String] = []

    @Option(help: "At most this many results.")
    var limit: Int?

    func run() throws {
        let lib = try library.open()
        let text = query.joined(separator: " ")
        let results: [SampleSummary]
        do {
            results = try lib.search(text, limit: limit)
        } catch let error as QueryError {
            Output.error("query: \(error)")
            throw ExitCode(2)
        }
        if library.json {
            for result in results { try Output.json(result) }
        } else {
            SampleTable.print(results)
        }
    }
}

/// The table of samples printed by search, dupes and tag listings.
enum SampleTable {
    static func print(_ samples: [SampleSummary]) {
        Output.line(pad("ID", 7) + pad("NAME", 30) + pad("TYPE", 8) + pad("FAMILY", 11) + pad("BPM", 7)
            + pad("KEY", 9) + pad("DUR", 8) + pad("LUFS", 7) + pad("★", 3) + "TAGS")
        for s in samples { Output.line(row(s)) }
    }

    static func row(_ s: SampleSummary) -> String {
        let status = s.status == "ok" ? "" : " [\(s.status)]"
        return pad(String(s.id), 7) + pad(TerminalSafe.escape(s.name) + status, 30) + pad(s.kind ?? "—", 8)
            + pad(s.family ?? "—", 11) + pad(s.bpm.map { String(format: "%.1f", $0) } ?? "—", 7)
            + pad(s.key.map { "\($0) \(s.camelot ?? "")" } ?? "—", 9)
            + pad(s.duration.map { String(format: "%.2fs", $0) } ?? "—", 8)
            + pad(s.lufs.map { String(format: "%.1f", $0) } ?? "—", 7)
            + pad(s.rating > 0 ? String(s.rating) : (s.favorite ? "♥" : ""), 3)
            + TerminalSafe.escape(s.tags.joined(separator: ","))
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? String(text.prefix(width - 1)) + " " : text + String(repeating: " ", count: width - text.count)
    }
}
