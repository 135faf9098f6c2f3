import AudioIO
import Foundation
import Synthesis

/// A small pack of synthetic samples SampleMind writes into its own data folder, so a newcomer
/// sees something at once. It is never written into a user's folders.
enum DemoPack {
    struct Item { let name: String; let samples: [Float] }

    static let sampleRate = 44100

    static func items() -> [Item] {
        let sr = sampleRate
        return [
            Item(name: "kick_808.wav", samples: Drums.kick(sampleRate: sr)),
            Item(name: "snare_noise.wav", samples: Drums.acousticSnare(sampleRate: sr)),
            Item(name: "hat_closed.wav", samples: Drums.hat(sampleRate: sr)),
            Item(name: "hat_open.wav", samples: Drums.hat(sampleRate: sr, seed: 12, decaySeconds: 0.25, seconds: 0.9)),
            Item(name: "bass_A1.wav", samples: Signals.tone(midi: 33, seconds: 1.2, sampleRate: sr, amplitude: 0.5)),
            Item(name: "bass_E2.wav", samples: Signals.tone(midi: 40, seconds: 1.0, sampleRate: sr, amplitude: 0.5)),
            Item(name: "lead_C5.wav", samples: Signals.tone(midi: 72, seconds: 0.8, sampleRate: sr, amplitude: 0.4)),
            Item(name: "pluck_G4.wav", samples: Signals.tone(midi: 67, seconds: 0.6, sampleRate: sr, amplitude: 0.4,
                                                             decaySeconds: 0.15)),
            Item(name: "sine_A4.wav", samples: Signals.sine(hz: 440, seconds: 1.0, sampleRate: sr)),
            Item(name: "noise_sweep_fx.wav", samples: Signals.pinkNoise(seconds: 2.5, sampleRate: sr, amplitude: 0.4)),
            Item(name: "drum_loop_120bpm.wav", samples: Drums.loop(bpm: 120, bars: 2, sampleRate: sr)),
            Item(name: "drum_loop_92bpm.wav", samples: Drums.loop(bpm: 92, bars: 2, sampleRate: sr)),
            Item(name: "chords_A_minor.wav", samples: Progressions.cadence(tonicMidi: 57, minor: true, chordSeconds: 1, sampleRate: sr)),
            Item(name: "chords_C_major.wav", samples: Progressions.cadence(tonicMidi: 60, minor: false, chordSeconds: 1, sampleRate: sr)),
        ]
    }

    /// Writes the pack into `directory` (created if needed) unless it is already complete; returns the file paths.
    static func ensure(in directory: String) throws -> [String] {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var paths: [String] = []
        for item in items() {
            let path = (directory as NSString).appendingPathComponent(item.name)
            if !FileManager.default.fileExists(atPath: path) {
                try AudioFileWriter.writeMono(item.samples, sampleRate: sampleRate, encoding: .wavPCM16, to: path)
            }
            paths.append(path)
        }
        return paths
    }

    /// `$XDG_DATA_HOME/samplemind/demo`, defaulting to `~/.local/share/samplemind/demo`.
    static var defaultDirectory: String {
        let env = ProcessInfo.processInfo.environment
        let data = env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((env["HOME"] ?? NSHomeDirectory()) + "/.local/share")
        return data + "/samplemind/demo"
    }
}
