import AudioIO
import Dispatch
import Foundation
import Locking

/// Plays one sample at a time on its own thread: streamed decoding, stereo output at a fixed
/// rate, loop, seek, volume without clipping, and a short fade whenever sound stops or changes,
/// so there are no clicks. The device stays open between samples: starting the next sample is
/// a fade of the old one followed at once by the new one's first frames.
///
/// Commands may come from any thread; events (started, finished, failed) are reported through
/// `onEvent` from the player thread.
public final class Player: Sendable {
    public enum Event: Sendable, Equatable {
        case started(path: String)
        case finished(path: String)
        case stopped(path: String)
        case failed(path: String?, reason: String)
    }

    /// Output format: what every sample is converted to.
    public static let outputRate = 48_000
    /// Frames per write: ~10.7 ms at 48 kHz.
    public static let blockFrames = 512
    /// Length of the fade at stop, seconds.
    public static let fadeSeconds = 0.005

    private struct Shared {
        var commands: [Command] = []
        var position = 0.0
        var duration = 0.0
        var nowPlaying: String?
        var volume: Float = 1
        var loop = false
        var quit = false
    }

    private enum Command { case play(String, [UInt8]?), stop, seek(Double), seekBy(Double) }

    private let shared = Locked(Shared())
    private let wake = DispatchSemaphore(value: 0)
    private let onEvent: @Sendable (Event) -> Void
    private let makeSink: @Sendable () -> any AudioSink
    /// Called just after the first block of a newly started sample is handed to the device
    /// (for the latency benchmark).
    private let onFirstWrite: @Sendable () -> Void

    public init(sink: @escaping @Sendable () -> any AudioSink,
                onEvent: @escaping @Sendable (Event) -> Void = { _ in },
                onFirstWrite: @escaping @Sendable () -> Void = {}) {
        makeSink = sink
        self.onEvent = onEvent
        self.onFirstWrite = onFirstWrite
        let thread = Thread { [self] in self.run() }
        thread.name = "samplemind.player"
        thread.qualityOfService = .userInteractive
        thread.start()
    }

    /// Plays `path` from the start, fading out whatever was playing. `bytes`, when given, are the
    /// exact file-system path to open (names need not be UTF-8); `path` then only names it in events.
    public func play(_ path: String, bytes: [UInt8]? = nil) { send(.play(path, bytes)) }
    /// Fades out and stops.
    public func stop() { send(.stop) }
    /// Moves the playhead by `seconds` (negative: back).
    public func seek(by seconds: Double) { send(.seekBy(seconds)) }
    /// Moves the playhead to `seconds`.
    public func seek(to seconds: Double) { send(.seek(seconds)) }

    public var loop: Bool {
        get { shared.withLock { $0.loop } }
        set { shared.withLock { $0.loop = newValue } }
    }

    /// 0 … 1 (values above 1 are clamped: the player never amplifies into clipping).
    public var volume: Float {
        get { shared.withLock { $0.volume } }
        set { shared.withLock { $0.volume = max(0, min(1, newValue)) } }
    }

    /// What is playing, and where.
    public var status: (path: String?, position: Double, duration: Double) {
        shared.withLock { ($0.nowPlaying, $0.position, $0.duration) }
    }

    /// Ends the player thread (fading out first).
    public func shutdown() {
        shared.withLock { $0.quit = true }
        wake.signal()
    }

    private func send(_ command: Command) {
        shared.withLock { $0.commands.append(command) }
        wake.signal()
    }

    // MARK: - player thread

