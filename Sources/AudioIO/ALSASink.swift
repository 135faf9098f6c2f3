import CALSA

/// Plays interleaved S16_LE through ALSA. Owns one `snd_pcm_t`, closed in `deinit`.
///
/// The device name is anything ALSA accepts: "default", "hw:1,0", "plughw:1", a PulseAudio or
/// PipeWire plugin, or a test's "file:FILE=/tmp/out.raw,FORMAT=raw". ALSA's own error messages
/// are silenced (they would scribble over the terminal UI); failures come back as errors.
public final class ALSASink: AudioSink {
    public let deviceName: String
    /// Requested device latency; small enough to feel immediate, large enough not to underrun.
    public let latencyMicroseconds: UInt32
    private var pcm: OpaquePointer?
    private var channels = 1

    public init(device: String = "default", latencyMicroseconds: UInt32 = 60_000) {
        deviceName = device
        self.latencyMicroseconds = latencyMicroseconds
        samplemind_alsa_silence_errors()
    }

    deinit { close() }

    public func open(channels: Int, sampleRate: Int) throws(AudioOutputError) -> Int {
        close()
        var handle: OpaquePointer?
        let status = snd_pcm_open(&handle, deviceName, SND_PCM_STREAM_PLAYBACK, 0)
        guard status >= 0, let handle else {
            throw .noDevice(name: deviceName, reason: String(cString: snd_strerror(status)))
        }
        // soft_resample = 1: a plug device converts rates the hardware lacks
        let set = snd_pcm_set_params(handle, SND_PCM_FORMAT_S16_LE, SND_PCM_ACCESS_RW_INTERLEAVED,
                                     UInt32(channels), UInt32(sampleRate), 1, latencyMicroseconds)
        guard set >= 0 else {
            snd_pcm_close(handle)
            throw .unsupportedFormat(name: deviceName, reason: String(cString: snd_strerror(set)))
        }
        pcm = handle
        self.channels = channels
        return sampleRate
    }

    public func write(_ interleaved: UnsafeBufferPointer<Int16>) throws(AudioOutputError) {
        guard let pcm, let base = interleaved.baseAddress else { return }
        var offset = 0
        let frames = interleaved.count / channels
        while offset < frames {
            let written = snd_pcm_writei(pcm, base + offset * channels, snd_pcm_uframes_t(frames - offset))
            if written < 0 {
                let recovered = snd_pcm_recover(pcm, Int32(written), 1)   // underrun or suspend
                if recovered < 0 { throw .writeFailed(reason: String(cString: snd_strerror(Int32(written)))) }
                continue
            }
            offset += Int(written)
        }
    }

    public func drain() { if let pcm { snd_pcm_drain(pcm) } }
    public func stop() { if let pcm { snd_pcm_drop(pcm) } }

    public func close() {
        if let pcm { snd_pcm_close(pcm) }
        pcm = nil
    }
}
