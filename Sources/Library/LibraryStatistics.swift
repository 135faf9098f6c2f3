import Foundation
import GRDB

/// Counts and the engine's monitoring numbers (the seed's analysis-cache hit rate among them).
public struct LibraryStatistics: Sendable, Codable, Equatable {
    public var samples: Int
    public var byStatus: [String: Int]
    public var distinctContents: Int
    public var analysed: Int
    public var roots: Int
    public var offlineRoots: Int
    public var tags: Int
    public var databaseBytes: Int64
    /// Running totals kept in the `metric` table.
    public var analysisCacheHits: Double
    public var analysisCacheMisses: Double
    public var analysisErrors: Double
    public var analysisSeconds: Double
    public var analysedFiles: Double
    /// AI-note cache lookups that found / did not find a note.
    public var aiCacheHits: Double
    public var aiCacheMisses: Double

    /// Hits / (hits + misses), or nil before any analysis.
    public var cacheHitRate: Double? {
        let total = analysisCacheHits + analysisCacheMisses
        return total > 0 ? analysisCacheHits / total : nil
    }

    /// Mean analysis time per analysed file, seconds.
    public var meanAnalysisSeconds: Double? { analysedFiles > 0 ? analysisSeconds / analysedFiles : nil }
}

extension SampleLibrary {
    public func statistics() throws -> LibraryStatistics {
        try read { db in
            var byStatus: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT status, COUNT(*) AS n FROM sample GROUP BY status") {
                byStatus[row["status"]] = row["n"]
            }
            var metrics: [String: Double] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT name, value FROM metric") { metrics[row["name"]] = row["value"] }
            let pageCount = try Int64.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            let pageSize = try Int64.fetchOne(db, sql: "PRAGMA page_size") ?? 0
            return LibraryStatistics(
                samples: byStatus.values.reduce(0, +), byStatus: byStatus,
                distinctContents: try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT contentHash) FROM sample") ?? 0,
                analysed: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM analysis") ?? 0,
                roots: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM root") ?? 0,
                offlineRoots: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM root WHERE status = 'offline'") ?? 0,
                tags: try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT tag) FROM tag") ?? 0,
                databaseBytes: pageCount * pageSize,
                analysisCacheHits: metrics["analysis_cache_hits"] ?? 0,
                analysisCacheMisses: metrics["analysis_cache_misses"] ?? 0,
                analysisErrors: metrics["analysis_errors"] ?? 0,
                analysisSeconds: metrics["analysis_seconds"] ?? 0,
                analysedFiles: metrics["analysed_files"] ?? 0,
                aiCacheHits: metrics["ai_cache_hits"] ?? 0, aiCacheMisses: metrics["ai_cache_misses"] ?? 0)
        }
    }
}
