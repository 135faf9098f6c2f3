import Analysis
import Foundation
import TerminalText

/// The one-row-per-file table of `samplemind analyze`.
enum AnalysisTable {
    static let header = pad("FILE", 28) + " " + pad("FORMAT", 16) + " " + lpad("DUR", 7) + " " + lpad("PEAK", 6)
        + " " + lpad("LUFS", 6) + " " + lpad("BPM", 6) + " " + pad("KEY", 9) + " " + pad("PITCH", 10)
        + " " + pad("TYPE", 7) + " FAMILY"

    static func row(_ r: AnalysisResult) -> String {
        let name = TerminalSafe.escape((r.path as NSString).lastPathComponent)
        let format = "\(r.format.container)/\(r.format.codec) \(r.format.sampleRate / 1000)k"
        return pad(name, 28) + " " + pad(format, 16) + " " + lpad(Formatting.seconds(r.durationSeconds), 7)
            + " " + lpad(Formatting.number(r.level.peakDBFS, 1), 6)
            + " " + lpad(r.loudness.integratedLUFS.map { Formatting.number($0, 1) } ?? "—", 6)
            + " " + lpad(r.tempo.map { Formatting.number($0.bpm, 1) } ?? "—", 6)
            + " " + pad(r.key.map { "\($0.key.shortName) \($0.camelot)" } ?? "—", 9)
            + " " + pad(r.pitch.map { "\($0.note)\(Formatting.signedCents($0.cents))" } ?? "—", 10)
            + " " + pad(r.kind.rawValue, 7) + " " + r.family.rawValue
    }

    /// Left-aligns, truncating with an ellipsis; widths count characters, not bytes.
    static func pad(_ text: String, _ width: Int) -> String {
        if text.count > width { return String(text.prefix(width - 1)) + "…" }
        return text + String(repeating: " ", count: width - text.count)
    }

    static func lpad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }
}

/// Number formatting shared by the table and the detailed description.
enum Formatting {
    static func number(_ value: Double, _ decimals: Int) -> String { String(format: "%.\(decimals)f", value) }

    static func seconds(_ value: Double) -> String {
        value < 10 ? String(format: "%.3fs", value) : value < 600 ? String(format: "%.1fs", value)
            : String(format: "%d:%02d", Int(value) / 60, Int(value) % 60)
    }

    static func signedCents(_ cents: Double) -> String {
        let rounded = Int(cents.rounded())
        return rounded >= 0 ? "+\(rounded)c" : "\(rounded)c"
    }
}
