import Foundation

/// A file path as the exact bytes the file system uses. Linux paths need not be UTF-8, so
/// SampleMind stores and opens these bytes and only shows `display` (lossy, for people).
public struct RawPath: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var bytes: [UInt8]

    public init(bytes: [UInt8]) { self.bytes = bytes }
    public init(_ string: String) { bytes = Array(string.utf8) }

    /// The path decoded as UTF-8 with invalid bytes replaced by U+FFFD (for search and display;
    /// escape it with `TerminalSafe` before printing).
    public var display: String { String(decoding: bytes, as: UTF8.self) }
    public var description: String { display }

    /// The last component.
    public var name: RawPath {
        guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return self }
        return RawPath(bytes: Array(bytes[(slash + 1)...]))
    }

    /// Everything before the last component (no trailing slash); "" for a bare name.
    public var folder: RawPath {
        guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return RawPath(bytes: []) }
        return RawPath(bytes: Array(bytes[..<slash]))
    }

    /// Lower-cased extension without the dot ("" when none).
    public var fileExtension: String {
        let last = name.bytes
        guard let dot = last.lastIndex(of: UInt8(ascii: ".")), dot > 0 else { return "" }
        return String(decoding: last[(dot + 1)...], as: UTF8.self).lowercased()
    }

    /// This path joined with one more component.
    public func appending(_ component: [UInt8]) -> RawPath {
        var joined = bytes
        if joined.last != UInt8(ascii: "/") { joined.append(UInt8(ascii: "/")) }
        joined += component
        return RawPath(bytes: joined)
    }

    /// Whether `self` is `other` or lies inside it.
    public func isInside(_ other: RawPath) -> Bool {
        guard bytes.count >= other.bytes.count, bytes.starts(with: other.bytes) else { return false }
        return bytes.count == other.bytes.count || bytes[other.bytes.count] == UInt8(ascii: "/")
            || other.bytes.last == UInt8(ascii: "/")
    }

    /// Calls `body` with a NUL-terminated C string of the bytes.
    public func withCString<R>(_ body: (UnsafePointer<CChar>) throws -> R) rethrows -> R {
        try (bytes + [0]).withUnsafeBufferPointer { buffer in
            try buffer.withMemoryRebound(to: CChar.self) { try body($0.baseAddress!) }
        }
    }

    // Byte-wise compare and hash over whole buffers: the synthesized versions went element by
    // element, and a rescan of 100 k files spent a fifth of its time there.
    public static func < (lhs: RawPath, rhs: RawPath) -> Bool {
        lhs.bytes.withUnsafeBufferPointer { l in
            rhs.bytes.withUnsafeBufferPointer { r in
                let common = min(l.count, r.count)
                let order = common == 0 ? 0 : memcmp(l.baseAddress!, r.baseAddress!, common)
                return order != 0 ? order < 0 : l.count < r.count
            }
        }
    }

    public static func == (lhs: RawPath, rhs: RawPath) -> Bool {
        lhs.bytes.count == rhs.bytes.count && lhs.bytes.withUnsafeBufferPointer { l in
            rhs.bytes.withUnsafeBufferPointer { r in l.count == 0 || memcmp(l.baseAddress!, r.baseAddress!, l.count) == 0 }
        }
    }

    public func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}
