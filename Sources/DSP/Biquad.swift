/// A second-order IIR section (direct form I, double precision state), as used by the
/// BS.1770 K-weighting filter. Inlinable so per-sample loops in other modules stay tight.
@frozen
public struct Biquad: Sendable {
    public var b0, b1, b2, a1, a2: Double
    @usableFromInline var x1 = 0.0, x2 = 0.0, y1 = 0.0, y2 = 0.0

    public init(b0: Double, b1: Double, b2: Double, a1: Double, a2: Double) {
        self.b0 = b0; self.b1 = b1; self.b2 = b2; self.a1 = a1; self.a2 = a2
    }

    /// Filters one sample.
    @inlinable @inline(__always)
    public mutating func process(_ x: Double) -> Double {
        // terms from older samples first: the newest input and output join last, which keeps
        // the serial (recursive) dependency short
        let older = b1 * x1 + b2 * x2 - a2 * y2
        let y = (older + b0 * x) - a1 * y1
        x2 = x1; x1 = x
        y2 = y1; y1 = y
        return y
    }
}

/// Two biquads in series (first → second) on one or two channels, run as one SIMD4 step with a
/// one-sample skew: lanes 0–1 run the first stage on sample n while lanes 2–3 run the second
/// stage on the first stage's output for sample n − 1. The serial dependency per step is one
/// biquad instead of two, so the cascade runs about twice as fast; the output is the same
/// signal delayed by one sample.
@frozen
public struct PipelinedCascade: Sendable {
    public let b0, b1, b2, a1, a2: SIMD4<Double>
    @usableFromInline var x1 = SIMD4<Double>(), x2 = SIMD4<Double>(), y1 = SIMD4<Double>(), y2 = SIMD4<Double>()

    public init(first: Biquad, second: Biquad) {
        b0 = SIMD4(first.b0, first.b0, second.b0, second.b0)
        b1 = SIMD4(first.b1, first.b1, second.b1, second.b1)
        b2 = SIMD4(first.b2, first.b2, second.b2, second.b2)
        a1 = SIMD4(first.a1, first.a1, second.a1, second.a1)
        a2 = SIMD4(first.a2, first.a2, second.a2, second.a2)
    }

    /// Feeds sample n of both channels; returns the cascade's output for sample n − 1.
    @inlinable @inline(__always)
    public mutating func process(_ left: Double, _ right: Double) -> SIMD2<Double> {
        let x = SIMD4(left, right, y1[0], y1[1])
        let older = b1 * x1 + b2 * x2 - a2 * y2   // independent of this step: off the critical path
        let y = (older + b0 * x) - a1 * y1
        x2 = x1; x1 = x
        y2 = y1; y1 = y
        return SIMD2(y[2], y[3])
    }
}
