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
        let y = b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2
        x2 = x1; x1 = x
        y2 = y1; y1 = y
        return y
    }
}

/// The same section run on two channels at once (SIMD2 lanes), for stereo K-weighting.
@frozen
public struct StereoBiquad: Sendable {
    public let b0, b1, b2, a1, a2: Double
    @usableFromInline var x1 = SIMD2<Double>(), x2 = SIMD2<Double>(), y1 = SIMD2<Double>(), y2 = SIMD2<Double>()

    public init(_ mono: Biquad) {
        b0 = mono.b0; b1 = mono.b1; b2 = mono.b2; a1 = mono.a1; a2 = mono.a2
    }

    @inlinable @inline(__always)
    public mutating func process(_ x: SIMD2<Double>) -> SIMD2<Double> {
        let y = b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2
        x2 = x1; x1 = x
        y2 = y1; y1 = y
        return y
    }
}
