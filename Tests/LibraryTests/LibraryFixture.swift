import Engine
import Foundation
import Library
import Synthesis
import TestSupport

/// A temporary folder of synthetic samples and a library database beside it.
final class LibraryFixture: @unchecked Sendable {
    // @unchecked: used by one test at a time.
    let dir = TemporaryDirectory(prefix: "samplemind-library")
    let library: SampleLibrary
    var samplesRoot: String { dir.file("samples") }
    var databasePath: String { dir.file("library.sqlite") }

    init() throws {
        try FileManager.default.createDirectory(atPath: dir.file("samples/drums"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: dir.file("samples/tonal"), withIntermediateDirectories: true)
        library = try SampleLibrary(path: dir.file("library.sqlite"))
    }

    /// Writes a small standard set: kick, snare, hat, a bass note and a drum loop.
    func writeStandardSet() throws {
        try write(Drums.kick(), "drums/kick.wav")
        try write(Drums.snare(), "drums/snare.wav")
        try write(Drums.hat(), "drums/hat.wav")
        try write(Signals.tone(midi: 40, seconds: 0.6), "tonal/bass E2.wav")
        try write(Drums.loop(bpm: 120, bars: 1), "drums/loop 120.wav")
    }

    @discardableResult
    func write(_ samples: [Float], _ relative: String) throws -> String {
        let path = dir.file("samples/" + relative)
        try AudioFileWriterShim.write(samples, to: path)
        return path
    }

    /// Scans the samples folder and analyses; returns the combined summary.
    @discardableResult
    func scan(jobs: Int = 2) throws -> ScanSummary {
        var summary = try Scanner().scan([RawPath(samplesRoot)], into: library)
        let result = try AnalysisEngine(library: library, jobs: jobs).run()
        summary.analysed = result.analysed
        summary.analysisErrors = result.failed
        summary.cacheHits = result.cacheHits
        return summary
    }

    func id(_ relative: String) throws -> Int64 {
        try library.sample(path: RawPath(dir.file("samples/" + relative)))!.id
    }
}

import AudioIO

enum AudioFileWriterShim {
    static func write(_ samples: [Float], to path: String) throws {
        try AudioFileWriter.writeMono(samples, sampleRate: 44100, encoding: .wavPCM16, to: path)
    }
}
