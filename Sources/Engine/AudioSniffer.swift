import Glibc
import Library

/// Decides whether a file is audio by its first bytes (not only its extension).
public enum AudioSniffer {
    /// Extensions that are treated as audio even when the header is unrecognised, so a
    /// corrupt `.wav` is recorded as an error instead of silently ignored.
    public static let audioExtensions: Set<String> = [
        "wav", "wave", "aif", "aiff", "aifc", "flac", "ogg", "oga", "opus", "mp3", "w64", "rf64", "caf", "au", "snd",
    ]

    /// Whether the header looks like a container libsndfile reads.
    public static func hasAudioHeader(_ header: [UInt8]) -> Bool {
        func starts(_ magic: String, at offset: Int = 0) -> Bool {
            let bytes = Array(magic.utf8)
            return header.count >= offset + bytes.count && Array(header[offset..<(offset + bytes.count)]) == bytes
        }
        if starts("RIFF") || starts("RIFX") || starts("RF64") { return starts("WAVE", at: 8) }
        if starts("FORM") { return starts("AIFF", at: 8) || starts("AIFC", at: 8) }
        if starts("fLaC") || starts("OggS") || starts("ID3") || starts("caff") || starts(".snd") { return true }
        if starts("riff") { return true }   // Sony Wave64
        if header.count >= 2 && header[0] == 0xFF && (header[1] & 0xE0) == 0xE0 { return true }  // MPEG frame sync
        return false
    }

    /// Reads the first 12 bytes of `path` (nil when unreadable).
    public static func header(of path: RawPath) -> [UInt8]? {
        let fd = path.withCString { open($0, O_RDONLY) }
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 12)
        let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, 12) }
        return count >= 0 ? Array(buffer.prefix(count)) : nil
    }

    /// Whether the scanner should take this file in: an audio header, or an audio extension.
    public static func isCandidate(_ path: RawPath) -> Bool {
        if audioExtensions.contains(path.fileExtension) { return true }
        guard let header = header(of: path) else { return false }
        return hasAudioHeader(header)
    }
}
