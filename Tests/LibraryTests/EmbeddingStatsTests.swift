import Foundation
import GRDB
import Library
import Testing

@Suite("Similarity normalisation statistics follow the analysis versions")
struct EmbeddingStatsTests {
    @Test("statistics stored by another analysis version are refitted, not reused")
    func staleStatisticsRefit() throws {
        let f = try LibraryFixture()
        try f.writeStandardSet()
        try f.scan()
        let fitted = try f.library.similarityIndex().normalizer
        let stored = try f.library.read { db in try Int64.fetchAll(db, sql: "SELECT version FROM embeddingStats") }
        #expect(stored.count == 1)

        // As if an older analysis (other tempo, key or envelope values) had fitted them: same layout
        // version, same sample count, other values.
        let zeros = Data(count: fitted.medians.count * MemoryLayout<Float>.size)
        try f.library.write { db in
            try db.execute(sql: "UPDATE embeddingStats SET version = 1, medians = ?", arguments: [zeros])
        }
        let reloaded = try f.library.similarityIndex().normalizer
        #expect(reloaded.medians == fitted.medians)
        let after = try f.library.read { db in try Int64.fetchAll(db, sql: "SELECT version FROM embeddingStats") }
        #expect(after == stored)
    }
}
