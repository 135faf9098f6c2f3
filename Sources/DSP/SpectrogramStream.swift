/// A short-time Fourier transform computed as the signal streams in, one frame at a time.
///
/// Frames start at sample 0 and advance by `hopSize`; the last partial frame is zero-padded, and
/// a signal shorter than one frame still yields one frame. Each frame's power spectrum
/// (|X|², `frameSize / 2 + 1` bins, Hann-windowed) is handed to the consumer once, so every
/// descriptor reads the same spectrogram without it ever being stored whole.
public final class SpectrogramStream {
    /// Configuration with its defaults (2048 / 512 as librosa).
    public struct Configuration: Sendable {
        /// Frame length in samples, a power of two in [64, 65536].
        public var frameSize: Int = 2048
        /// Hop between frames in samples, in [1, frameSize].
        public var hopSize: Int = 512
        public init(frameSize: Int = 2048, hopSize: Int = 512) {
            self.frameSize = frameSize
            self.hopSize = hopSize
        }
    }

    public let configuration: Configuration
    /// Number of frequency bins per frame.
    public var binCount: Int { configuration.frameSize / 2 + 1 }
    /// Frames emitted so far.
    public private(set) var frameCount = 0

    private let fft: RealFFT
    private let window: [Float]
    private var pending: [Float]
    private var pendingCount = 0
    private var samplesSeen = 0
    private var power: UnsafeMutableBufferPointer<Float>
    private let onFrame: (_ power: UnsafeBufferPointer<Float>, _ frameIndex: Int) -> Void

    /// `onFrame` receives each frame's power spectrum; the buffer is only valid during the call.
    public init(_ configuration: Configuration = .init(),
                onFrame: @escaping (_ power: UnsafeBufferPointer<Float>, _ frameIndex: Int) -> Void) {
        self.configuration = configuration
        fft = RealFFT(size: configuration.frameSize)
        window = Window.sharedHann(configuration.frameSize)
        pending = [Float](repeating: 0, count: configuration.frameSize)
        power = .allocate(capacity: configuration.frameSize / 2 + 1)
        self.onFrame = onFrame
    }

    deinit { power.deallocate() }

    /// Feeds mono samples.
    public func process(_ samples: UnsafeBufferPointer<Float>) {
        let size = configuration.frameSize, hop = configuration.hopSize
        var index = 0
        samplesSeen += samples.count
        while index < samples.count {
            let take = min(size - pendingCount, samples.count - index)
            pending.withUnsafeMutableBufferPointer { buffer in
                (buffer.baseAddress! + pendingCount).update(from: samples.baseAddress! + index, count: take)
            }
            pendingCount += take
            index += take
            if pendingCount == size {
                emitFrame(validCount: size)
                // keep the overlap for the next frame
                pending.withUnsafeMutableBufferPointer { buffer in
                    buffer.baseAddress!.update(from: buffer.baseAddress! + hop, count: size - hop)
                }
                pendingCount = size - hop
            }
        }
    }

    /// Flushes the zero-padded tail frames; call once after the last samples.
    public func finish() {
        let size = configuration.frameSize, hop = configuration.hopSize
        // Frames that start before the end of the signal but were not yet emitted.
        let totalFramesWanted = max(1, (samplesSeen + hop - 1) / hop)
        while frameCount < totalFramesWanted {
            let valid = pendingCount
            if valid <= 0 && frameCount > 0 { break }
            emitFrame(validCount: valid)
            pending.withUnsafeMutableBufferPointer { buffer in
                let shift = min(hop, size)
                for k in 0..<(size - shift) { buffer[k] = buffer[k + shift] }
                for k in (size - shift)..<size { buffer[k] = 0 }
            }
            pendingCount = max(0, pendingCount - hop)
        }
    }

    private func emitFrame(validCount: Int) {
        let size = configuration.frameSize
        let input = fft.input
        pending.withUnsafeBufferPointer { pending in
            window.withUnsafeBufferPointer { window in
                for k in 0..<validCount { input[k] = pending[k] * window[k] }
            }
        }
        for k in validCount..<size { input[k] = 0 }
        fft.forward()
        fft.powerSpectrum(into: power)
        onFrame(UnsafeBufferPointer(power), frameCount)
        frameCount += 1
    }
}
