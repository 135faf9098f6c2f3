import Analysis
import Foundation
import GRDB
import QueryLanguage
import Similarity

/// A similarity index over the library, with the normalisation it was built with.
public struct LibrarySimilarity: Sendable {
    public var index: SimilarityIndex
    public var normalizer: Normalizer
    /// Samples left out because they have no analysis yet (or failed it).
    public var unanalysed: Int
    /// Content group of each sample id (identical files share one), for duplicate exclusion.
    public var groupOf: [Int64: Int64]
}

/// One explained match.
public struct SimilarMatch: Sendable, Codable {
    public var sample: SampleSummary
    public var score: Float
    public var distance: Float
    /// Distance per aspect (timbre, spectrum, pitch, envelope, rhythm): lower is closer.
    public var aspects: [String: Float]
}

extension SampleLibrary {
    /// Loads every analysed sample's embedding into memory and normalises it with the library's
    /// statistics (refitted and stored when the library grew or shrank by more than 10 %).
    public func similarityIndex() throws -> LibrarySimilarity {
        let layout = EmbeddingLayout.standard
        return try read { db in
            var ids: [Int64] = [], groups: [Int64] = [], raw: [[Float]] = []
            var groupNumbers: [String: Int64] = [:]
            let rows = try Row.fetchCursor(db, sql: """
                SELECT s.id, s.contentHash, d.features FROM sample s
                JOIN analysisDetail d ON d.contentHash = s.contentHash
                WHERE s.status = 'ok' ORDER BY s.id
                """)
            while let row = try rows.next() {
                let data: Data = row["features"]
                let features = data.withUnsafeBytes { Array($0.bindMemory(to: Float.self)) }
                guard let embedding = layout.embed(features) else { continue }
                let hash: String = row["contentHash"]
                let group = groupNumbers[hash] ?? Int64(groupNumbers.count)
                groupNumbers[hash] = group
                ids.append(row["id"])
                groups.append(group)
                raw.append(embedding)
            }
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sample WHERE status != 'missing'") ?? 0
            let normalizer = try storedNormalizer(db, fitting: raw, dimensions: layout.dimensions)
            var index = SimilarityIndex(layout: layout)
            for (i, var vector) in raw.enumerated() {
                normalizer.apply(&vector)
                index.add(id: ids[i], group: groups[i], vector: vector)
            }
            return LibrarySimilarity(index: index, normalizer: normalizer, unanalysed: max(0, total - ids.count),
                                     groupOf: Dictionary(uniqueKeysWithValues: zip(ids, groups)))
        }
    }

    /// The key of the normalisation statistics: the embedding layout's version and the analysis
    /// versions that produced the vectors. A new analysis version (a tempo, key or envelope fix)
    /// moves the values, so the statistics fitted to the old ones are not used for the new.
    static var embeddingStatsKey: Int64 {
        var hash: UInt32 = 2_166_136_261   // FNV-1a: stable across runs, unlike Hasher
        for byte in AlgorithmVersion.stamp.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return Int64(EmbeddingLayout.version) << 32 | Int64(hash)
    }

    /// The stored statistics, or new ones fitted to `raw` (and stored, replacing those of other
    /// versions) when there are none for `embeddingStatsKey` or the library size moved by more than
    /// 10 % since.
    private func storedNormalizer(_ db: Database, fitting raw: [[Float]], dimensions: Int) throws -> Normalizer {
        let key = SampleLibrary.embeddingStatsKey
        if let row = try Row.fetchOne(db, sql: "SELECT medians, scales, sampleCount FROM embeddingStats WHERE version = ?",
                                      arguments: [key]) {
            let count: Int = row["sampleCount"]
            let medians = (row["medians"] as Data).withUnsafeBytes { Array($0.bindMemory(to: Float.self)) }
            let scales = (row["scales"] as Data).withUnsafeBytes { Array($0.bindMemory(to: Float.self)) }
            if medians.count == dimensions, abs(raw.count - count) * 10 <= max(count, 1) {
                return Normalizer(medians: medians, scales: scales, sampleCount: count)
            }
        }
        let fitted = Normalizer.fit(raw, dimensions: dimensions)
        try? pool.write { db in   // a read-only library still searches; it just refits next time
            try db.execute(sql: "DELETE FROM embeddingStats WHERE version != ?", arguments: [key])
            try db.execute(sql: """
                INSERT OR REPLACE INTO embeddingStats (version, medians, scales, sampleCount, updatedAt)
                VALUES (?, ?, ?, ?, ?)
                """, arguments: [key, fitted.medians.withUnsafeBufferPointer { Data(buffer: $0) },
                                 fitted.scales.withUnsafeBufferPointer { Data(buffer: $0) }, fitted.sampleCount,
                                 SampleLibrary.now])
        }
        return fitted
    }

