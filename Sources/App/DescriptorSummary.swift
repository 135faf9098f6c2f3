import Analysis
import Foundation
import Library

/// The notes pane until AI notes arrive: a few plain lines from the measured descriptors.
public enum DescriptorSummary {
    public static func lines(_ sample: SampleSummary, _ analysis: AnalysisResult?) -> [String] {
        var lines: [String] = []
        guard let a = analysis else {
            lines.append(sample.status == "error" ? "Cannot be analysed: \(sample.error ?? "unknown error")"
                         : sample.status == "missing" ? "The file is missing (drive unplugged or moved)."
                         : "Not analysed yet — it is next in the queue.")
            return lines + userLines(sample)
        }
        let brightness = PlainWords.brightness(centroidHz: a.spectral.centroidHz)
        let length = PlainWords.length(seconds: a.durationSeconds)
        lines.append("\(length), \(brightness) \(a.kind == .loop ? "loop" : "one-shot") — \(a.family.rawValue)")
        var level = String(format: "%.2f s · peak %.1f dBFS", a.durationSeconds, a.level.peakDBFS)
        if let lufs = a.loudness.integratedLUFS { level += String(format: " · %.1f LUFS", lufs) }
        lines.append(level)
        if let tempo = a.tempo {
            lines.append(String(format: "%.1f BPM (confidence %.2f)", tempo.bpm, tempo.confidence)
                + " · alt " + tempo.alternatives.prefix(2).map { String(format: "%.1f", $0.bpm) }.joined(separator: ", "))
        }
        if let key = a.key {
            lines.append("key \(key.name) · \(key.camelot) · \(key.openKey)")
        } else {
            lines.append("no tonal centre")
        }
        if let pitch = a.pitch {
            lines.append(String(format: "pitch %@ %+.0f cents (%.1f Hz)", pitch.note, pitch.cents, pitch.hz))
        }
        lines.append(String(format: "attack %.1f ms · decay %.0f ms · centroid %.0f Hz", a.envelope.attackSeconds * 1000,
                            a.envelope.decaySeconds * 1000, a.spectral.centroidHz))
        lines.append("\(a.format.container)/\(a.format.codec) \(a.format.sampleRate) Hz \(a.format.channels) ch")
        return lines + userLines(sample)
    }

    private static func userLines(_ sample: SampleSummary) -> [String] {
        var lines: [String] = []
        if !sample.tags.isEmpty { lines.append("tags: " + sample.tags.joined(separator: ", ")) }
        if sample.rating > 0 || sample.favorite {
            lines.append(String(repeating: "★", count: sample.rating) + (sample.favorite ? " ♥" : ""))
        }
        if let note = sample.note { lines.append("note: " + note) }
        lines.append(sample.path)
        return lines
    }
}
