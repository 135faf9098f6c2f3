import Analysis
import Foundation
import TerminalText

/// Writes analysis outcomes as JSON lines, a table, or a detailed description; failures go to
/// stderr as `samplemind: PATH: reason`. Every path is escaped before it reaches a terminal.
final class AnalysisPrinter: @unchecked Sendable {
    // @unchecked: `emit` is only called by ParallelAnalysis while it holds its lock, one call at a
    // time, and `finish` after every worker has returned; `headerPrinted` is touched nowhere else.
    private let json: Bool
    private let detailed: Bool
    private var headerPrinted = false
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    init(json: Bool, detailed: Bool) {
        self.json = json
        self.detailed = detailed
    }

    func emit(index: Int, path: String, outcome: ParallelAnalysis.Outcome) {
        switch outcome {
        case .analysed(let result):
            if json {
                if let data = try? encoder.encode(result) {
                    write(String(decoding: data, as: UTF8.self) + "\n")
                } else {
                    fail(path: path, reason: "internal error: result could not be encoded")
                }
            } else if detailed {
                write(AnalysisDescription.detailed(result))
            } else {
                if !headerPrinted { write(AnalysisTable.header + "\n"); headerPrinted = true }
                write(AnalysisTable.row(result) + "\n")
            }
        case .failed(let reason):
            fail(path: path, reason: reason)
        }
    }

    func finish() { FileHandle.standardOutput.synchronizeFile() }

    private func fail(path: String, reason: String) {
        FileHandle.standardError.write(Data("samplemind: \(TerminalSafe.escape(path)): \(TerminalSafe.escape(reason))\n".utf8))
        if json {
            let line = ["path": path, "error": reason]
            if let data = try? encoder.encode(line) { write(String(decoding: data, as: UTF8.self) + "\n") }
        }
    }

    private func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