    /// The `k` samples most like `sampleId`, optionally only among those matching `whereQuery`,
    /// with per-aspect weights; the query sample and (unless asked) its exact duplicates excluded.
    public func similar(to sampleId: Int64, in similarity: LibrarySimilarity, k: Int = 20, where whereQuery: String? = nil,
                        weights: [Aspect: Float] = [:], includeDuplicates: Bool = false) throws -> [SimilarMatch] {
        guard let vector = similarity.index.vector(of: sampleId) else {
            let status = try sample(id: sampleId)?.status ?? "unknown"
            throw LibraryError.notFound("an analysis of sample \(sampleId) (status: \(status))")
        }
        return try similar(toVector: vector, in: similarity, k: k, where: whereQuery, weights: weights,
                           excluding: [sampleId], excludingGroup: includeDuplicates ? nil : similarity.groupOf[sampleId])
    }

    /// The `k` samples most like `sampleId`, with aspect weights by name ("timbre": 2, …; unknown
    /// names ignored) and "more / less like these" refinements (Rocchio) — what the browser asks.
    public func similar(to sampleId: Int64, in similarity: LibrarySimilarity, k: Int, weights: [String: Float],
                        more: [Int64], less: [Int64]) throws -> [SimilarMatch] {
        let aspectWeights = Dictionary(uniqueKeysWithValues: weights.compactMap { key, value in
            Aspect(rawValue: key).map { ($0, value) } })
        if more.isEmpty && less.isEmpty {
            return try similar(to: sampleId, in: similarity, k: k, weights: aspectWeights)
        }
        guard let base = similarity.index.vector(of: sampleId) else {
            throw LibraryError.notFound("an analysis of sample \(sampleId)")
        }
        let refined = Rocchio.refine(base, more: more.compactMap { similarity.index.vector(of: $0) },
                                     less: less.compactMap { similarity.index.vector(of: $0) })
        return try similar(toVector: refined, in: similarity, k: k, weights: aspectWeights, excluding: [sampleId],
                           excludingGroup: similarity.groupOf[sampleId])
    }

    /// The `k` samples most like a (normalised) embedding.
    public func similar(toVector vector: [Float], in similarity: LibrarySimilarity, k: Int = 20, where whereQuery: String? = nil,
                        weights: [Aspect: Float] = [:], excluding: Set<Int64> = [], excludingGroup: Int64? = nil) throws -> [SimilarMatch] {
        var allowed: Set<Int64>?
        if let whereQuery, !whereQuery.trimmingCharacters(in: .whitespaces).isEmpty {
            let compiled = try QueryCompiler.compile(whereQuery)
            allowed = try read { db in
                Set(try Int64.fetchAll(db, sql: """
                    SELECT s.id FROM sample s LEFT JOIN analysis a ON a.contentHash = s.contentHash
                    WHERE \(compiled.whereClause)
                    """, arguments: StatementArguments(compiled.arguments.map(\.databaseValue))))
            }
        }
        let matches = similarity.index.nearest(to: vector, k: k, weights: weights, excluding: excluding,
                                               excludingGroup: excludingGroup,
                                               allowed: allowed.map { set in { set.contains($0) } })
        let summaries = try read { db in try self.summaries(db, ids: matches.map(\.id)) }
        let byId = Dictionary(uniqueKeysWithValues: summaries.map { ($0.id, $0) })
        return matches.compactMap { match in
            guard let sample = byId[match.id] else { return nil }
            let aspects = Dictionary(uniqueKeysWithValues: zip(Aspect.allCases.map(\.rawValue), match.aspectDistances))
            return SimilarMatch(sample: sample, score: match.score, distance: match.distance, aspects: aspects)
        }
    }
}
