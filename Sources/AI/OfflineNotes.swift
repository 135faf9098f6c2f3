import Analysis
import Foundation

/// Notes written locally from the descriptors when no model answers: the pane is never empty.
public enum OfflineNotes {
    public static func write(_ a: AnalysisResult) -> String {
        let length = PlainWords.length(seconds: a.durationSeconds)
        let brightness = PlainWords.brightness(centroidHz: a.spectral.centroidHz)
        var parts = ["\(length), \(brightness) \(name(a))"]
        // A loop's attack is its first hit's, or wherever it is loudest: its length in bars (below) says more.
        if a.kind == .oneshot {
            parts.append(a.envelope.attackSeconds < 0.01 ? "tight attack" : a.envelope.attackSeconds < 0.08 ? "soft attack" : "slow swell")
        }
        if let lufs = a.loudness.integratedLUFS { parts.append(String(format: "%.0f LUFS", lufs).replacingOccurrences(of: "-", with: "−")) }
        if let tempo = a.tempo {
            let bars = wholeBars(a).map { $0 == 1 ? ", 1 bar" : ", \($0) bars" } ?? ""
            parts.append(String(format: "%.0f BPM", tempo.bpm) + bars)
        }
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

    /// "drum loop", "music loop", or the family of a one-shot ("lead or synth").
    static func name(_ a: AnalysisResult) -> String {
        switch (a.kind, a.family) {
        case (.loop, .loopDrums): return "drum loop"
        case (.loop, .loopMusic): return "music loop"
        case (.loop, let family): return "\(family.rawValue) loop"
        case (.oneshot, let family): return family.rawValue.replacingOccurrences(of: "/", with: " or ")
        }
    }

    /// Bars of 4/4 the loop spans at its tempo, when the tempo estimator found it a whole number of bars.
    static func wholeBars(_ a: AnalysisResult) -> Int? {
        guard let tempo = a.tempo, tempo.fitsWholeBars, tempo.bpm > 0 else { return nil }
        let bars = a.durationSeconds * tempo.bpm / 240
        let whole = bars.rounded()
        return whole >= 1 && abs(bars / whole - 1) < 0.1 ? Int(whole) : nil
    }
}
