/// Exact k-nearest-neighbour search over normalised embeddings kept in one contiguous Float32
/// array, with per-aspect distances so every match can be explained.
///
/// Distance per aspect = root-mean-square difference over the aspect's dimensions (aspects of
/// different sizes weigh the same); total = Σ wₐ·dₐ / Σ wₐ. Not thread-safe for writes: build or
/// update it on one queue, search from any thread once it is built.
public struct SimilarityIndex: Sendable {
    public struct Match: Sendable, Equatable {
        public var id: Int64
        public var distance: Float
        /// Per aspect, in `Aspect.allCases` order.
        public var aspectDistances: [Float]
        /// 0 … 1, higher is more similar: 1 / (1 + distance).
        public var score: Float { 1 / (1 + distance) }
    }

    public let layout: EmbeddingLayout
    public private(set) var ids: [Int64] = []
    public private(set) var groups: [Int64] = []      // equal for identical content (duplicates)
    public private(set) var vectors: [Float] = []

    public init(layout: EmbeddingLayout = .standard) { self.layout = layout }

    public var count: Int { ids.count }

    /// Adds a normalised embedding. `group` is the same for identical files (content hash).
    public mutating func add(id: Int64, group: Int64, vector: [Float]) {
        precondition(vector.count == layout.dimensions)
        ids.append(id)
        groups.append(group)
        vectors += vector
    }

    /// The stored vector of `id`.
    public func vector(of id: Int64) -> [Float]? {
        guard let row = ids.firstIndex(of: id) else { return nil }
        let d = layout.dimensions
        return Array(vectors[(row * d)..<((row + 1) * d)])
    }

    /// The `k` nearest to `query`, excluding `excluding` ids and, unless `includeDuplicates`,
    /// everything in `excludingGroup`; only ids `allowed` passes when given.
    public func nearest(to query: [Float], k: Int, weights: [Aspect: Float] = [:], excluding: Set<Int64> = [],
                        excludingGroup: Int64? = nil, allowed: ((Int64) -> Bool)? = nil) -> [Match] {
        let d = layout.dimensions
        let ranges = layout.ranges
        let w = Aspect.allCases.map { max(0, weights[$0] ?? 1) }
        let weightSum = max(w.reduce(0, +), 1e-6)
        // RMS over the aspect's real dimensions (padding adds zeros to the sum, not to the count)
        let inverseLengths = ranges.map { range in
            1 / Float(max(1, range.filter { layout.sourceSlots[$0] >= 0 }.count))
        }
        var heap = BoundedMaxHeap(capacity: max(1, k))
        let isStandard = ranges.map { [$0.lowerBound, $0.upperBound] } == [[0, 28], [28, 36], [36, 52], [52, 64], [64, 68]]
        let weights4 = SIMD4(w[0], w[1], w[2], w[3]), inverse4 = SIMD4(inverseLengths[0], inverseLengths[1],
                                                                        inverseLengths[2], inverseLengths[3])
        let queryLanes: [SIMD4<Float>] = isStandard ? (0..<17).map { SIMD4(query[4 * $0], query[4 * $0 + 1],
                                                                            query[4 * $0 + 2], query[4 * $0 + 3]) } : []
        query.withUnsafeBufferPointer { q in
            vectors.withUnsafeBufferPointer { all in
                let qRaw = UnsafeRawPointer(q.baseAddress!), allRaw = UnsafeRawPointer(all.baseAddress!)
                for row in 0..<ids.count {
                    if let excludingGroup, groups[row] == excludingGroup { continue }
                    let base = row * d
                    var total: Float = 0
                    if isStandard {
                        // straight-line SIMD over the standard layout's five fixed ranges
                        total = SimilarityIndex.standardDistance(allRaw + base * 4, queryLanes, weights: weights4, inverse: inverse4,
                                                                 rhythmWeight: w[4], rhythmInverse: inverseLengths[4])
                    } else {
                    for (a, range) in ranges.enumerated() where w[a] > 0 {
                        var lanes = SIMD4<Float>()
                        var i = range.lowerBound
                        while i < range.upperBound {
                            let diff = allRaw.loadUnaligned(fromByteOffset: (base + i) * 4, as: SIMD4<Float>.self)
                                - qRaw.loadUnaligned(fromByteOffset: i * 4, as: SIMD4<Float>.self)
                            lanes += diff * diff
                            i += 4
                        }
                        total += w[a] * (lanes.sum() * inverseLengths[a]).squareRoot()
                    }
                    }
                    let distance = total / weightSum
                    guard heap.accepts(distance) else { continue }
                    let id = ids[row]
                    if excluding.contains(id) { continue }
                    if let allowed, !allowed(id) { continue }
                    heap.insert(distance: distance, row: row)
                }
            }
        }
        return heap.sorted().map { entry in
            let base = entry.row * d
            let aspects = ranges.indices.map { a -> Float in
                var sum: Float = 0
                for i in ranges[a] { let diff = vectors[base + i] - query[i]; sum += diff * diff }
                return (sum * inverseLengths[a]).squareRoot()
            }
            return Match(id: ids[entry.row], distance: entry.distance, aspectDistances: aspects)
        }
    }
}

