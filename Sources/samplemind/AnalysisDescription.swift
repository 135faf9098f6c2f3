import Analysis
import Foundation
import TerminalText

/// The full human-readable description of one analysed file.
enum AnalysisDescription {
    static func detailed(_ r: AnalysisResult) -> String {
        let f = Formatting.self
        var lines: [String] = []
        func add(_ label: String, _ value: String) {
            lines.append(label.padding(toLength: 16, withPad: " ", startingAt: 0) + value)
        }
        add("file", TerminalSafe.escape(r.path))
        add("format", "\(r.format.container), \(r.format.codec), \(r.format.sampleRate) Hz, \(r.format.channels) ch"
            + (r.format.bitDepth.map { ", \($0)-bit" } ?? "") + ", \(r.format.frames) frames")
        add("duration", f.seconds(r.durationSeconds))
        add("peak / rms", "\(f.number(r.level.peakDBFS, 1)) dBFS / \(f.number(r.level.rmsDBFS, 1)) dBFS, crest \(f.number(r.level.crestDB, 1)) dB")
        add("dc offset", f.number(r.level.dcOffset, 5))
        add("silence", "head \(f.seconds(r.level.silenceHeadSeconds)), tail \(f.seconds(r.level.silenceTailSeconds))")
        add("loudness", (r.loudness.integratedLUFS.map { "\(f.number($0, 1)) LUFS" } ?? "silent")
            + ", range \(f.number(r.loudness.rangeLU, 1)) LU, true peak \(f.number(r.loudness.truePeakDBTP, 1)) dBTP")
        add("spectrum", "centroid \(f.number(r.spectral.centroidHz, 0)) Hz, rolloff \(f.number(r.spectral.rolloffHz, 0)) Hz, "
            + "flatness \(f.number(r.spectral.flatness, 3)), bandwidth \(f.number(r.spectral.bandwidthHz, 0)) Hz")
        add("zero crossings", "\(f.number(r.spectral.zeroCrossingRate, 4)) per sample")
        add("envelope", "attack \(f.number(r.envelope.attackSeconds * 1000, 1)) ms, decay \(f.number(r.envelope.decaySeconds * 1000, 0)) ms")
        add("onsets", "\(r.onsets.count) (\(f.number(r.onsets.rate, 2))/s)")
        if let t = r.tempo {
            let alts = t.alternatives.map { "\(f.number($0.bpm, 1))" }.joined(separator: ", ")
            add("tempo", "\(f.number(t.bpm, 2)) BPM (confidence \(f.number(t.confidence, 2))\(t.fitsWholeBars ? ", whole bars" : "")); alternatives \(alts)")
        } else {
            add("tempo", "—")
        }
        if let k = r.key {
            add("key", "\(k.name) (\(k.camelot), \(k.openKey)), confidence \(f.number(k.confidence, 2))")
        } else {
            add("key", "none (atonal)")
        }
        if let p = r.pitch {
            add("pitch", "\(f.number(p.hz, 2)) Hz = \(p.note) \(f.signedCents(p.cents)), confidence \(f.number(p.confidence, 2))")
        } else {
            add("pitch", "none")
        }
        add("type", "\(r.kind.rawValue) (confidence \(f.number(r.kindConfidence, 2)))")
        add("family", r.family.rawValue)
        add("mfcc mean", r.mfcc.mean.map { f.number($0, 1) }.joined(separator: " "))
        add("features", "v\(r.features.version), \(r.features.values.count) values")
        add("analysed in", "\(f.number(r.analysisSeconds * 1000, 1)) ms")
        return lines.joined(separator: "\n") + "\n"
    }
}
