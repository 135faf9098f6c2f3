/// Facts about an audio file's encoding, as decoded (not only as its header claims).
public struct AudioFormat: Sendable, Equatable, Codable {
    /// Container, e.g. "wav", "aiff", "flac", "ogg", "mp3".
    public var container: String
    /// Codec / sample encoding, e.g. "pcm_s16", "pcm_s24", "float32", "flac_16", "vorbis", "opus", "mp3".
    public var codec: String
    /// Native sample rate in Hz.
    public var sampleRate: Int
    public var channels: Int
    /// Bits per sample for PCM / lossless codecs; nil for lossy codecs, which have none.
    public var bitDepth: Int?
    /// Frame count: the header's claim until the stream is decoded, then the frames actually read.
    public var frames: Int
    /// False while `frames` is still the header's estimate (MP3 headers only estimate it).
    public var framesExact: Bool

    public init(container: String, codec: String, sampleRate: Int, channels: Int, bitDepth: Int?,
                frames: Int, framesExact: Bool) {
        self.container = container
        self.codec = codec
        self.sampleRate = sampleRate
        self.channels = channels
        self.bitDepth = bitDepth
        self.frames = frames
        self.framesExact = framesExact
    }

    /// Duration in seconds implied by `frames`.
    public var durationSeconds: Double { sampleRate > 0 ? Double(frames) / Double(sampleRate) : 0 }

    private enum CodingKeys: String, CodingKey {
        case container, codec, sampleRate, channels, bitDepth, frames, framesExact
    }

    /// Lossy codecs encode `"bitDepth": null`, not a missing key.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(container, forKey: .container)
        try c.encode(codec, forKey: .codec)
        try c.encode(sampleRate, forKey: .sampleRate)
        try c.encode(channels, forKey: .channels)
        try c.encode(bitDepth, forKey: .bitDepth)
        try c.encode(frames, forKey: .frames)
        try c.encode(framesExact, forKey: .framesExact)
    }
}
