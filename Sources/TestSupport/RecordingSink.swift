import AudioIO
import Foundation
import Locking

/// An audio sink that records every sample written and, like a real device, takes time:
/// each write sleeps for the block's real duration divided by `speedup`.
public final class RecordingSink: AudioSink, @unchecked Sendable {
    // @unchecked: written by the player thread, read by the test through `samples` (Locked).
    private let recorded = Locked<[Int16]>([])
    private let speedup: Double
    private var rate = 48_000, channels = 2

    public init(speedup: Double = 10) { self.speedup = speedup }

    public func open(channels: Int, sampleRate: Int) throws(AudioOutputError) -> Int {
        self.channels = channels
        rate = sampleRate
        return sampleRate
    }

    public func write(_ interleaved: UnsafeBufferPointer<Int16>) throws(AudioOutputError) {
        recorded.withLock { $0.append(contentsOf: interleaved) }
        let seconds = Double(interleaved.count / channels) / Double(rate) / speedup
        Thread.sleep(forTimeInterval: seconds)
    }

    public func drain() {}
    public func stop() {}
    public func close() {}

    /// Everything written so far, interleaved.
    public var samples: [Int16] { recorded.withLock { $0 } }
    /// The left channel of everything written so far.
    public var left: [Int16] { stride(from: 0, to: samples.count, by: 2).map { samples[$0] } }
}

/// A sink whose device "disappears" after `blocksBeforeFailure` writes (a USB interface pulled).
public final class VanishingSink: AudioSink, @unchecked Sendable {
    // @unchecked: only the player thread touches `writes`.
    private var writes = 0
    private let blocksBeforeFailure: Int
    public init(blocksBeforeFailure: Int) { self.blocksBeforeFailure = blocksBeforeFailure }
    public func open(channels: Int, sampleRate: Int) throws(AudioOutputError) -> Int { sampleRate }
    public func write(_ interleaved: UnsafeBufferPointer<Int16>) throws(AudioOutputError) {
        writes += 1
        if writes > blocksBeforeFailure { throw .writeFailed(reason: "No such device") }
    }
    public func drain() {}
    public func stop() {}
    public func close() {}
}
