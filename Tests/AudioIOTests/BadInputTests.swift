import AudioIO
import Foundation
import Synthesis
import Testing
import TestSupport

@Suite("Unreadable and corrupt files give clear errors")
struct BadInputTests {
    let dir = TemporaryDirectory()

    @Test("a text file named .wav cannot be opened, and the error says why")
    func textNamedWav() throws {
        let path = try Fixtures.writeBytes(Array("just some notes, not audio\n".utf8), in: dir, name: "notes.wav")
        #expect {
            _ = try AudioFileReader(path: path)
        } throws: { error in
            guard let error = error as? AudioIOError, case .openFailed(let p, let reason) = error else { return false }
            return p == path && !reason.isEmpty
        }
    }

    @Test("an empty file cannot be opened")
    func emptyFile() throws {
        let path = try Fixtures.writeBytes([], in: dir, name: "empty.wav")
        #expect(throws: AudioIOError.self) { _ = try AudioFileReader(path: path) }
    }

    @Test("a missing file names the path")
    func missingFile() {
        let path = dir.file("does-not-exist.flac")
        #expect { _ = try AudioFileReader(path: path) } throws: { ($0 as? AudioIOError)?.path == path }
    }

    @Test("a truncated FLAC is reported as an error, not analysed as if complete")
    func truncatedFLAC() throws {
        let full = try Fixtures.write(Signals.whiteNoise(seconds: 2, sampleRate: 44100), in: dir, name: "full.flac",
                                      encoding: .flac16)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: full)))
        let cut = try Fixtures.writeBytes(Array(bytes.prefix(bytes.count / 2)), in: dir, name: "cut.flac")
        #expect(throws: AudioIOError.self) {
            let reader = try AudioFileReader(path: cut)
            try reader.readAll { _, _ in }
        }
    }

    @Test("a header claiming zero channels or a zero sample rate is rejected")
    func implausibleHeader() throws {
        // Minimal 44-byte WAV header with 0 channels.
        var header = Array("RIFF".utf8) + le32(36) + Array("WAVEfmt ".utf8) + le32(16)
        header += le16(1) + le16(0) + le32(44100) + le32(0) + le16(0) + le16(16)
        header += Array("data".utf8) + le32(0)
        let path = try Fixtures.writeBytes(header, in: dir, name: "zero-channels.wav")
        #expect(throws: AudioIOError.self) { _ = try AudioFileReader(path: path) }
    }

    private func le32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8((v >> (8 * $0)) & 0xff) } }
    private func le16(_ v: UInt16) -> [UInt8] { (0..<2).map { UInt8((v >> (8 * $0)) & 0xff) } }
}
