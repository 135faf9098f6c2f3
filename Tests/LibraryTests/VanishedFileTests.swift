import Engine
import Foundation
import Library
import Synthesis
import Testing

@Suite("Files and roots that vanish while a scan runs")
struct VanishedFileTests {
    private func scannedLibrary(_ count: Int) throws -> LibraryFixture {
        let f = try LibraryFixture()
        for i in 0..<count { try f.write(Signals.tone(midi: 50 + Double(i), seconds: 0.2), "tonal/v\(i).wav") }
        _ = try Scanner().scan([RawPath(f.samplesRoot)], into: f.library)
        return f
    }

    @Test("a file gone before its analysis becomes missing, not an error, and is analysed once it is back")
    func goneBeforeAnalysis() throws {
        let f = try scannedLibrary(3)
        let path = f.dir.file("samples/tonal/v1.wav"), away = f.dir.file("v1.wav")
        try FileManager.default.moveItem(atPath: path, toPath: away)
        let result = try AnalysisEngine(library: f.library, jobs: 1).run()
        #expect(result.analysed == 2 && result.failed == 0)
        #expect(try f.library.count("status:missing") == 1)
        #expect(try f.library.count("status:error") == 0)
        try FileManager.default.moveItem(atPath: away, toPath: path)
        let rescan = try Scanner().scan([RawPath(f.samplesRoot)], into: f.library)
        #expect(rescan.restored == 1)
        #expect(try AnalysisEngine(library: f.library, jobs: 1).run().analysed == 1)
        #expect(try f.library.count("status:ok") == 3)
    }

    @Test("a root that disappeared after its walk is marked offline with its samples missing")
    func rootGoneAfterWalk() throws {
        let f = try scannedLibrary(2)
        let root = RawPath(f.samplesRoot)
        #expect(try Scanner().markUnreachable([root], in: f.library) == [])
        #expect(try f.library.roots().map(\.isOnline) == [true])
        try FileManager.default.moveItem(atPath: f.samplesRoot, toPath: f.dir.file("pulled"))
        #expect(try Scanner().markUnreachable([root], in: f.library) == [f.samplesRoot])
        #expect(try f.library.roots().map(\.isOnline) == [false])
        #expect(try f.library.count("status:missing") == 2)
    }
}
