import Analysis
import Similarity
import Testing

@Suite("Similarity index")
struct SimilarityIndexTests {
    let layout = EmbeddingLayout.standard

    /// Deterministic pseudo-random vectors.
    func vectors(_ count: Int, seed: UInt64) -> [[Float]] {
        var state = seed
        func next() -> Float {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Float(Int64(bitPattern: state >> 11) % 2000) / 1000 - 1
        }
        return (0..<count).map { _ in
            (0..<layout.dimensions).map { layout.sourceSlots[$0] >= 0 ? next() : 0 }
        }
    }

    func bruteForce(_ all: [[Float]], _ query: [Float], weights: [Aspect: Float]) -> [Int] {
        let w = Aspect.allCases.map { weights[$0] ?? 1 }
        func distance(_ v: [Float]) -> Float {
            var total: Float = 0
            for (a, range) in layout.ranges.enumerated() {
                let real = range.filter { layout.sourceSlots[$0] >= 0 }
                let sum = real.reduce(Float(0)) { $0 + (v[$1] - query[$1]) * (v[$1] - query[$1]) }
                total += w[a] * (sum / Float(real.count)).squareRoot()
            }
            return total / w.reduce(0, +)
        }
        return all.indices.sorted { distance(all[$0]) < distance(all[$1]) }
    }

    @Test("every aspect is a contiguous range padded to whole SIMD4 lanes, covering each feature slot once")
    func layoutCoversFeatures() {
        #expect(layout.dimensions % 4 == 0)
        #expect(layout.ranges.allSatisfy { $0.count % 4 == 0 })
        let used = layout.sourceSlots.filter { $0 >= 0 }
        #expect(used.count == FeatureVector.names.count)
        #expect(Set(used).count == used.count)
    }

    @Test("the top k equal a brute-force sort, with and without weights", arguments: [[:], [Aspect.timbre: 3, .pitch: 0]])
    func exactKNN(weights: [Aspect: Float]) {
        let all = vectors(500, seed: 1)
        var index = SimilarityIndex()
        for (i, v) in all.enumerated() { index.add(id: Int64(i), group: Int64(i), vector: v) }
        let query = vectors(1, seed: 99)[0]
        let found = index.nearest(to: query, k: 10, weights: weights).map { Int($0.id) }
        #expect(found == Array(bruteForce(all, query, weights: weights).prefix(10)))
    }

    /// Exact weighted distance, written independently of the index (Double sums).
    func exactDistance(_ v: [Float], _ query: [Float], weights: [Aspect: Float]) -> Double {
        let w = Aspect.allCases.map { Double(weights[$0] ?? 1) }
        var total = 0.0
        for (a, range) in layout.ranges.enumerated() {
            let real = range.filter { layout.sourceSlots[$0] >= 0 }
            let sum = real.reduce(0.0) { $0 + Double(v[$1] - query[$1]) * Double(v[$1] - query[$1]) }
            total += w[a] * (sum / Double(real.count)).squareRoot()
        }
        return total / w.reduce(0, +)
    }

    @Test("the int8 first pass never loses a true neighbour: clusters finer than a code step, values beyond ±5 and queries outside the range",
          arguments: [[:], [Aspect.timbre: 3, .pitch: 0, .rhythm: 0.5]])
    func quantisedScanStaysExact(weights: [Aspect: Float]) {
        // 40 centres, each with 50 members closer to it than one int8 step (5/127 ≈ 0.039)
        let centres = vectors(40, seed: 7)
        let jitter = vectors(2000, seed: 8)
        var all: [[Float]] = []
        for i in 0..<2000 {
            all.append(zip(centres[i % 40], jitter[i]).map { $0 + 0.01 * $1 })
        }
        all[1234] = all[1234].map { $0 * 9 }   // beyond ±5: every code is re-encoded with a larger step
        var index = SimilarityIndex()
        for (i, v) in all.enumerated() { index.add(id: Int64(i), group: Int64(i), vector: v) }
        var queries = vectors(10, seed: 9).map { $0.map { $0 * 0.5 } }
        queries += [all[17], all[1234], centres[3].map { $0 * 7 }]   // a member, the outlier, far outside
        for query in queries {
            for k in [1, 20] {
                let found = index.nearest(to: query, k: k, weights: weights)
                let truth = all.map { exactDistance($0, query, weights: weights) }.sorted()
                #expect(found.count == k)
                for (match, expected) in zip(found, truth) {
                    #expect(abs(Double(match.distance) - expected) <= 1e-4 * (1 + expected))
                    #expect(abs(exactDistance(all[Int(match.id)], query, weights: weights) - Double(match.distance)) <= 1e-4 * (1 + expected))
                }
            }
        }
    }

    @Test("the query's own id and its duplicates are excluded; a filter limits the candidates")
    func exclusions() {
        let all = vectors(50, seed: 2)
        var index = SimilarityIndex()
        for (i, v) in all.enumerated() { index.add(id: Int64(i), group: i < 3 ? 100 : Int64(i), vector: v) }
        let matches = index.nearest(to: all[0], k: 5, excluding: [0], excludingGroup: 100)
        #expect(!matches.contains { $0.id < 3 })
        let even = index.nearest(to: all[0], k: 5, allowed: { $0 % 2 == 0 })
        #expect(even.allSatisfy { $0.id % 2 == 0 })
        #expect(even.first?.id == 0 && even.first?.distance == 0, "itself when not excluded")
    }

    @Test("per-aspect distances explain the match: a vector differing only in pitch is far only in pitch")
    func explanation() {
        var base = vectors(1, seed: 3)[0]
        var index = SimilarityIndex()
        index.add(id: 1, group: 1, vector: base)
        let pitchRange = layout.ranges[Aspect.allCases.firstIndex(of: .pitch)!]
        for i in pitchRange where layout.sourceSlots[i] >= 0 { base[i] += 1 }
        let match = index.nearest(to: base, k: 1)[0]
        let aspects = Dictionary(uniqueKeysWithValues: zip(Aspect.allCases, match.aspectDistances))
        #expect(abs((aspects[.pitch] ?? 0) - 1) < 1e-5)
        #expect([Aspect.timbre, .spectrum, .envelope, .rhythm].allSatisfy { (aspects[$0] ?? 1) < 1e-6 })
    }

    @Test("robust normalisation centres on the median and is not stretched by one outlier")
    func normalizer() {
        var column: [[Float]] = (0..<99).map { [Float($0)] }
        column.append([1_000_000])
        let n = Normalizer.fit(column, dimensions: 1)
        #expect(n.medians[0] == 49.5)
        var v: [Float] = [49.5]
        n.apply(&v)
        #expect(v[0] == 0)
        var far: [Float] = [1_000_000]
        n.apply(&far)
        #expect(far[0] == 5, "clamped")
    }

    @Test("a feature vector with NaN or infinity has no embedding")
    func rejectsNonFinite() {
        var values = [Float](repeating: 0, count: FeatureVector.names.count)
        #expect(layout.embed(values) != nil)
        values[3] = .nan
        #expect(layout.embed(values) == nil)
        values[3] = .infinity
        #expect(layout.embed(values) == nil)
    }
}
