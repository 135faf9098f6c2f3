import Foundation

/// Pitch-class profiles from a long-window power spectrum, built as a log-frequency spectrum with
/// tuning estimation.
///
/// Every spectral peak (a local maximum above 1 % of the frame's largest) between MIDI 28 (41 Hz)
/// and MIDI 100 (2.6 kHz) gets its exact frequency by parabolic interpolation of the log magnitude
/// and adds its magnitude to a 10-cent histogram. At the end, the tuning (the magnitude-weighted
/// circular mean of the peaks' deviation from the A440 grid, −50 … +50 cents) is removed and the
/// histogram is folded into 12 pitch classes. Three profiles are kept: the whole file, its bass
/// (each frame's lowest strong peak — at least `bassPeakShare` of the frame's largest magnitude —
/// which is where the harmony's roots are, whether a bass line plays them or the chords'
/// lowest notes do), and the bass of the opening (the first `openingSeconds` of sound — loops and
/// phrases usually start on the tonic).
public struct Chromagram {
    /// Analysed range, MIDI notes.
    public static let lowestMidi = 28, highestMidi = 100
    /// Least magnitude of a frame's bass peak, as a share of the frame's largest (−20 dB): quieter low
    /// peaks are leakage, noise or a kick's tail rather than the note the harmony stands on.
    public static let bassPeakShare: Float = 0.1
    /// Histogram resolution, bins per semitone (10 cents).
    static let binsPerSemitone = 10
    /// Length of the opening whose bass is kept apart, seconds.
    public static let openingSeconds = 1.5

    private let binHz: Double
    private let openingFrames: Int
    private var whole: [Double]
    private var bass: [Double]
    private var openingBass: [Double]
    private var soundingFrames = 0
    private var logMagnitude: [Float] = []
    /// Each frame's pitch classes (peak magnitudes folded to the nearest semitone, no tuning removed).
    public private(set) var frames: PitchClassFrames

    public init(fftSize: Int, sampleRate: Int) {
        binHz = Double(sampleRate) / Double(fftSize)
        frames = PitchClassFrames(frameSeconds: Double(fftSize) / Double(sampleRate))
        openingFrames = max(1, Int((Chromagram.openingSeconds * Double(sampleRate) / Double(fftSize)).rounded()))
        let count = (Chromagram.highestMidi - Chromagram.lowestMidi + 1) * Chromagram.binsPerSemitone
        whole = [Double](repeating: 0, count: count)
        bass = whole
        openingBass = whole
    }

    /// Feeds one power spectrum of the long-window STFT.
    public mutating func process(_ power: UnsafeBufferPointer<Float>) {
        let frame = frames.appendFrame()
        guard power.count > 3 else { return }
        var maxPower: Float = 0
        for p in power { maxPower = max(maxPower, p) }
        // a −60 dBFS sine peaks at (10⁻³·N/4)² in a Hann-windowed N-point power spectrum: quieter
        // frames are silence, and not part of the opening either
        let silence = Float(1e-3 * Double(power.count - 1) / 2)
        guard maxPower > silence * silence else { return }
        soundingFrames += 1
        if logMagnitude.count != power.count { logMagnitude = [Float](repeating: 0, count: power.count) }
        let floor = maxPower * 1e-4                      // 1 % of the largest magnitude
        let lowBin = max(1, Int(Chromagram.hz(Double(Chromagram.lowestMidi) - 0.5) / binHz))
        let highBin = min(power.count - 2, Int(Chromagram.hz(Double(Chromagram.highestMidi) + 0.5) / binHz) + 1)
        guard lowBin < highBin else { return }
        for bin in (lowBin - 1)...(highBin + 1) { logMagnitude[bin] = 0.5 * log(max(power[bin], 1e-20)) }
        let inOpening = soundingFrames <= openingFrames
        let bassFloor = maxPower * Chromagram.bassPeakShare * Chromagram.bassPeakShare
        var bassFound = false
        for bin in lowBin...highBin {
            let p = power[bin]
            guard p > floor, p > power[bin - 1], p >= power[bin + 1] else { continue }
            let a = logMagnitude[bin - 1], b = logMagnitude[bin], c = logMagnitude[bin + 1]
            let denominator = a - 2 * b + c
            let shift = denominator != 0 ? Double(0.5 * (a - c) / denominator) : 0
            let hz = (Double(bin) + max(-0.5, min(0.5, shift))) * binHz
            let midi = 69 + 12 * log2(hz / 440)
            let index = Int(((midi - Double(Chromagram.lowestMidi) + 0.5) * Double(Chromagram.binsPerSemitone)).rounded(.down))
            guard index >= 0, index < whole.count else { continue }
            let magnitude = Double(p.squareRoot())
            whole[index] += magnitude
            let pitchClass = Chromagram.pitchClass(ofMidi: midi)
            frames.add(Float(magnitude), pitchClass: pitchClass, frameIndex: frame)
            if !bassFound && p >= bassFloor {
                bassFound = true
                frames.setLastBass(pitchClass)
                bass[index] += magnitude
                if inOpening { openingBass[index] += magnitude }
            }
        }
    }

    /// Deviation of the material's tuning from A440, cents (−50 … +50).
    public var tuningCents: Double {
        let (x, y, _) = tuningVector
        return x == 0 && y == 0 ? 0 : atan2(y, x) / (2 * Double.pi) * 100
    }

    /// How consistently the peaks sit on one semitone grid, 0 … 1 (the length of the
    /// magnitude-weighted mean of their deviations as unit phasors): near 1 for tuned notes, low for
    /// noise, drums and pitch sweeps, whose peaks fall anywhere between semitones.
    public var tuningCoherence: Double {
        let (x, y, total) = tuningVector
        return total > 0 ? (x * x + y * y).squareRoot() / total : 0
    }

    private var tuningVector: (x: Double, y: Double, total: Double) {
        var x = 0.0, y = 0.0, total = 0.0
        for (index, value) in whole.enumerated() where value > 0 {
            let angle = 2 * Double.pi * Chromagram.semitoneOffset(index)
            x += value * cos(angle)
            y += value * sin(angle)
            total += value
        }
        return (x, y, total)
    }

    /// The whole file's chroma scaled so its maximum is 1 (all zeros for silence). Index 0 is C.
    public var normalized: [Double] { fold(whole) }
    /// The bass chroma (each frame's lowest strong peak), scaled to a maximum of 1.
    public var bassNormalized: [Double] { fold(bass) }
    /// The opening's bass chroma, scaled to a maximum of 1.
    public var openingBassNormalized: [Double] { fold(openingBass) }

    private func fold(_ histogram: [Double]) -> [Double] {
        let tuning = tuningCents / 100
        var chroma = [Double](repeating: 0, count: 12)
        for (index, value) in histogram.enumerated() where value > 0 {
            chroma[Chromagram.pitchClass(ofMidi: Double(Chromagram.lowestMidi) + Chromagram.semitoneOffset(index) - tuning)]
                += value
        }
        let maxValue = chroma.max() ?? 0
        return maxValue > 0 ? chroma.map { $0 / maxValue } : chroma
    }

    /// The pitch class (0 = C) of the nearest semitone to a fractional MIDI note.
    private static func pitchClass(ofMidi midi: Double) -> Int { ((Int(midi.rounded()) % 12) + 12) % 12 }

    /// Offset of a histogram bin's centre from `lowestMidi`, semitones.
    private static func semitoneOffset(_ index: Int) -> Double {
        (Double(index) + 0.5) / Double(binsPerSemitone) - 0.5
    }

    private static func hz(_ midi: Double) -> Double { 440 * pow(2, (midi - 69) / 12) }
}
