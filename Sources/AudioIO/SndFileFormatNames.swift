import CSndFile

/// Maps libsndfile's format codes to the names SampleMind prints.
enum SndFileFormatNames {
    static func container(_ format: Int32) -> String {
        switch format & Int32(SF_FORMAT_TYPEMASK) {
        case Int32(SF_FORMAT_WAV): return "wav"
        case Int32(SF_FORMAT_WAVEX): return "wav"
        case Int32(SF_FORMAT_RF64): return "rf64"
        case Int32(SF_FORMAT_W64): return "w64"
        case Int32(SF_FORMAT_AIFF): return "aiff"
        case Int32(SF_FORMAT_CAF): return "caf"
        case Int32(SF_FORMAT_FLAC): return "flac"
        case Int32(SF_FORMAT_OGG): return "ogg"
        case Int32(SF_FORMAT_MPEG): return "mp3"
        case Int32(SF_FORMAT_AU): return "au"
        case Int32(SF_FORMAT_RAW): return "raw"
        default: return "0x" + String(Int(format & Int32(SF_FORMAT_TYPEMASK)), radix: 16)
        }
    }

    /// Codec name and bits per sample (nil for lossy codecs).
    static func codec(_ format: Int32) -> (name: String, bitDepth: Int?) {
        let isFLAC = format & Int32(SF_FORMAT_TYPEMASK) == Int32(SF_FORMAT_FLAC)
        switch format & Int32(SF_FORMAT_SUBMASK) {
        case Int32(SF_FORMAT_PCM_S8): return (isFLAC ? "flac" : "pcm_s8", 8)
        case Int32(SF_FORMAT_PCM_U8): return ("pcm_u8", 8)
        case Int32(SF_FORMAT_PCM_16): return (isFLAC ? "flac" : "pcm_s16", 16)
        case Int32(SF_FORMAT_PCM_24): return (isFLAC ? "flac" : "pcm_s24", 24)
        case Int32(SF_FORMAT_PCM_32): return ("pcm_s32", 32)
        case Int32(SF_FORMAT_FLOAT): return ("float32", 32)
        case Int32(SF_FORMAT_DOUBLE): return ("float64", 64)
        case Int32(SF_FORMAT_ULAW): return ("ulaw", 8)
        case Int32(SF_FORMAT_ALAW): return ("alaw", 8)
        case Int32(SF_FORMAT_IMA_ADPCM): return ("ima_adpcm", 4)
        case Int32(SF_FORMAT_MS_ADPCM): return ("ms_adpcm", 4)
        case Int32(SF_FORMAT_VORBIS): return ("vorbis", nil)
        case Int32(SF_FORMAT_OPUS): return ("opus", nil)
        case Int32(SF_FORMAT_ALAC_16): return ("alac", 16)
        case Int32(SF_FORMAT_ALAC_24): return ("alac", 24)
        case Int32(SF_FORMAT_MPEG_LAYER_I): return ("mp1", nil)
        case Int32(SF_FORMAT_MPEG_LAYER_II): return ("mp2", nil)
        case Int32(SF_FORMAT_MPEG_LAYER_III): return ("mp3", nil)
        default: return ("0x" + String(Int(format & Int32(SF_FORMAT_SUBMASK)), radix: 16), nil)
        }
    }
}
