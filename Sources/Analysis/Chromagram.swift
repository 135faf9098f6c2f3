import Foundation

/// Pitch-class energy from a long-window power spectrum: every bin between 55 Hz and 5 kHz adds
/// its magnitude to the pitch class it lies in, weighted by how close (in cents) it is to the
/// semitone centre, and bins below 250 Hz count double (the bass defines the key).
/// Summed over all frames, so louder passages weigh more.
public struct Chromagram {
    public static let minHz = 55.0, maxHz = 5000.0

    /// Per bin: pitch class and weight (−1 for bins outside the range).
    private let binClass: [Int]
    private let binWeight: [Float]
    public private(set) var sum = [Double](repeating: 0, count: 12)

    public init(fftSize: Int, sampleRate: Int) {
        let binCount = fftSize / 2 + 1
        let binHz = Double(sampleRate) / Double(fftSize)
        var classes = [Int](repeating: -1, count: binCount)
        var weights = [Float](repeating: 0, count: binCount)
        for bin in 1..<binCount {
            let hz = Double(bin) * binHz
            guard hz >= Chromagram.minHz, hz <= Chromagram.maxHz else { continue }
            let midi = 69 + 12 * log2(hz / 440)
            let nearest = midi.rounded()
            let cents = abs(midi - nearest) * 100
            // a bin wider than a semitone (low notes) cannot be assigned precisely: skip it
            let binWidthSemitones = 12 * log2((hz + binHz) / hz)
            guard binWidthSemitones < 1 else { continue }
            classes[bin] = ((Int(nearest) % 12) + 12) % 12
            weights[bin] = Float(max(0, 1 - cents / 50)) * (hz < 250 ? 2 : 1)
        }
        binClass = classes
        binWeight = weights
    }

    /// Feeds one power spectrum of the long-window STFT.
    public mutating func process(_ power: UnsafeBufferPointer<Float>) {
        var frame = [Float](repeating: 0, count: 12)
        for bin in 0..<min(power.count, binClass.count) {
            let pitchClass = binClass[bin]
            if pitchClass >= 0 { frame[pitchClass] += binWeight[bin] * power[bin].squareRoot() }
        }
        for k in 0..<12 { sum[k] += Double(frame[k]) }
    }

    /// The summed chroma scaled so its maximum is 1 (all zeros for silence). Index 0 is C.
    public var normalized: [Double] {
        let maxValue = sum.max() ?? 0
        return maxValue > 0 ? sum.map { $0 / maxValue } : sum
    }
}
