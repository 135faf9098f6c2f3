/// Exact k-nearest-neighbour search over normalised embeddings kept in one contiguous Float32
/// array, with per-aspect distances so every match can be explained.
///
/// Distance per aspect = root-mean-square difference over the aspect's dimensions (aspects of
/// different sizes weigh the same); total = Σ wₐ·dₐ / Σ wₐ. A search scans int8 codes of the
/// vectors (`QuantizedCodes`, a quarter of the bytes) for approximate distances with a proven
/// error bound, then computes the exact Float32 distance of every row the bound cannot rule
/// out: the result is the exact top k. Not thread-safe for writes: build or update it on one
/// queue, search from any thread once it is built.
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
    private var codes: QuantizedCodes

    public init(layout: EmbeddingLayout = .standard) {
        self.layout = layout
        codes = QuantizedCodes(dimensions: layout.dimensions)
    }

    public var count: Int { ids.count }

    /// Bytes held per indexed vector: Float32 values, int8 codes, id and group.
    public var bytesPerVector: Int { layout.dimensions * 5 + 16 }

    /// Adds a normalised embedding. `group` is the same for identical files (content hash).
    public mutating func add(id: Int64, group: Int64, vector: [Float]) {
        precondition(vector.count == layout.dimensions)
        codes.append(vector, allVectors: vectors)
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
    /// everything in `excludingGroup`; only ids `allowed` passes when given. Ties go to the
    /// earlier-added row.
    public func nearest(to query: [Float], k: Int, weights: [Aspect: Float] = [:], excluding: Set<Int64> = [],
                        excludingGroup: Int64? = nil, allowed: ((Int64) -> Bool)? = nil) -> [Match] {
        precondition(query.count == layout.dimensions)
        let metric = SearchMetric(layout: layout, weights: weights)
        let scan = ApproximateScan(metric: metric, codes: codes, query: query)
        // Stage 1: approximate distances; keep every admissible row the error bound cannot rule out.
        var heap = BoundedMaxHeap(capacity: max(1, k))
        var candidates: [(row: Int, approximate: Float)] = []
        var limit = Float.infinity
        let chunkBlocks = 256, blockRows = QuantizedCodes.blockRows
        var out = [Float](repeating: 0, count: chunkBlocks * blockRows)
        let blockCount = (count + blockRows - 1) / blockRows
        for firstBlock in stride(from: 0, to: blockCount, by: chunkBlocks) {
            let blocks = firstBlock..<min(blockCount, firstBlock + chunkBlocks)
            out.withUnsafeMutableBufferPointer { scan.distances(blocks, into: $0.baseAddress!) }
            let firstRow = firstBlock * blockRows
            for row in firstRow..<min(count, firstRow + blocks.count * blockRows) {
                let approximate = out[row - firstRow]
                guard approximate <= limit else { continue }
                if let excludingGroup, groups[row] == excludingGroup { continue }
                let id = ids[row]
                if excluding.contains(id) { continue }
                if let allowed, !allowed(id) { continue }
                heap.insert(distance: approximate, row: row)
                candidates.append((row, approximate))
                if let worst = heap.worst { limit = scan.candidateLimit(kthBest: worst) }
            }
            if candidates.count > 8 * k + 4096 { candidates.removeAll { $0.approximate > limit } }
        }
        // Stage 2: exact distances of the rows that may belong.
        var exact = candidates.filter { $0.approximate <= limit }
            .map { (row: $0.row, distance: metric.distance(vectors, row: $0.row, to: query)) }
        exact.sort { $0.distance < $1.distance || ($0.distance == $1.distance && $0.row < $1.row) }
        return exact.prefix(k).map { entry in
            Match(id: ids[entry.row], distance: entry.distance,
                  aspectDistances: metric.aspectDistances(vectors, row: entry.row, to: query))
        }
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

    /// The largest kept distance once the heap is full; nil before.
    var worst: Float? { entries.count < capacity ? nil : entries[0].distance }

    mutating func insert(distance: Float, row: Int) {
        if entries.count < capacity {
            entries.append(Entry(distance: distance, row: row))
            siftUp(entries.count - 1)
        } else if distance < entries[0].distance {
            entries[0] = Entry(distance: distance, row: row)
            siftDown(0)
        }
    }

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
