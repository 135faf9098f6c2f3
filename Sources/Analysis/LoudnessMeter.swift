import DSP
import Foundation

/// Integrated loudness and loudness range after ITU-R BS.1770-4 / EBU R128 (Tech 3341/3342),
/// plus a true-peak estimate.
///
/// K-weighted channel energies are summed (all channel weights 1.0: SampleMind's material is
/// mono or stereo) into 100 ms sub-blocks; gating blocks are 400 ms with 75 % overlap, absolute
/// gate −70 LUFS, relative gate −10 LU. **Files shorter than one 400 ms block** are measured as a
/// single block spanning the whole file (mean square over its own length), so a 50 ms hat gets
/// the loudness it sounds like instead of one diluted by zero padding. Silence (everything
/// below the absolute gate) has no loudness: `integratedLUFS` is nil, never ±inf or NaN.
public struct LoudnessMeter {
    public struct Result: Sendable, Equatable, Codable {
        /// Integrated loudness, LUFS; nil when the file is silent (below the −70 LUFS gate).
        public var integratedLUFS: Double?
        /// Loudness range (EBU Tech 3342), LU; 0 for files shorter than one 3 s window.
        public var rangeLU: Double
        /// True-peak estimate (4× oversampled), dBTP.
        public var truePeakDBTP: Double
        public let version = AlgorithmVersion.loudness

        private enum CodingKeys: String, CodingKey { case integratedLUFS, rangeLU, truePeakDBTP, version }

        public init(integratedLUFS: Double?, rangeLU: Double, truePeakDBTP: Double) {
            self.integratedLUFS = integratedLUFS
            self.rangeLU = rangeLU
            self.truePeakDBTP = truePeakDBTP
        }

        /// Silence encodes as `"integratedLUFS": null`, not a missing key.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(integratedLUFS, forKey: .integratedLUFS)
            try c.encode(rangeLU, forKey: .rangeLU)
            try c.encode(truePeakDBTP, forKey: .truePeakDBTP)
            try c.encode(version, forKey: .version)
        }
    }

    private let channels: Int
    private let subBlockFrames: Int
    private var shelves: [Biquad]
    private var highPasses: [Biquad]
    private var pipeline: PipelinedCascade     // used instead of the arrays for 1- and 2-channel files
    private var subBlockEnergy: [Double] = []   // sum over channels of mean squares, per 100 ms
    private var currentSum = 0.0
    private var currentFrames = 0
    private var truePeak: TruePeakMeter
    private var energy: [Double] = []   // scratch for files with more than two channels

    public init(channels: Int, sampleRate: Int) {
        self.channels = channels
        subBlockFrames = max(1, sampleRate / 10)
        let (shelf, highPass) = KWeighting.filters(sampleRate: Double(sampleRate))
        shelves = Array(repeating: shelf, count: channels)
        highPasses = Array(repeating: highPass, count: channels)
        pipeline = PipelinedCascade(first: shelf, second: highPass)
        truePeak = TruePeakMeter(channels: channels)
    }

    /// Feeds interleaved samples.
    public mutating func process(interleaved: UnsafeBufferPointer<Float>) {
        truePeak.process(interleaved: interleaved)
        let frames = interleaved.count / channels
        if channels <= 2 {
            // mono and stereo: both filter stages and both channels in one pipelined SIMD step
            // (the energy lags one sample, which no 100 ms block notices)
            var cascade = pipeline
            var sum = currentSum, count = currentFrames
            let stereo = channels == 2
            for frame in 0..<frames {
                let y = stereo ? cascade.process(Double(interleaved[2 * frame]), Double(interleaved[2 * frame + 1]))
                    : cascade.process(Double(interleaved[frame]), 0)
                sum += y[0] * y[0] + y[1] * y[1]
                count += 1
                if count == subBlockFrames {
                    subBlockEnergy.append(sum / Double(subBlockFrames))
                    sum = 0
                    count = 0
                }
            }
            pipeline = cascade
            currentSum = sum
            currentFrames = count
            return
        }
        // more channels: one at a time, with each filter's state in locals
        if energy.count < frames { energy = [Double](repeating: 0, count: frames) }
        energy.withUnsafeMutableBufferPointer { energy in
            for frame in 0..<frames { energy[frame] = 0 }
            for channel in 0..<channels {
                var shelf = shelves[channel], highPass = highPasses[channel]
                var index = channel
                for frame in 0..<frames {
                    let y = highPass.process(shelf.process(Double(interleaved[index])))
                    energy[frame] += y * y
                    index += channels
                }
                shelves[channel] = shelf
                highPasses[channel] = highPass
            }
            for frame in 0..<frames {
                currentSum += energy[frame]
                currentFrames += 1
                if currentFrames == subBlockFrames {
                    subBlockEnergy.append(currentSum / Double(subBlockFrames))
                    currentSum = 0
                    currentFrames = 0
                }
            }
        }
    }

    public func result() -> Result {
        Result(integratedLUFS: integratedLoudness(), rangeLU: loudnessRange(),
               truePeakDBTP: Decibels.fromAmplitude(truePeak.peak))
    }

    static func lufs(_ meanSquare: Double) -> Double { -0.691 + 10 * log10(meanSquare) }

    private func integratedLoudness() -> Double? {
        var blocks: [Double] = []
        if subBlockEnergy.count < 4 {
            let frames = subBlockEnergy.count * subBlockFrames + currentFrames
            guard frames > 0 else { return nil }
            let total = subBlockEnergy.reduce(0) { $0 + $1 * Double(subBlockFrames) } + currentSum
            blocks = [total / Double(frames)]
        } else {
            for start in 0...(subBlockEnergy.count - 4) {
                blocks.append(subBlockEnergy[start..<(start + 4)].reduce(0, +) / 4)
            }
        }
        let absoluteGate = pow(10, (-70 + 0.691) / 10)
        let aboveAbsolute = blocks.filter { $0 > absoluteGate }
        guard !aboveAbsolute.isEmpty else { return nil }
        let relativeGate = LoudnessMeter.lufs(aboveAbsolute.reduce(0, +) / Double(aboveAbsolute.count)) - 10
        let gated = aboveAbsolute.filter { LoudnessMeter.lufs($0) > relativeGate }
        guard !gated.isEmpty else { return nil }
        return LoudnessMeter.lufs(gated.reduce(0, +) / Double(gated.count))
    }

    private func loudnessRange() -> Double {
        guard subBlockEnergy.count >= 30 else { return 0 }
        var shortTerm: [Double] = []
        var window = subBlockEnergy[0..<30].reduce(0, +)
        shortTerm.append(LoudnessMeter.lufs(window / 30))
        for start in stride(from: 1, through: subBlockEnergy.count - 30, by: 1) {
            window += subBlockEnergy[start + 29] - subBlockEnergy[start - 1]
            shortTerm.append(LoudnessMeter.lufs(max(window, 0) / 30))
        }
        let aboveAbsolute = shortTerm.filter { $0 > -70 }
        guard !aboveAbsolute.isEmpty else { return 0 }
        let meanPower = aboveAbsolute.reduce(0) { $0 + pow(10, ($1 + 0.691) / 10) } / Double(aboveAbsolute.count)
        let relativeGate = LoudnessMeter.lufs(meanPower) - 20
        let gated = aboveAbsolute.filter { $0 > relativeGate }.sorted()
        guard gated.count > 1 else { return 0 }
        func percentile(_ p: Double) -> Double {
            gated[min(gated.count - 1, max(0, Int((p * Double(gated.count - 1)).rounded())))]
        }
        return percentile(0.95) - percentile(0.10)
    }
}
