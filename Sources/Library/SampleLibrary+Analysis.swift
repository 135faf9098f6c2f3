import Analysis
import Foundation
import GRDB

/// One distinct content that needs analysing, with the files that carry it.
public struct PendingAnalysis: Sendable, Equatable {
    public var contentHash: String
    /// Paths of the present (not missing) files with this content; the engine tries them in order.
    public var paths: [RawPath]
    public var sampleIds: [Int64]
}

/// The outcome of analysing one content.
public enum AnalysisOutcome: Sendable {
    case analysed(AnalysisResult)
    case failed(reason: String)
    /// None of the content's files is there any more (a drive pulled or a folder moved while
    /// analysing): those samples become missing, not errors, so a rescan restores them.
    case vanished(sampleIds: [Int64])
}

extension SampleLibrary {
    /// Marks pending samples whose content already has an up-to-date analysis as done (the
    /// analysis cache by content hash), and returns how many there were.
    @discardableResult
    public func resolveCachedAnalyses(stamp: String = AlgorithmVersion.stamp) throws -> Int {
        try write { db in
            try db.execute(sql: """
                UPDATE sample SET status = 'ok', error = NULL
                WHERE status = 'pending' AND contentHash IN (SELECT contentHash FROM analysis WHERE versionStamp = ?)
                """, arguments: [stamp])
            let hits = db.changesCount
            try bump(db, "analysis_cache_hits", by: Double(hits))
            return hits
        }
    }

    /// Contents that need analysis: pending files, and analysed files whose stored analysis is
    /// stale (older algorithm versions). Missing files are never queued.
    public func pendingAnalyses(stamp: String = AlgorithmVersion.stamp) throws -> [PendingAnalysis] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT s.id, s.path, s.contentHash FROM sample s
                LEFT JOIN analysis a ON a.contentHash = s.contentHash
                WHERE s.status != 'missing' AND s.contentHash IS NOT NULL
                  AND (s.status = 'pending' OR (a.contentHash IS NOT NULL AND a.versionStamp != ?))
                ORDER BY s.id
                """, arguments: [stamp])
            var order: [String] = []
            var byHash: [String: PendingAnalysis] = [:]
            for row in rows {
                let hash: String = row["contentHash"]
                let path = RawPath(bytes: [UInt8](row["path"] as Data))
                if byHash[hash] == nil {
                    order.append(hash)
                    byHash[hash] = PendingAnalysis(contentHash: hash, paths: [], sampleIds: [])
                }
                byHash[hash]!.paths.append(path)
                byHash[hash]!.sampleIds.append(row["id"])
            }
            return order.map { byHash[$0]! }
        }
    }

    /// Stores a batch of outcomes in one transaction: the analysis row per content, and the
    /// status of every file with that content.
    public func store(_ outcomes: [(contentHash: String, outcome: AnalysisOutcome)],
                      stamp: String = AlgorithmVersion.stamp) throws {
        guard !outcomes.isEmpty else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        try write { db in
            var analysed = 0.0, failed = 0.0, seconds = 0.0
            for (hash, outcome) in outcomes {
                switch outcome {
                case .analysed(let result):
                    try AnalysisRow(hash: hash, stamp: stamp, result: result, encoder: encoder).upsert(db)
                    try db.execute(sql: """
                        UPDATE sample SET status = 'ok', error = NULL WHERE contentHash = ? AND status != 'missing'
                        """, arguments: [hash])
                    analysed += 1
                    seconds += result.analysisSeconds
                case .failed(let reason):
                    try db.execute(sql: """
                        UPDATE sample SET status = 'error', error = ? WHERE contentHash = ? AND status != 'missing'
                        """, arguments: [reason, hash])
                    failed += 1
                case .vanished(let ids):
                    for id in ids {
                        try db.execute(sql: "UPDATE sample SET status = 'missing', updatedAt = ? WHERE id = ?",
                                       arguments: [SampleLibrary.now, id])
                    }
                }
            }
            try bump(db, "analysis_cache_misses", by: analysed + failed)
            try bump(db, "analysed_files", by: analysed)
            try bump(db, "analysis_errors", by: failed)
            try bump(db, "analysis_seconds", by: seconds)
        }
    }

    /// Refreshes the query planner's statistics (SQLite `PRAGMA optimize`), so broad filters walk
    /// the sort index and stop at a page instead of sorting every match. Run after a scan.
    public func optimize() throws {
        try write { db in try db.execute(sql: "PRAGMA optimize(0x10002)") }
    }

    /// The stored analysis of `contentHash`, decoded.
    public func analysis(contentHash: String) throws -> AnalysisResult? {
        let json = try read { db in
            try String.fetchOne(db, sql: "SELECT result FROM analysisDetail WHERE contentHash = ?", arguments: [contentHash])
        }
        return try json.map { try JSONDecoder().decode(AnalysisResult.self, from: Data($0.utf8)) }
    }

    func bump(_ db: Database, _ name: String, by amount: Double) throws {
        guard amount != 0 else { return }
        try db.execute(sql: """
            INSERT INTO metric (name, value) VALUES (?, ?)
            ON CONFLICT(name) DO UPDATE SET value = value + excluded.value
            """, arguments: [name, amount])
    }
}
