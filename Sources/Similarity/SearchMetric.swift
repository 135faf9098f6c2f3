/// The distance one search ranks by: per aspect the root-mean-square difference over the
/// aspect's real dimensions, combined as Σ wₐ·dₐ / Σ wₐ.
struct SearchMetric {
    let ranges: [Range<Int>]
    /// Per aspect, ≥ 0, in `Aspect.allCases` order.
    let weights: [Float]
    let weightSum: Float
    /// 1 / (number of real, non-padding dimensions) per aspect.
    let inverseLengths: [Float]

    init(layout: EmbeddingLayout, weights: [Aspect: Float]) {
        ranges = layout.ranges
        self.weights = Aspect.allCases.map { max(0, weights[$0] ?? 1) }
        weightSum = max(self.weights.reduce(0, +), 1e-6)
        // padding adds zeros to the sum, not to the count
        inverseLengths = layout.ranges.map { range in
            1 / Float(max(1, range.filter { layout.sourceSlots[$0] >= 0 }.count))
        }
    }

    /// Exact per-aspect distances of row `row` of `vectors` to `query`.
    func aspectDistances(_ vectors: [Float], row: Int, to query: [Float]) -> [Float] {
        let base = row * query.count
        return ranges.indices.map { a in
            var sum: Float = 0
            for i in ranges[a] { let diff = vectors[base + i] - query[i]; sum += diff * diff }
            return (sum * inverseLengths[a]).squareRoot()
        }
    }

    /// Exact weighted distance of row `row` of `vectors` to `query`.
    func distance(_ vectors: [Float], row: Int, to query: [Float]) -> Float {
        combine(aspectDistances(vectors, row: row, to: query))
    }

    func combine(_ aspectDistances: [Float]) -> Float {
        zip(weights, aspectDistances).reduce(0) { $0 + $1.0 * $1.1 } / weightSum
    }
}

/// The first stage of a search: approximate distances from int8 codes, and how far from the
/// exact distance they can be.
///
/// With step s, a stored value x and its code c satisfy |x − s·c| ≤ s/2; the query's own
/// rounding error eᵢ is known. By the triangle inequality each aspect's distance moves by at
/// most √(Σᵢ (s/2 + |eᵢ|)² / nₐ), so the weighted total moves by at most `errorBound`.
struct ApproximateScan {
    let codes: QuantizedCodes
    let queryCodes: [Int8]
    let starts: [Int32], ends: [Int32]
    let coefficients: [Float]
    /// |exact − approximate| ≤ errorBound for every row.
    let errorBound: Float

    init(metric: SearchMetric, codes: QuantizedCodes, query: [Float]) {
        self.codes = codes
        let step = codes.scale
        queryCodes = query.map(codes.code)
        var starts: [Int32] = [], ends: [Int32] = [], coefficients: [Float] = []
        var bound: Float = 0
        for (a, range) in metric.ranges.enumerated() where metric.weights[a] > 0 {
            starts.append(Int32(range.lowerBound))
            ends.append(Int32(range.upperBound))
            coefficients.append(metric.weights[a] * step * metric.inverseLengths[a].squareRoot() / metric.weightSum)
            var sum: Float = 0
            for i in range {
                // 0.5001: room for the rounding of value / step itself
                let error = step * 0.5001 + abs(query[i] - step * Float(queryCodes[i]))
                sum += error * error
            }
            bound += metric.weights[a] * (sum * metric.inverseLengths[a]).squareRoot()
        }
        self.starts = starts
        self.ends = ends
        self.coefficients = coefficients
        errorBound = bound / metric.weightSum
    }

    /// Approximate distances of the rows of `blocks` (16 per block) into `out`.
    func distances(_ blocks: Range<Int>, into out: UnsafeMutablePointer<Float>) {
        codes.distances(blockRange: blocks, query: queryCodes, starts: starts, ends: ends,
                        coefficients: coefficients, into: out)
    }

    /// The largest approximate distance a row of the exact top k can have, when the k-th best
    /// approximate distance seen so far is `kthBest`: its exact distance is at most
    /// kthBest + bound, and its approximate one at most a bound more (plus float slack).
    func candidateLimit(kthBest: Float) -> Float {
        kthBest + 2 * errorBound + 1e-5 * (1 + kthBest)
    }
}