    private func run() {
        var sink: (any AudioSink)?
        var source: PlaybackSource?
        var gain: Float = 0              // current (ramped) gain
        var firstBlock = false
        let out = UnsafeMutableBufferPointer<Float>.allocate(capacity: Player.blockFrames * 2)
        let pcm = UnsafeMutableBufferPointer<Int16>.allocate(capacity: Player.blockFrames * 2)
        defer { out.deallocate(); pcm.deallocate() }
        let fadeStep = Float(1 / (Player.fadeSeconds * Double(Player.outputRate)))

        func ensureSink() -> (any AudioSink)? {
            if let sink { return sink }
            let created = makeSink()
            do {
                _ = try created.open(channels: 2, sampleRate: Player.outputRate)
                sink = created
                return created
            } catch {
                onEvent(.failed(path: nil, reason: "\(error)"))
                return nil
            }
        }

        /// Writes one block that ramps the current source (or silence) down to zero.
        func fadeOut() {
            guard let current = source, let device = sink, gain > 0 else { return }
            let frames = min(Player.blockFrames, Int(Player.fadeSeconds * Double(Player.outputRate)) + 1)
            let got = (try? current.render(into: out, frames: frames)) ?? 0
            for i in 0..<frames {
                gain = max(0, gain - fadeStep)
                let l = i < got ? out[2 * i] : 0, r = i < got ? out[2 * i + 1] : 0
                pcm[2 * i] = Player.toPCM(l * gain)
                pcm[2 * i + 1] = Player.toPCM(r * gain)
            }
            try? device.write(UnsafeBufferPointer(rebasing: pcm[0..<(frames * 2)]))
            gain = 0
        }

        while true {
            let (commands, quit, loop, volume) = shared.withLock { state in
                defer { state.commands.removeAll() }
                return (state.commands, state.quit, state.loop, state.volume)
            }
            if quit { fadeOut(); sink?.drain(); sink?.close(); return }
            for command in commands {
                switch command {
                case .play(let path, let bytes):
                    fadeOut()
                    if let old = source { onEvent(.stopped(path: old.path)) }
                    source = nil
                    do {
                        let next = try PlaybackSource(path: path, bytes: bytes, outputRate: Player.outputRate)
                        source = next
                        firstBlock = true
                        gain = volume   // start at full level: sample-exact at unity gain
                        shared.withLock { $0.nowPlaying = path; $0.position = 0; $0.duration = next.duration }
                        onEvent(.started(path: path))
                    } catch {
                        shared.withLock { $0.nowPlaying = nil }
                        onEvent(.failed(path: path, reason: "\((error as? AudioIOError)?.reason ?? "\(error)")"))
                    }
                case .stop:
                    fadeOut()
                    if let old = source { onEvent(.stopped(path: old.path)) }
                    source = nil
                    shared.withLock { $0.nowPlaying = nil }
                case .seek(let seconds):
                    source?.seek(to: seconds)
                case .seekBy(let delta):
                    if let current = source { current.seek(to: current.seconds + delta) }
                }
            }
            guard let current = source else {
                wake.wait()
                continue
            }
            guard let device = ensureSink() else {
                source = nil
                shared.withLock { $0.nowPlaying = nil }
                continue
            }
            current.loop = loop
            do {
                let got = try current.render(into: out, frames: Player.blockFrames)
                if got == 0 {
                    source = nil
                    gain = 0
                    shared.withLock { $0.nowPlaying = nil; $0.position = $0.duration }
                    onEvent(.finished(path: current.path))
                    continue
                }
                for i in 0..<got {
                    // a volume change ramps over the fade time: no click
                    gain = gain < volume ? min(volume, gain + fadeStep) : max(volume, gain - fadeStep)
                    pcm[2 * i] = Player.toPCM(out[2 * i] * gain)
                    pcm[2 * i + 1] = Player.toPCM(out[2 * i + 1] * gain)
                }
                try device.write(UnsafeBufferPointer(rebasing: pcm[0..<(got * 2)]))
                if firstBlock { firstBlock = false; onFirstWrite() }
                let seconds = current.seconds
                shared.withLock { $0.position = seconds }
            } catch {
                source = nil
                sink?.close()
                sink = nil
                shared.withLock { $0.nowPlaying = nil }
                onEvent(.failed(path: current.path, reason: "\((error as? AudioIOError)?.reason ?? "\(error)")"))
            }
        }
    }

    /// Float → 16-bit with rounding and clamping (a sample at full scale never wraps).
    @inline(__always)
    static func toPCM(_ value: Float) -> Int16 {
        Int16(max(-32768, min(32767, (value * 32768).rounded())))
    }
}
