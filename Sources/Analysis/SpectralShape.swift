import Foundation

/// Spectral centroid, 85 % rolloff, flatness and bandwidth, averaged over the frames that are
/// not silent (frame RMS above −60 dBFS; all frames when none is).
public struct SpectralShape {
    public struct Result: Sendable, Equatable, Codable {
        /// Power-weighted mean frequency, Hz.
        public var centroidHz: Double
        /// Frequency below which 85 % of the power lies, Hz.
        public var rolloffHz: Double
        /// Geometric over arithmetic mean of the power spectrum, 0 (tonal) … 1 (white noise).
        public var flatness: Double
        /// Power-weighted standard deviation around the centroid, Hz.
        public var bandwidthHz: Double
        /// Sign changes per sample of the mono signal, 0 … 1.
        public var zeroCrossingRate: Double
        public let version = AlgorithmVersion.spectral

        private enum CodingKeys: String, CodingKey {
            case centroidHz, rolloffHz, flatness, bandwidthHz, zeroCrossingRate, version
        }
    }

    private let binHz: Double
    private var loud = Accumulators()
    private var all = Accumulators()

    struct Accumulators {
        var centroid = RunningStatistics(), rolloff = RunningStatistics()
        var flatness = RunningStatistics(), bandwidth = RunningStatistics()
    }

    public init(fftSize: Int, sampleRate: Int) {
        binHz = Double(sampleRate) / Double(fftSize)
    }

    /// Feeds one power spectrum; `isSilent` says whether the frame is below the silence gate.
    public mutating func process(_ power: UnsafeBufferPointer<Float>, isSilent: Bool) {
        var total: Float = 0, weighted: Float = 0, weightedSquares: Float = 0, logSum: Double = 0
        // log of products of 16 bins (in Double, which cannot under- or overflow for
        // 16 values in [1e-10, 1e6]) instead of 16 logs: the same sum, 16× fewer log calls
        var product = 1.0, inProduct = 0
        for bin in 0..<power.count {
            let p = power[bin], k = Float(bin)
            total += p
            weighted += p * k
            weightedSquares += p * k * k
            product *= Double(p) + 1e-10
            inProduct += 1
            if inProduct == 16 {
                logSum += log(product)
                product = 1
                inProduct = 0
            }
        }
        logSum += log(product)
        let n = Float(power.count)
        let centroidBin = total > 0 ? weighted / total : 0
        // Σp(k−c)² = Σpk² − c²Σp when c is the centroid
        let spread = max(0, weightedSquares - centroidBin * centroidBin * total)
        var cumulative: Float = 0, rolloffBin = power.count - 1
        let rolloffTarget = 0.85 * total
        for bin in 0..<power.count {
            cumulative += power[bin]
            if cumulative >= rolloffTarget { rolloffBin = bin; break }
        }
        let arithmetic = total / n + 1e-10
        let flatness = min(1, exp(logSum / Double(n)) / Double(arithmetic))
        let values = (Double(centroidBin) * binHz, Double(rolloffBin) * binHz, flatness,
                      total > 0 ? Double((spread / total).squareRoot()) * binHz : 0)
        all.add(values)
        if !isSilent { loud.add(values) }
    }

    public func result(zeroCrossingRate: Double) -> Result {
        let source = loud.centroid.count > 0 ? loud : all
        return Result(centroidHz: source.centroid.mean, rolloffHz: source.rolloff.mean,
                      flatness: source.flatness.mean, bandwidthHz: source.bandwidth.mean,
                      zeroCrossingRate: zeroCrossingRate)
    }
}

extension SpectralShape.Accumulators {
    mutating func add(_ v: (Double, Double, Double, Double)) {
        centroid.add(v.0); rolloff.add(v.1); flatness.add(v.2); bandwidth.add(v.3)
    }
}
