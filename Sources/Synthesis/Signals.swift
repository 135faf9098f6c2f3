import Foundation

/// Synthetic test and demo signals with known properties. All are mono Float arrays.
public enum Signals {
    /// Number of samples for `seconds` at `sampleRate`.
    public static func length(_ seconds: Double, _ sampleRate: Int) -> Int { Int((seconds * Double(sampleRate)).rounded()) }

    /// A sine of peak `amplitude`.
    public static func sine(hz: Double, seconds: Double, sampleRate: Int = 44100, amplitude: Double = 0.5,
                            phase: Double = 0) -> [Float] {
        (0..<length(seconds, sampleRate)).map {
            Float(amplitude * sin(2 * Double.pi * hz * Double($0) / Double(sampleRate) + phase))
        }
    }

    /// Silence.
    public static func silence(seconds: Double, sampleRate: Int = 44100) -> [Float] {
        [Float](repeating: 0, count: length(seconds, sampleRate))
    }

    /// Uniform white noise of peak `amplitude`.
    public static func whiteNoise(seconds: Double, sampleRate: Int = 44100, amplitude: Float = 0.5,
                                  seed: UInt64 = 1) -> [Float] {
        var random = SeededRandom(seed: seed)
        return (0..<length(seconds, sampleRate)).map { _ in amplitude * random.nextSigned() }
    }

    /// Pink (1/f) noise by Paul Kellet's refined filter over white noise, scaled to peak `amplitude`.
    public static func pinkNoise(seconds: Double, sampleRate: Int = 44100, amplitude: Float = 0.5,
                                 seed: UInt64 = 2) -> [Float] {
        var random = SeededRandom(seed: seed)
        var b0: Float = 0, b1: Float = 0, b2: Float = 0, b3: Float = 0, b4: Float = 0, b5: Float = 0, b6: Float = 0
        let raw: [Float] = (0..<length(seconds, sampleRate)).map { _ in
            let white = random.nextSigned()
            b0 = 0.99886 * b0 + white * 0.0555179; b1 = 0.99332 * b1 + white * 0.0750759
            b2 = 0.96900 * b2 + white * 0.1538520; b3 = 0.86650 * b3 + white * 0.3104856
            b4 = 0.55000 * b4 + white * 0.5329522; b5 = -0.7616 * b5 - white * 0.0168980
            let pink = b0 + b1 + b2 + b3 + b4 + b5 + b6 + white * 0.5362
            b6 = white * 0.115926
            return pink
        }
        return normalize(raw, peak: amplitude)
    }

    /// Single-sample clicks every `60 / bpm` seconds, starting at 0.
    public static func clickTrain(bpm: Double, seconds: Double, sampleRate: Int = 44100,
                                  amplitude: Float = 0.9) -> [Float] {
        var out = [Float](repeating: 0, count: length(seconds, sampleRate))
        let period = 60 / bpm * Double(sampleRate)
        var position = 0.0
        while Int(position.rounded()) < out.count {
            out[Int(position.rounded())] = amplitude
            position += period
        }
        return out
    }

    /// A unit impulse at `atSeconds` in otherwise silent audio.
    public static func impulse(atSeconds: Double, seconds: Double, sampleRate: Int = 44100,
                               amplitude: Float = 1) -> [Float] {
        var out = silence(seconds: seconds, sampleRate: sampleRate)
        let index = length(atSeconds, sampleRate)
        if index < out.count { out[index] = amplitude }
        return out
    }

    /// Frequency of a MIDI note in Hz (A4 = 69 = 440 Hz).
    public static func hz(midi: Double) -> Double { 440 * pow(2, (midi - 69) / 12) }

    /// A harmonic tone (saw-like: partial k at 1/k) with a 5 ms attack and exponential decay.
    public static func tone(midi: Double, seconds: Double, sampleRate: Int = 44100, amplitude: Double = 0.3,
                            partials: Int = 8, decaySeconds: Double? = nil) -> [Float] {
        let f0 = hz(midi: midi)
        let n = length(seconds, sampleRate)
        let attack = max(1, length(0.005, sampleRate))
        let tau = decaySeconds ?? seconds / 2.5
        return (0..<n).map { i in
            let t = Double(i) / Double(sampleRate)
            var v = 0.0
            for k in 1...partials where Double(k) * f0 < Double(sampleRate) / 2 - 1000 {
                v += sin(2 * Double.pi * Double(k) * f0 * t) / Double(k)
            }
            let envelope = min(1, Double(i) / Double(attack)) * exp(-t / tau)
            return Float(amplitude * v * envelope)
        }
    }

    /// Adds `source` into `target` starting at sample `offset` (clipped to the target's length).
    public static func mix(_ source: [Float], into target: inout [Float], at offset: Int, gain: Float = 1) {
        guard offset < target.count else { return }
        for i in 0..<min(source.count, target.count - offset) { target[offset + i] += gain * source[i] }
    }

    /// Scales `signal` so its largest absolute sample equals `peak`.
    public static func normalize(_ signal: [Float], peak: Float) -> [Float] {
        let maxValue = signal.map(abs).max() ?? 0
        return maxValue > 0 ? signal.map { $0 * peak / maxValue } : signal
    }
}
