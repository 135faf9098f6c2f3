import Foundation

/// Sample-level statistics: peak, RMS, crest factor, DC offset and silence at head and tail.
public struct LevelMeter {
    public struct Configuration: Sendable {
        /// A sample quieter than this (dBFS, on the mono mixdown) counts as silence. Range [-120, 0].
        public var silenceThresholdDB: Double = -60
        public init(silenceThresholdDB: Double = -60) { self.silenceThresholdDB = silenceThresholdDB }
    }

    public struct Result: Sendable, Equatable, Codable {
        /// Largest absolute sample over all channels, dBFS.
        public var peakDBFS: Double
        /// RMS over all channels' samples, dBFS.
        public var rmsDBFS: Double
        /// Peak minus RMS, dB.
        public var crestDB: Double
        /// Mean of the mono mixdown (linear, full scale = 1).
        public var dcOffset: Double
        /// Leading and trailing time below the silence threshold, seconds.
        public var silenceHeadSeconds: Double
        public var silenceTailSeconds: Double
        public let version = AlgorithmVersion.level

        private enum CodingKeys: String, CodingKey {
            case peakDBFS, rmsDBFS, crestDB, dcOffset, silenceHeadSeconds, silenceTailSeconds, version
        }
    }

    private let threshold: Float
    private var peak: Float = 0
    private var sumSquares = 0.0
    private var channelSamples = 0
    private var monoSum = 0.0
    private var monoFrames = 0
    private var firstLoud: Int?
    private var lastLoud: Int?

    public init(_ configuration: Configuration = .init()) {
        threshold = Float(pow(10, configuration.silenceThresholdDB / 20))
    }

    /// Feeds one block: interleaved channel samples and their mono mixdown.
    public mutating func process(interleaved: UnsafeBufferPointer<Float>, mono: UnsafeBufferPointer<Float>) {
        // eight lanes at a time (Swift does not reassociate float sums on its own)
        var peaks = SIMD8<Float>(), sums = SIMD8<Float>()
        let chunks = interleaved.count / 8
        let raw = UnsafeRawPointer(interleaved.baseAddress)
        for chunk in 0..<chunks {
            let v = raw!.loadUnaligned(fromByteOffset: chunk * 32, as: SIMD8<Float>.self)
            let magnitude = v.replacing(with: -v, where: v .< 0)
            peaks.replace(with: magnitude, where: magnitude .> peaks)
            sums += v * v
        }
        var blockPeak = peaks.max(), squares = sums.sum()
        for sample in interleaved[(chunks * 8)...] {
            blockPeak = max(blockPeak, abs(sample))
            squares += sample * sample
        }
        peak = max(peak, blockPeak)
        sumSquares += Double(squares)
        channelSamples += interleaved.count
        var sum: Float = 0
        for sample in mono { sum += sample }
        if firstLoud == nil, let first = mono.firstIndex(where: { abs($0) >= threshold }) {
            firstLoud = monoFrames + first
        }
        if firstLoud != nil, let last = mono.lastIndex(where: { abs($0) >= threshold }) {
            lastLoud = monoFrames + last
        }
        monoSum += Double(sum)
        monoFrames += mono.count
    }

    public func result(sampleRate: Int) -> Result {
        let rate = Double(max(sampleRate, 1))
        let rms = channelSamples > 0 ? (sumSquares / Double(channelSamples)).squareRoot() : 0
        let peakDB = Decibels.fromAmplitude(Double(peak))
        let rmsDB = Decibels.fromAmplitude(rms)
        let head = Double(firstLoud ?? monoFrames) / rate
        let tail = Double(monoFrames - 1 - (lastLoud ?? -1)) / rate
        return Result(
            peakDBFS: peakDB, rmsDBFS: rmsDB, crestDB: peak > 0 ? peakDB - rmsDB : 0,
            dcOffset: monoFrames > 0 ? monoSum / Double(monoFrames) : 0,
            silenceHeadSeconds: head, silenceTailSeconds: max(0, tail))
    }
}
