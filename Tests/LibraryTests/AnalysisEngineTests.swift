import Engine
import GRDB
import Foundation
import Library
import Synchronization
import Synthesis
import Testing

@Suite("The analysis engine's priority lane, cancellation and staleness")
struct AnalysisEngineTests {
    private func pendingLibrary(_ count: Int) throws -> LibraryFixture {
        let f = try LibraryFixture()
        for i in 0..<count { try f.write(Signals.tone(midi: 40 + Double(i), seconds: 0.2), "tonal/n\(i).wav") }
        _ = try Scanner().scan([RawPath(f.samplesRoot)], into: f.library)
        return f
    }

    @Test("the sample the user is looking at is analysed first")
    func priorityLane() throws {
        let f = try pendingLibrary(8)
        let wanted = try f.id("tonal/n6.wav")
        let engine = AnalysisEngine(library: f.library, jobs: 1)
        engine.prioritize(sampleId: wanted)
        let order = Mutex<[Int64]>([])
        _ = try engine.run(onResult: { item, _ in order.withLock { $0 += item.sampleIds } })
        #expect(order.withLock { $0.first } == wanted)
        #expect(order.withLock { $0.count } == 8)
    }

    @Test("cancel stops after the file in flight; the rest stays pending and a later run finishes it")
    func cancellation() throws {
        let f = try pendingLibrary(6)
        let engine = AnalysisEngine(library: f.library, jobs: 1, batchSize: 1)
        let first = try engine.run(onResult: { _, _ in engine.cancel() })
        #expect(first.analysed == 1)
        #expect(try f.library.count("status:pending") == 5)
        #expect(try f.library.count("status:ok") == 1)
        let rest = try engine.run()
        #expect(rest.analysed == 5)
        #expect(try f.library.count("status:ok") == 6)
    }

    @Test("only analyses with an older version stamp are redone")
    func staleVersions() throws {
        let f = try pendingLibrary(3)
        _ = try AnalysisEngine(library: f.library).run()
        let id = try f.id("tonal/n1.wav")
        let hash = try #require(try f.library.sample(id: id)?.contentHash)
        try f.library.write { db in
            try db.execute(sql: "UPDATE analysis SET versionStamp = 'old' WHERE contentHash = ?", arguments: [hash])
        }
        let pending = try f.library.pendingAnalyses()
        #expect(pending.map(\.contentHash) == [hash])
        #expect(try AnalysisEngine(library: f.library).run().analysed == 1)
        #expect(try f.library.pendingAnalyses().isEmpty)
    }

    @Test("scanning never writes into the scanned folders")
    func rootsAreReadOnly() throws {
        let f = try LibraryFixture()
        try f.writeStandardSet()
        func snapshot() throws -> [String: Date] {
            var result: [String: Date] = [:]
            let enumerator = FileManager.default.enumerator(atPath: f.samplesRoot)!
            while let name = enumerator.nextObject() as? String {
                let attributes = try FileManager.default.attributesOfItem(atPath: f.samplesRoot + "/" + name)
                result[name] = attributes[.modificationDate] as? Date
            }
            return result
        }
        let before = try snapshot()
        try f.scan()
        try f.scan()
        #expect(try snapshot() == before)
    }
}
