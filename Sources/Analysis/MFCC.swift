import DSP
import Foundation

/// Mel-frequency cepstral coefficients: 40 Slaney mel bands → dB → orthonormal DCT-II, 13
/// coefficients, with their mean and standard deviation over the non-silent frames.
public struct MFCC {
    public static let coefficientCount = 13
    public static let bandCount = 40

    public struct Result: Sendable, Equatable, Codable {
        public var mean: [Double]
        public var std: [Double]
        public let version = AlgorithmVersion.mfcc
        private enum CodingKeys: String, CodingKey { case mean, std, version }
    }

    private let dct = DCT(inputCount: MFCC.bandCount, outputCount: MFCC.coefficientCount)
    private var loud = [RunningStatistics](repeating: .init(), count: MFCC.coefficientCount)
    private var all = [RunningStatistics](repeating: .init(), count: MFCC.coefficientCount)
    private var coefficients = [Float](repeating: 0, count: MFCC.coefficientCount)

    public init() {}

    /// Feeds one frame's mel band levels in dB (`10·log10(max(power, 1e-10))`).
    public mutating func process(melDecibels: UnsafeBufferPointer<Float>, isSilent: Bool) {
        coefficients.withUnsafeMutableBufferPointer { dct.apply(melDecibels, into: $0) }
        for k in 0..<MFCC.coefficientCount {
            all[k].add(Double(coefficients[k]))
            if !isSilent { loud[k].add(Double(coefficients[k])) }
        }
    }

    public func result() -> Result {
        let source = loud[0].count > 0 ? loud : all
        return Result(mean: source.map(\.mean), std: source.map(\.standardDeviation))
    }
}
