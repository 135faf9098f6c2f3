import Foundation

/// Triangular mel filters over FFT power bins (Slaney mel scale and area normalisation, as
/// librosa's `filters.mel(htk=False, norm="slaney")`).
public struct MelFilterBank: Sendable {
    /// One filter: the first FFT bin it covers and its weights from there on.
    struct Filter: Sendable {
        var firstBin: Int
        var weights: [Float]
    }

    public let bandCount: Int
    let filters: [Filter]
    /// The same filters flattened for the per-frame loop: weights back to back, with each
    /// band's first bin, offset into `flatWeights` and length.
    private let flatWeights: [Float]
    private let bandFirstBin: [Int], bandOffset: [Int], bandLength: [Int]

    /// - Parameters:
    ///   - bandCount: number of mel bands, [1, 256], default 40.
    ///   - fftSize: FFT length the power spectra come from.
    ///   - sampleRate: Hz.
    ///   - minHz / maxHz: band edges in Hz; `maxHz` defaults to Nyquist.
    public init(bandCount: Int = 40, fftSize: Int, sampleRate: Double, minHz: Double = 0, maxHz: Double? = nil) {
        self.bandCount = bandCount
        let top = min(maxHz ?? sampleRate / 2, sampleRate / 2)
        let melMin = MelFilterBank.hzToMel(minHz), melMax = MelFilterBank.hzToMel(top)
        let edges = (0..<(bandCount + 2)).map {
            MelFilterBank.melToHz(melMin + (melMax - melMin) * Double($0) / Double(bandCount + 1))
        }
        let binHz = sampleRate / Double(fftSize)
        let binCount = fftSize / 2 + 1
        var filters: [Filter] = []
        for band in 0..<bandCount {
            let lower = edges[band], centre = edges[band + 1], upper = edges[band + 2]
            let norm = 2 / (upper - lower)
            let first = max(0, Int(ceil(lower / binHz)))
            let last = min(binCount - 1, Int(floor(upper / binHz)))
            var weights: [Float] = []
            if first <= last {
                for bin in first...last {
                    let hz = Double(bin) * binHz
                    let rise = (hz - lower) / (centre - lower)
                    let fall = (upper - hz) / (upper - centre)
                    weights.append(Float(max(0, min(rise, fall)) * norm))
                }
            }
            filters.append(Filter(firstBin: first, weights: weights))
        }
        self.filters = filters
        flatWeights = filters.flatMap(\.weights)
        bandFirstBin = filters.map(\.firstBin)
        bandLength = filters.map(\.weights.count)
        var offsets: [Int] = []
        var offset = 0
        for filter in filters { offsets.append(offset); offset += filter.weights.count }
        bandOffset = offsets
    }

    /// Applies the bank to a power spectrum, writing `bandCount` band energies.
    public func apply(_ power: UnsafeBufferPointer<Float>, into bands: UnsafeMutableBufferPointer<Float>) {
        flatWeights.withUnsafeBufferPointer { weights in
            bandFirstBin.withUnsafeBufferPointer { firstBins in
                bandOffset.withUnsafeBufferPointer { offsets in
                    bandLength.withUnsafeBufferPointer { lengths in
                        let w = weights.baseAddress!, p = power.baseAddress!
                        for band in 0..<bandCount {
                            let bandWeights = w + offsets[band], bandPower = p + firstBins[band]
                            // four partial sums so the loop vectorises (float adds are not reassociated)
                            var s0: Float = 0, s1: Float = 0, s2: Float = 0, s3: Float = 0
                            let length = lengths[band]
                            var k = 0
                            while k + 4 <= length {
                                s0 += bandWeights[k] * bandPower[k]
                                s1 += bandWeights[k + 1] * bandPower[k + 1]
                                s2 += bandWeights[k + 2] * bandPower[k + 2]
                                s3 += bandWeights[k + 3] * bandPower[k + 3]
                                k += 4
                            }
                            while k < length { s0 += bandWeights[k] * bandPower[k]; k += 1 }
                            bands[band] = (s0 + s1) + (s2 + s3)
                        }
                    }
                }
            }
        }
    }

    /// Slaney's mel scale: linear below 1 kHz, logarithmic above.
    public static func hzToMel(_ hz: Double) -> Double {
        let fSp = 200.0 / 3, minLogHz = 1000.0, minLogMel = minLogHz / fSp, logStep = log(6.4) / 27
        return hz < minLogHz ? hz / fSp : minLogMel + log(hz / minLogHz) / logStep
    }

    public static func melToHz(_ mel: Double) -> Double {
        let fSp = 200.0 / 3, minLogHz = 1000.0, minLogMel = minLogHz / fSp, logStep = log(6.4) / 27
        return mel < minLogMel ? mel * fSp : minLogHz * exp(logStep * (mel - minLogMel))
    }
}
