import Analysis
import Foundation

/// The prompt a model gets: measured descriptors only (never audio, never the full path;
/// the file name only when the user allows it). Versioned: a new version invalidates cached notes.
public struct NotePrompt: Sendable, Equatable {
    public static let version = 1
    public static let system = """
        You describe audio samples for music producers in 2–4 short lines: what it is, what it suits, \
        what to pair it with. Use only the measurements given; never invent numbers. Plain text, no markdown.
        """

    public var user: String

    public init(analysis: AnalysisResult, tags: [String], userNote: String?, fileName: String?) {
        var lines: [String] = []
        if let fileName { lines.append("file name: \(fileName)") }
        lines.append("type: \(analysis.kind.rawValue); family: \(analysis.family.rawValue)")
        lines.append(String(format: "duration: %.2f s", analysis.durationSeconds))
        if let tempo = analysis.tempo {
            lines.append(String(format: "tempo: %.1f BPM (confidence %.2f)", tempo.bpm, tempo.confidence))
        }
        lines.append("key: " + (analysis.key.map { "\($0.name) (\($0.camelot))" } ?? "none (atonal)"))
        lines.append("pitch: " + (analysis.pitch.map { String(format: "%@ %+.0f cents", $0.note, $0.cents) } ?? "none"))
        if let lufs = analysis.loudness.integratedLUFS { lines.append(String(format: "loudness: %.1f LUFS", lufs)) }
        lines.append(String(format: "brightness (spectral centroid): %.0f Hz", analysis.spectral.centroidHz))
        lines.append(String(format: "attack: %.1f ms; decay: %.0f ms", analysis.envelope.attackSeconds * 1000,
                            analysis.envelope.decaySeconds * 1000))
        if !tags.isEmpty { lines.append("tags: " + tags.joined(separator: ", ")) }
        if let userNote, !userNote.isEmpty { lines.append("producer's note: " + userNote) }
        user = "Describe this sample.\n" + lines.joined(separator: "\n")
    }
}
