import App
import Engine
import Foundation
import Glibc
import Library
import Synthesis
import Testing
import TestSupport

@Suite("The detail pane's loader")
struct DetailLoaderTests {
    @Test("reads a file whose name is not UTF-8 by its stored bytes, not its lossy display path")
    func nonUTF8Name() throws {
        let dir = TemporaryDirectory(prefix: "samplemind-detail")
        try FileManager.default.createDirectory(atPath: dir.file("samples"), withIntermediateDirectories: true)
        let written = try Fixtures.write(Signals.tone(midi: 60, seconds: 0.3), in: dir, name: "samples/plain.wav", encoding: .wavPCM16)
        let raw = RawPath(dir.file("samples")).appending([0x62, 0x61, 0x64, 0xFF, 0xFE, 0x2E, 0x77, 0x61, 0x76])   // "bad\xff\xfe.wav"
        #expect(raw.withCString { rename(written, $0) } == 0)
        let library = try SampleLibrary(path: dir.file("db.sqlite"))
        _ = try Scanner().scan([RawPath(dir.file("samples"))], into: library)
        let sample = try #require(try library.search("").first)
        #expect(sample.path.contains("\u{FFFD}"), "the display path is lossy")
        let detail = DetailLoader.load(sampleId: sample.id, path: sample.path, library: library)
        #expect(detail.error == nil)
        #expect(!detail.waveform.isEmpty)
    }
}
