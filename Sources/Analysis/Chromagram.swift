import Foundation

/// Pitch-class profile from a long-window power spectrum, by harmonic summation: each semitone
/// from A1 (55 Hz) to C7 gets the salience Σₕ 0.8^(h−1)·|X(h·f)| over its first six harmonics,
/// so a note's overtones (the fifth at h = 3, the major third at h = 5) support its fundamental
/// instead of adding false pitch classes. Notes below 250 Hz count double (the bass defines the
/// key). Summed over all frames, so louder passages weigh more.
public struct Chromagram {
    public static let lowestMidi = 33, highestMidi = 96, harmonics = 6

    /// For every semitone, the FFT bin ranges of its harmonics, and the semitone's weight.
    private let semitoneBins: [[ClosedRange<Int>]]
    private let semitoneWeight: [Float]
    private var magnitude: [Float] = []
    public private(set) var sum = [Double](repeating: 0, count: 12)

    public init(fftSize: Int, sampleRate: Int) {
        let binHz = Double(sampleRate) / Double(fftSize)
        let nyquistBin = fftSize / 2
        var bins: [[ClosedRange<Int>]] = []
        var weights: [Float] = []
        for midi in Chromagram.lowestMidi...Chromagram.highestMidi {
            let f0 = 440 * pow(2, (Double(midi) - 69) / 12)
            var ranges: [ClosedRange<Int>] = []
            for h in 1...Chromagram.harmonics {
                // ±a quarter tone around the harmonic (at most ±6 bins), at least the nearest bin;
                // harmonics above 5 kHz add cost and little evidence
                guard Double(h) * f0 <= 5000 else { break }
                let centre = Int((Double(h) * f0 / binHz).rounded())
                let lo = max(centre - 6, Int((Double(h) * f0 * pow(2, -0.5 / 12) / binHz).rounded(.up)))
                let hi = min(centre + 6, Int((Double(h) * f0 * pow(2, 0.5 / 12) / binHz).rounded(.down)))
                let range = lo <= hi ? lo...hi : centre...centre
                if range.upperBound < nyquistBin { ranges.append(range) }
            }
            bins.append(ranges)
            weights.append(f0 < 250 ? 2 : 1)
        }
        semitoneBins = bins
        semitoneWeight = weights
    }

    /// Feeds one power spectrum of the long-window STFT.
    public mutating func process(_ power: UnsafeBufferPointer<Float>) {
        if magnitude.count != power.count { magnitude = [Float](repeating: 0, count: power.count) }
        for bin in 0..<power.count { magnitude[bin] = power[bin].squareRoot() }
        for (index, ranges) in semitoneBins.enumerated() {
            var salience: Float = 0, weight: Float = 1
            for range in ranges {
                var peak: Float = 0
                for bin in range where bin < magnitude.count { peak = max(peak, magnitude[bin]) }
                salience += weight * peak
                weight *= 0.8
            }
            sum[(Chromagram.lowestMidi + index) % 12] += Double(salience * semitoneWeight[index])
        }
    }

    /// The summed chroma scaled so its maximum is 1 (all zeros for silence). Index 0 is C.
    public var normalized: [Double] {
        let maxValue = sum.max() ?? 0
        return maxValue > 0 ? sum.map { $0 / maxValue } : sum
    }
}
