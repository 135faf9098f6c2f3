import Analysis
import Foundation

/// Notes written locally from the descriptors when no model answers: the pane is never empty.
public enum OfflineNotes {
    public static func write(_ a: AnalysisResult) -> String {
        let length = a.durationSeconds < 0.3 ? "Short" : a.durationSeconds < 2 ? "Medium-length" : "Long"
        let brightness = a.spectral.centroidHz < 600 ? "dark" : a.spectral.centroidHz < 2500 ? "warm"
            : a.spectral.centroidHz < 6000 ? "bright" : "airy"
        let what = a.kind == .loop ? "\(a.family.rawValue) loop" : a.family.rawValue.replacingOccurrences(of: "/", with: " or ")
        var parts = ["\(length), \(brightness) \(what)"]
        parts.append(a.envelope.attackSeconds < 0.01 ? "tight attack" : a.envelope.attackSeconds < 0.08 ? "soft attack" : "slow swell")
        if let lufs = a.loudness.integratedLUFS { parts.append(String(format: "%.0f LUFS", lufs).replacingOccurrences(of: "-", with: "−")) }
        if let tempo = a.tempo { parts.append(String(format: "%.0f BPM", tempo.bpm)) }
        if let key = a.key { parts.append("\(key.name) (\(key.camelot))") } else if let pitch = a.pitch {
            parts.append("tuned to \(pitch.note)")
        } else {
            parts.append("no tonal centre")
        }
        var line = parts.joined(separator: "; ") + "."
        switch a.family {
        case .kick: line += "\nPairs with a short snare or clap; high-pass other low parts around it."
        case .snare: line += "\nLayer with a clap or a room reverb for size."
        case .hat, .cymbal: line += "\nSits on top of a groove; try it on the off-beats."
        case .bass: line += "\nGive it room below 150 Hz; sidechain to the kick."
        case .pad: line += "\nA bed under leads; filter the lows."
        case .loopDrums: line += "\nA ready groove; layer one-shots over it."
        case .loopMusic: line += "\nMatch the project key and tempo before layering."
        default: break
        }
        return line
    }
}
