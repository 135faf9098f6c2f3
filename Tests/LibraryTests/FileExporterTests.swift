import Engine
import Foundation
import Glibc
import Library
import Testing
import TestSupport

@Suite("Export copies samples by their exact bytes and never overwrites")
struct FileExporterTests {
    private func write(_ bytes: [UInt8], at path: RawPath) throws {
        let fd = path.withCString { open($0, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }
        #expect(fd >= 0)
        defer { close(fd) }
        #expect(bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) } == bytes.count)
    }

    private func contents(of path: RawPath) throws -> [UInt8]? {
        let fd = path.withCString { open($0, O_RDONLY) }
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = [], buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count <= 0 { return bytes }
            bytes += buffer[..<count]
        }
    }

    @Test("a name that is not valid UTF-8 is copied byte for byte under the same name")
    func nonUTF8Name() throws {
        let dir = TemporaryDirectory(prefix: "samplemind-export")
        defer { try? FileManager.default.removeItem(atPath: dir.path) }
        try FileManager.default.createDirectory(atPath: dir.file("out"), withIntermediateDirectories: true)
        let name: [UInt8] = Array("kick-".utf8) + [0xFF, 0xFE] + Array(".wav".utf8)
        let source = RawPath(dir.path).appending(name)
        let payload = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }   // several buffers long
        try write(payload, at: source)
        #expect(try FileExporter.copy(source, into: RawPath(dir.file("out"))) == .copied)
        #expect(try contents(of: RawPath(dir.file("out")).appending(name)) == payload)
        #expect(try contents(of: source) == payload, "the source is untouched")
    }

    @Test("a file already in the folder is left as it is")
    func neverOverwrites() throws {
        let dir = TemporaryDirectory(prefix: "samplemind-export")
        defer { try? FileManager.default.removeItem(atPath: dir.path) }
        try FileManager.default.createDirectory(atPath: dir.file("out"), withIntermediateDirectories: true)
        let source = RawPath(dir.file("snare.wav")), existing = RawPath(dir.file("out/snare.wav"))
        try write([1, 2, 3], at: source)
        try write([9, 9], at: existing)
        #expect(try FileExporter.copy(source, into: RawPath(dir.file("out"))) == .alreadyThere)
        #expect(try contents(of: existing) == [9, 9])
    }

    @Test("a missing source or folder fails with the path and reason and leaves no partial file")
    func failuresAreExplained() throws {
        let dir = TemporaryDirectory(prefix: "samplemind-export")
        defer { try? FileManager.default.removeItem(atPath: dir.path) }
        try FileManager.default.createDirectory(atPath: dir.file("out"), withIntermediateDirectories: true)
        #expect { try FileExporter.copy(RawPath(dir.file("gone.wav")), into: RawPath(dir.file("out"))) } throws: {
            "\($0)".contains("gone.wav") && "\($0)".contains("No such file")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.file("out")).isEmpty)
        try write([1], at: RawPath(dir.file("hat.wav")))
        #expect { try FileExporter.copy(RawPath(dir.file("hat.wav")), into: RawPath(dir.file("nowhere"))) } throws: {
            "\($0)".contains("nowhere/hat.wav")
        }
    }
}
