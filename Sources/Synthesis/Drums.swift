import Foundation

/// Simple synthetic drum hits and a drum loop, for tests and the demo pack.
public enum Drums {
    /// An 808-style kick: a sine sweeping from ~135 Hz to 45 Hz with a 0.18 s decay (`decaySeconds`),
    /// `seconds` long (a long decay cut short ends in a click).
    public static func kick(sampleRate: Int = 44100, seconds: Double = 0.5, decaySeconds: Double = 0.18) -> [Float] {
        var phase = 0.0
        return (0..<Signals.length(seconds, sampleRate)).map { i in
            let t = Double(i) / Double(sampleRate)
            phase += 2 * Double.pi * (45 + 90 * exp(-t / 0.03)) / Double(sampleRate)
            return Float(tanh(1.5 * sin(phase)) * exp(-t / decaySeconds) * 0.9)
        }
    }

    /// A snare: high-passed noise burst plus a 220 Hz body.
    public static func snare(sampleRate: Int = 44100, seed: UInt64 = 7) -> [Float] {
        var random = SeededRandom(seed: seed)
        var previous: Float = 0
        return (0..<Signals.length(0.25, sampleRate)).map { i in
            let t = Double(i) / Double(sampleRate)
            let white = random.nextSigned()
            let noise = white - 0.8 * previous
            previous = white
            return Float(0.45 * Double(noise) * exp(-t / 0.05) + 0.4 * sin(2 * Double.pi * 220 * t) * exp(-t / 0.02))
        }
    }

    /// A snare closer to a recorded one (the demo pack's): a 190 Hz body (60 ms decay) under the
    /// wires' noise, low-passed at 3 kHz (two poles) with a gentle high-pass, decaying over 80 ms —
    /// its energy sits at 1–4 kHz like a recorded snare's, not in a hat's top octave as `snare`'s does.
    public static func acousticSnare(sampleRate: Int = 44100, seed: UInt64 = 7) -> [Float] {
        var random = SeededRandom(seed: seed)
        let a = Float(1 - exp(-2 * Double.pi * 3000 / Double(sampleRate)))
        var low1: Float = 0, low2: Float = 0, previous: Float = 0
        return (0..<Signals.length(0.25, sampleRate)).map { i in
            let t = Double(i) / Double(sampleRate)
            low1 += a * (random.nextSigned() - low1)
            low2 += a * (low1 - low2)
            let wires = low2 - 0.5 * previous
            previous = low2
            return Float(0.25 * sin(2 * Double.pi * 190 * t) * exp(-t / 0.06)) + 1.5 * wires * Float(exp(-t / 0.08))
        }
    }

    /// A closed hi-hat: twice-differentiated noise, 12 ms decay.
    public static func hat(sampleRate: Int = 44100, seed: UInt64 = 11, decaySeconds: Double = 0.012,
                           seconds: Double = 0.08) -> [Float] {
        var random = SeededRandom(seed: seed)
        var p1: Float = 0, p2: Float = 0
        let raw: [Float] = (0..<Signals.length(seconds, sampleRate)).map { i in
            let t = Double(i) / Double(sampleRate)
            let w = random.nextSigned()
            let d2 = w - 2 * p1 + p2
            p2 = p1; p1 = w
            return Float(Double(d2) * exp(-t / decaySeconds))
        }
        return Signals.normalize(raw, peak: 0.5)
    }

    /// A rim shot: 1.7 kHz and 820 Hz sines under a 6 ms decay, 50 ms long — an attack as sharp as a hit gets.
    public static func rim(sampleRate: Int = 44100) -> [Float] {
        (0..<Signals.length(0.05, sampleRate)).map { i in
            let t = Double(i) / Double(sampleRate)
            return Float(0.6 * (sin(2 * Double.pi * 1700 * t) + 0.5 * sin(2 * Double.pi * 820 * t)) * exp(-t / 0.006))
        }
    }

    /// A shaker: differentiated noise that swells over 20 ms and decays over 30 ms, 90 ms long. Its slow
    /// attack peaks in the onset envelope later, relative to the hit, than a rim's or a kick's does.
    public static func shaker(sampleRate: Int = 44100, seed: UInt64 = 13) -> [Float] {
        var random = SeededRandom(seed: seed)
        var previous: Float = 0
        return (0..<Signals.length(0.09, sampleRate)).map { i in
            let t = Double(i) / Double(sampleRate)
            let white = random.nextSigned()
            defer { previous = white }
            return 0.1 * (white - previous) * Float(min(t / 0.02, 1) * exp(-t / 0.03))
        }
    }

    /// A four-on-the-floor loop exactly `bars` bars long: kick on beats, snare on 2 and 4, hats on off-beats.
    public static func loop(bpm: Double, bars: Int, sampleRate: Int = 44100) -> [Float] {
        let beat = 60 / bpm
        var out = Signals.silence(seconds: beat * 4 * Double(bars), sampleRate: sampleRate)
        let kick = kick(sampleRate: sampleRate), snare = snare(sampleRate: sampleRate), hat = hat(sampleRate: sampleRate)
        for b in 0..<(bars * 4) {
            let at = Signals.length(Double(b) * beat, sampleRate)
            Signals.mix(kick, into: &out, at: at)
            if b % 2 == 1 { Signals.mix(snare, into: &out, at: at, gain: 0.8) }
            Signals.mix(hat, into: &out, at: at + Signals.length(beat / 2, sampleRate), gain: 0.7)
        }
        return Signals.normalize(out, peak: 0.9)
    }
}
