import Foundation

/// Orthonormal DCT-II (scipy `dct(type=2, norm="ortho")`), keeping the first `outputCount`
/// coefficients: the last step of MFCC.
public struct DCT: Sendable {
    public let inputCount: Int
    public let outputCount: Int
    private let basis: [Float]

    public init(inputCount: Int, outputCount: Int) {
        precondition(outputCount <= inputCount)
        self.inputCount = inputCount
        self.outputCount = outputCount
        var basis = [Float](repeating: 0, count: inputCount * outputCount)
        let n = Double(inputCount)
        for k in 0..<outputCount {
            let scale = k == 0 ? sqrt(1 / n) : sqrt(2 / n)
            for i in 0..<inputCount {
                basis[k * inputCount + i] = Float(scale * cos(Double.pi * Double(k) * (2 * Double(i) + 1) / (2 * n)))
            }
        }
        self.basis = basis
    }

    /// Transforms `input` (`inputCount` values) into `output` (`outputCount` values).
    public func apply(_ input: UnsafeBufferPointer<Float>, into output: UnsafeMutableBufferPointer<Float>) {
        basis.withUnsafeBufferPointer { basis in
            for k in 0..<outputCount {
                var sum: Float = 0
                let row = k * inputCount
                for i in 0..<inputCount { sum += basis[row + i] * input[i] }
                output[k] = sum
            }
        }
    }

    /// Array convenience.
    public func apply(_ input: [Float]) -> [Float] {
        var output = [Float](repeating: 0, count: outputCount)
        input.withUnsafeBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { apply(inBuf, into: $0) }
        }
        return output
    }
}
