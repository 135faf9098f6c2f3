import CSndFile
import Glibc

/// Streams an audio file through libsndfile in fixed-size blocks, so a 1 GB file never sits in memory.
///
/// One reader owns one `SNDFILE*` and frees it in `deinit`; it is used from one thread at a time.
public final class AudioFileReader {
    /// Largest channel count accepted; anything above is treated as a corrupt header.
    public static let maxChannels = 64
    /// Sample rates outside this range are treated as a corrupt header (Hz).
    public static let sampleRateRange = 1...1_536_000

    public let path: String
    /// The header's view of the format; `frames` becomes exact once `readAll` has run.
    public private(set) var format: AudioFormat
    let handle: OpaquePointer

    /// Opens `path` for reading. Throws `AudioIOError.openFailed` with libsndfile's message.
    public convenience init(path: String) throws(AudioIOError) {
        try self.init(pathBytes: Array(path.utf8))
    }

    /// Opens the file whose path is exactly these bytes (Linux paths need not be valid UTF-8).
    public init(pathBytes: [UInt8]) throws(AudioIOError) {
        let path = String(decoding: pathBytes, as: UTF8.self)
        self.path = path
        var info = SF_INFO()
        let opened = (pathBytes + [0]).withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { sf_open($0.baseAddress, Int32(SFM_READ), &info) }
        }
        guard let handle = opened else {
            throw .openFailed(path: path, reason: String(cString: sf_strerror(nil)))
        }
        guard AudioFileReader.sampleRateRange.contains(Int(info.samplerate)) else {
            sf_close(handle)
            throw .implausibleFormat(path: path, reason: "sample rate \(info.samplerate) Hz")
        }
        guard (1...AudioFileReader.maxChannels).contains(Int(info.channels)) else {
            sf_close(handle)
            throw .implausibleFormat(path: path, reason: "\(info.channels) channels")
        }
        self.handle = handle
        let codec = SndFileFormatNames.codec(info.format)
        let container = SndFileFormatNames.container(info.format)
        format = AudioFormat(
            container: container, codec: codec.name, sampleRate: Int(info.samplerate),
            channels: Int(info.channels), bitDepth: codec.bitDepth, frames: max(0, Int(info.frames)),
            framesExact: container != "mp3")
    }

    deinit { sf_close(handle) }

    /// Decodes the whole stream block by block, handing each block of interleaved samples
    /// (`frames × channels` floats in [-1, 1]) to `body`. Returns the frames actually decoded
    /// and updates `format.frames` to that count.
    ///
    /// Throws `decodeFailed` when libsndfile reports an error mid-stream and `truncated` when a
    /// lossless file ends far before its header said (MP3 headers only estimate their length).
    @discardableResult
    public func readAll(
        blockFrames: Int = 4096,
        _ body: (_ interleaved: UnsafeBufferPointer<Float>, _ frames: Int) throws -> Void
    ) throws -> Int {
        let channels = format.channels
        let buffer = UnsafeMutableBufferPointer<Float>.allocate(capacity: blockFrames * channels)
        defer { buffer.deallocate() }
        var total = 0
        while true {
            let got = Int(sf_readf_float(handle, buffer.baseAddress, sf_count_t(blockFrames)))
            if got <= 0 { break }
            total += got
            try body(UnsafeBufferPointer(rebasing: buffer[0..<(got * channels)]), got)
        }
        let status = sf_error(handle)
        if status != Int32(SF_ERR_NO_ERROR) {
            throw AudioIOError.decodeFailed(path: path, framesRead: total,
                                            reason: String(cString: sf_strerror(handle)))
        }
        let expected = format.frames
        if format.framesExact && expected > 0 && total < expected - max(expected / 100, 1152) {
            throw AudioIOError.truncated(path: path, framesRead: total, framesExpected: expected)
        }
        format.frames = total
        format.framesExact = true
        return total
    }

    /// Convenience for small files and tests: the whole file mixed down to mono.
    public func readMono() throws -> [Float] {
        var mono: [Float] = []
        mono.reserveCapacity(format.frames)
        let channels = format.channels
        try readAll { block, frames in
            MonoMixdown.append(block, frames: frames, channels: channels, to: &mono)
        }
        return mono
    }
}

extension AudioFileReader {
    /// Moves the read position to `frame` (clamped to the file); returns the new position.
    @discardableResult
    public func seek(toFrame frame: Int) -> Int {
        let target = max(0, min(frame, max(0, format.frames)))
        return Int(sf_seek(handle, sf_count_t(target), SEEK_SET))
    }

    /// Reads up to `frames` interleaved frames into `buffer`; returns the frames read (0 at the end).
    /// Throws when libsndfile reports a decoding error.
    public func read(into buffer: UnsafeMutableBufferPointer<Float>, frames: Int) throws(AudioIOError) -> Int {
        let got = Int(sf_readf_float(handle, buffer.baseAddress, sf_count_t(frames)))
        if got <= 0 && sf_error(handle) != Int32(SF_ERR_NO_ERROR) {
            throw .decodeFailed(path: path, framesRead: 0, reason: String(cString: sf_strerror(handle)))
        }
        return max(0, got)
    }
}
