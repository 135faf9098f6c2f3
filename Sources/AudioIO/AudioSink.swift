/// Where played audio goes: a sound device, a file, or a test double. Interleaved 16-bit PCM.
public protocol AudioSink: AnyObject {
    /// Opens the device for `channels` at `sampleRate`; returns the rate actually granted.
    func open(channels: Int, sampleRate: Int) throws(AudioOutputError) -> Int
    /// Writes interleaved frames (blocking until the device takes them).
    func write(_ interleaved: UnsafeBufferPointer<Int16>) throws(AudioOutputError)
    /// Plays what is queued, then stops.
    func drain()
    /// Drops what is queued at once.
    func stop()
    func close()
}

/// Audio output failures, with ALSA's own reason.
public enum AudioOutputError: Error, Equatable, Sendable, CustomStringConvertible {
    case noDevice(name: String, reason: String)
    case unsupportedFormat(name: String, reason: String)
    case writeFailed(reason: String)

    public var description: String {
        switch self {
        case .noDevice(let name, let reason): return "no audio device: \(reason) (\(name))"
        case .unsupportedFormat(let name, let reason): return "audio device \(name) refuses the format: \(reason)"
        case .writeFailed(let reason): return "audio output stopped: \(reason)"
        }
    }
}
