import Glibc
import Library

/// A 64-bit content hash of a whole file (FNV-1a over 8-byte words, seeded with the length),
/// written as 16 hex digits plus the size: identical bytes give identical hashes, so moved files
/// keep their tags and duplicates share one analysis. Not cryptographic; collisions among a
/// library's files are vanishingly unlikely (~n²/2⁶⁵).
public enum ContentHasher {
    public enum Failure: Error, CustomStringConvertible {
        case unreadable(String)
        public var description: String { switch self { case .unreadable(let reason): return reason } }
    }

    public static func hash(_ path: RawPath) throws -> String {
        let fd = path.withCString { open($0, O_RDONLY) }
        guard fd >= 0 else { throw Failure.unreadable(String(cString: strerror(errno))) }
        defer { close(fd) }
        var state: UInt64 = 0xcbf2_9ce4_8422_2325
        let prime: UInt64 = 0x0000_0100_0000_01B3
        var length: UInt64 = 0
        let capacity = 1 << 16
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)
        defer { buffer.deallocate() }
        var carried = 0   // bytes of an incomplete word kept at the buffer's start
        while true {
            let count = read(fd, buffer + carried, capacity - carried)
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure.unreadable(String(cString: strerror(errno)))
            }
            if count == 0 { break }
            length += UInt64(count)
            let available = carried + count
            let words = available / 8
            for i in 0..<words {
                state = (state ^ buffer.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)) &* prime
            }
            carried = available - words * 8
            if carried > 0 { buffer.copyMemory(from: buffer + words * 8, byteCount: carried) }
        }
        for i in 0..<carried {
            state = (state ^ UInt64(buffer.load(fromByteOffset: i, as: UInt8.self))) &* prime
        }
        state = (state ^ length) &* prime
        let hex = String(state, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex + "-" + String(length)
    }
}
