/// Robust z-scores per dimension: (x − median) / (1.4826 · MAD), clamped to ±5, so one odd
/// sample cannot stretch a dimension. Statistics come from the library and are kept with it.
public struct Normalizer: Sendable, Equatable, Codable {
    public var medians: [Float]
    public var scales: [Float]
    public var sampleCount: Int

    public init(medians: [Float], scales: [Float], sampleCount: Int) {
        self.medians = medians
        self.scales = scales
        self.sampleCount = sampleCount
    }

    /// Statistics of `vectors` (raw embeddings, all of `dimensions` values).
    public static func fit(_ vectors: [[Float]], dimensions: Int) -> Normalizer {
        var medians = [Float](repeating: 0, count: dimensions)
        var scales = [Float](repeating: 1, count: dimensions)
        guard !vectors.isEmpty else { return Normalizer(medians: medians, scales: scales, sampleCount: 0) }
        var column = [Float](repeating: 0, count: vectors.count)
        for d in 0..<dimensions {
            for (i, v) in vectors.enumerated() { column[i] = v[d] }
            let median = Normalizer.median(&column)
            for i in 0..<column.count { column[i] = abs(column[i] - median) }
            let mad = Normalizer.median(&column)
            medians[d] = median
            scales[d] = mad > 1e-6 ? 1.4826 * mad : 1
        }
        return Normalizer(medians: medians, scales: scales, sampleCount: vectors.count)
    }

    /// Normalises one raw embedding in place.
    public func apply(_ vector: inout [Float]) {
        for d in 0..<vector.count { vector[d] = max(-5, min(5, (vector[d] - medians[d]) / scales[d])) }
    }

    private static func median(_ values: inout [Float]) -> Float {
        values.sort()
        let n = values.count
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2
    }
}
