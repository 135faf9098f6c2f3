import CSndFile

/// Writes audio files through libsndfile. SampleMind only writes files it generates itself
/// (the demo pack, test fixtures); it never writes to a user's audio.
public enum AudioFileWriter {
    /// Container + encoding choices for written files.
    public enum Encoding: Sendable, CaseIterable {
        case wavPCM8, wavPCM16, wavPCM24, wavPCM32, wavFloat, aiff16, flac16, flac24, oggVorbis, opus, mp3

        var sndfileFormat: Int32 {
            switch self {
            case .wavPCM8: return Int32(SF_FORMAT_WAV | SF_FORMAT_PCM_U8)
            case .wavPCM16: return Int32(SF_FORMAT_WAV | SF_FORMAT_PCM_16)
            case .wavPCM24: return Int32(SF_FORMAT_WAV | SF_FORMAT_PCM_24)
            case .wavPCM32: return Int32(SF_FORMAT_WAV | SF_FORMAT_PCM_32)
            case .wavFloat: return Int32(SF_FORMAT_WAV | SF_FORMAT_FLOAT)
            case .aiff16: return Int32(SF_FORMAT_AIFF | SF_FORMAT_PCM_16)
            case .flac16: return Int32(SF_FORMAT_FLAC | SF_FORMAT_PCM_16)
            case .flac24: return Int32(SF_FORMAT_FLAC | SF_FORMAT_PCM_24)
            case .oggVorbis: return Int32(SF_FORMAT_OGG | SF_FORMAT_VORBIS)
            case .opus: return Int32(SF_FORMAT_OGG | SF_FORMAT_OPUS)
            case .mp3: return Int32(SF_FORMAT_MPEG | SF_FORMAT_MPEG_LAYER_III)
            }
        }

        /// The usual file extension for this encoding.
        public var fileExtension: String {
            switch self {
            case .wavPCM8, .wavPCM16, .wavPCM24, .wavPCM32, .wavFloat: return "wav"
            case .aiff16: return "aiff"
            case .flac16, .flac24: return "flac"
            case .oggVorbis: return "ogg"
            case .opus: return "opus"
            case .mp3: return "mp3"
            }
        }
    }

    /// Writes interleaved samples (`frames × channels`, nominally in [-1, 1]) to `path`.
    public static func write(_ interleaved: [Float], channels: Int, sampleRate: Int,
                             encoding: Encoding, to path: String) throws(AudioIOError) {
        var info = SF_INFO()
        info.samplerate = Int32(sampleRate)
        info.channels = Int32(channels)
        info.format = encoding.sndfileFormat
        guard let handle = sf_open(path, Int32(SFM_WRITE), &info) else {
            throw .writeFailed(path: path, reason: String(cString: sf_strerror(nil)))
        }
        let frames = interleaved.count / max(channels, 1)
        let written = interleaved.withUnsafeBufferPointer {
            sf_writef_float(handle, $0.baseAddress, sf_count_t(frames))
        }
        let message = String(cString: sf_strerror(handle))
        let closeStatus = sf_close(handle)
        guard written == frames, closeStatus == 0 else {
            throw .writeFailed(path: path, reason: message)
        }
    }

    /// Writes a mono signal.
    public static func writeMono(_ samples: [Float], sampleRate: Int, encoding: Encoding,
                                 to path: String) throws(AudioIOError) {
        try write(samples, channels: 1, sampleRate: sampleRate, encoding: encoding, to: path)
    }
}
