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
        var total: Float = 0, weighted: Float = 0, logSum: Float = 0
        for bin in 0..<power.count {
            let p = power[bin]
            total += p
            weighted += p * Float(bin)
            logSum += log(p + 1e-10)
        }
        let n = Float(power.count)
        let centroidBin = total > 0 ? weighted / total : 0
        var spread: Float = 0, cumulative: Float = 0, rolloffBin = power.count - 1
        var rolloffFound = false
        for bin in 0..<power.count {
            let d = Float(bin) - centroidBin
            spread += power[bin] * d * d
            cumulative += power[bin]
            if !rolloffFound && cumulative >= 0.85 * total { rolloffBin = bin; rolloffFound = true }
        }
        let arithmetic = total / n + 1e-10
        let flatness = Double(min(1, exp(logSum / n) / arithmetic))
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