extension SimilarityIndex {
    /// The standard layout's weighted distance numerator Σ wₐ·√(Σ diff² / nₐ) for one row, in
    /// straight-line SIMD: 17 lanes of 4, the four big aspects' sums transposed into one vector
    /// for a single vector square root. `q` is the query, preloaded.
    @inline(__always)
    static func standardDistance(_ row: UnsafeRawPointer, _ q: [SIMD4<Float>], weights: SIMD4<Float>,
                                 inverse: SIMD4<Float>, rhythmWeight: Float, rhythmInverse: Float) -> Float {
        @inline(__always) func sq(_ i: Int) -> SIMD4<Float> {
            let d = row.loadUnaligned(fromByteOffset: i * 16, as: SIMD4<Float>.self) - q[i]
            return d * d
        }
        let timbre = (sq(0) + sq(1)) + (sq(2) + sq(3)) + (sq(4) + sq(5)) + sq(6)
        let spectrum = sq(7) + sq(8)
        let pitch = (sq(9) + sq(10)) + (sq(11) + sq(12))
        let envelope = sq(13) + sq(14) + sq(15)
        let rhythm = sq(16)
        let pairs = SIMD8(lowHalf: SIMD4(lowHalf: timbre.lowHalf + timbre.highHalf, highHalf: spectrum.lowHalf + spectrum.highHalf),
                          highHalf: SIMD4(lowHalf: pitch.lowHalf + pitch.highHalf, highHalf: envelope.lowHalf + envelope.highHalf))
        let sums = pairs.evenHalf + pairs.oddHalf
        return (weights * (sums * inverse).squareRoot()).sum() + rhythmWeight * (rhythm.sum() * rhythmInverse).squareRoot()
    }
}

/// Keeps the `capacity` smallest distances seen.
struct BoundedMaxHeap {
    struct Entry { var distance: Float; var row: Int }
    let capacity: Int
    private var entries: [Entry] = []

    init(capacity: Int) {
        self.capacity = capacity
        entries.reserveCapacity(capacity)
    }

    /// Whether a candidate at `distance` could enter.
    func accepts(_ distance: Float) -> Bool { entries.count < capacity || distance < entries[0].distance }

    mutating func insert(distance: Float, row: Int) {
        if entries.count < capacity {
            entries.append(Entry(distance: distance, row: row))
            siftUp(entries.count - 1)
        } else if distance < entries[0].distance {
            entries[0] = Entry(distance: distance, row: row)
            siftDown(0)
        }
    }

    func sorted() -> [Entry] { entries.sorted { $0.distance < $1.distance || ($0.distance == $1.distance && $0.row < $1.row) } }

    private mutating func siftUp(_ index: Int) {
        var child = index
        while child > 0 {
            let parent = (child - 1) / 2
            guard entries[child].distance > entries[parent].distance else { return }
            entries.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ index: Int) {
        var parent = index
        while true {
            let left = 2 * parent + 1, right = left + 1
            var largest = parent
            if left < entries.count && entries[left].distance > entries[largest].distance { largest = left }
            if right < entries.count && entries[right].distance > entries[largest].distance { largest = right }
            if largest == parent { return }
            entries.swapAt(parent, largest)
            parent = largest
        }
    }
}
