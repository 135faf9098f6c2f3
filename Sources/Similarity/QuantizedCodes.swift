import CKNN

/// The index's vectors as int8 codes (one shared step, `scale`), in blocks of 16 rows laid out
/// dimension-major so the scan kernel reads a quarter of the float32 bytes and vectorises
/// across rows. The codes only rank rows approximately; `errorBound` says by how much, so the
/// exact float32 distances can settle every row that might belong in the result.
struct QuantizedCodes: Sendable {
    static let blockRows = Int(SAMPLEMIND_KNN_BLOCK)
    /// Normalised embeddings are clamped to ±5 (`Normalizer`), so this step never clips them.
    static let normalisedRange: Float = 5

    let dimensions: Int
    private(set) var count = 0
    private(set) var blocks: [Int8] = []
    /// The value of one code step; codes span ±127 steps.
    private(set) var scale: Float = QuantizedCodes.normalisedRange / 127

    init(dimensions: Int) { self.dimensions = dimensions }

    /// Appends a row; re-encodes every row first if `vector` lies outside the current range,
    /// so no stored code is ever clipped.
    mutating func append(_ vector: [Float], allVectors: [Float]) {
        let largest = vector.reduce(0) { max($0, abs($1)) }
        if largest > scale * 127 {
            scale = largest / 127
            reencode(allVectors, rows: count)
        }
        if count % Self.blockRows == 0 { blocks += [Int8](repeating: 0, count: Self.blockRows * dimensions) }
        write(vector[...], row: count)
        count += 1
    }

    /// The code of `value` at the current step (round to nearest, so the error is ≤ scale / 2).
    func code(_ value: Float) -> Int8 { Int8(max(-127, min(127, (value / scale).rounded()))) }

    private mutating func reencode(_ allVectors: [Float], rows: Int) {
        for row in 0..<rows { write(allVectors[(row * dimensions)..<((row + 1) * dimensions)], row: row) }
    }

    private mutating func write(_ vector: ArraySlice<Float>, row: Int) {
        let base = (row / Self.blockRows) * Self.blockRows * dimensions + row % Self.blockRows
        for (d, value) in vector.enumerated() { blocks[base + d * Self.blockRows] = code(value) }
    }

    /// Approximate distances of rows `blockRange` (in blocks) to `query`, into `out`
    /// (16 per block): Σₐ coefficients[a] · √(Σ_{d∈a} (code − query code)²).
    func distances(blockRange: Range<Int>, query: [Int8], starts: [Int32], ends: [Int32], coefficients: [Float],
                   into out: UnsafeMutablePointer<Float>) {
        blocks.withUnsafeBufferPointer { all in
            samplemind_knn_int8_distances(all.baseAddress! + blockRange.lowerBound * Self.blockRows * dimensions,
                                          blockRange.count, dimensions, query, starts, ends, coefficients,
                                          starts.count, out)
        }
    }
}
