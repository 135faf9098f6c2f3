import Analysis
import AudioIO
import Foundation
import Synthesis
import Testing
import TestSupport

@Suite("Tiny, empty and broken files")
struct EdgeCaseTests {
    let dir = TemporaryDirectory()

    @Test("empty, silent, 1-sample and 2 ms files analyse to finite values",
          arguments: [("empty", 0), ("one-sample", 1), ("2ms", 88), ("silent", 44100),
                       ("exactly one 3 s loudness-range window", 3 * 44100)])
    func tinyFiles(name: String, samples: Int) throws {
        let signal: [Float] = name == "silent" ? Signals.silence(seconds: 1)
            : Array(Signals.sine(hz: 1000, seconds: 3, amplitude: 0.5).prefix(samples))
        let path = try Fixtures.write(signal, in: dir, name: "\(name).wav", encoding: .wavPCM16)
        let r = try Analyzer().analyze(path: path)
        #expect(r.format.frames == samples)
        #expect(abs(r.durationSeconds - Double(samples) / 44100) < 1e-9)
        #expect(r.features.values.allSatisfy { $0.isFinite })
        // JSONEncoder throws on NaN or ±inf anywhere in the result
        _ = try JSONEncoder().encode(r)
        #expect(r.kind == .oneshot)
        #expect(r.tempo == nil)
        #expect(r.loudness.rangeLU == 0, "a steady tone (or too short a file) has no loudness range")
        if name == "2ms" { #expect(r.loudness.integratedLUFS != nil, "a 2 ms blip still has a loudness") }
    }

    @Test("a truncated FLAC and a text file named .wav fail with the path and a reason")
    func brokenFiles() throws {
        let full = try Fixtures.write(Signals.whiteNoise(seconds: 2), in: dir, name: "full.flac", encoding: .flac16)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: full)))
        let cut = try Fixtures.writeBytes(Array(bytes.prefix(bytes.count / 3)), in: dir, name: "cut.flac")
        let text = try Fixtures.writeBytes(Array("hello".utf8), in: dir, name: "text.wav")
        for path in [cut, text] {
            #expect { _ = try Analyzer().analyze(path: path) } throws: { error in
                guard let error = error as? AudioIOError else { return false }
                return error.path == path && !error.reason.isEmpty
            }
        }
    }
}
