import AudioIO
import Engine
import Foundation
import Synchronization
import Synthesis
import Testing
import TestSupport

@Suite("Playback")
struct PlayerTests {
    let dir = TemporaryDirectory(prefix: "samplemind-player")

    /// Collects player events and waits for one.
    final class Events: Sendable {
        let list = Mutex<[Player.Event]>([])
        func add(_ event: Player.Event) { list.withLock { $0.append(event) } }
        func wait(for event: Player.Event, timeout: Double = 10) -> Bool {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                if list.withLock({ $0.contains(event) }) { return true }
                Thread.sleep(forTimeInterval: 0.005)
            }
            return false
        }
        var all: [Player.Event] { list.withLock { $0 } }
    }

    private func stereoWAV(_ name: String, seconds: Double, seed: UInt64) throws -> (path: String, samples: [Int16]) {
        let left = Signals.whiteNoise(seconds: seconds, sampleRate: 48000, amplitude: 0.5, seed: seed)
        let right = Signals.sine(hz: 440, seconds: seconds, sampleRate: 48000, amplitude: 0.3)
        var interleaved = [Float](repeating: 0, count: left.count * 2)
        for i in 0..<left.count { interleaved[2 * i] = left[i]; interleaved[2 * i + 1] = right[i] }
        let path = dir.file(name)
        try AudioFileWriter.write(interleaved, channels: 2, sampleRate: 48000, encoding: .wavPCM16, to: path)
        let reader = try AudioFileReader(path: path)
        var decoded: [Int16] = []
        try reader.readAll { block, _ in decoded += block.map { Int16(($0 * 32768).rounded()) } }
        return (path, decoded)
    }

    @Test("a 16-bit WAV at the output rate played at unity gain through ALSA's file plugin is sample-exact")
    func sampleExactThroughALSA() throws {
        let (path, expected) = try stereoWAV("noise.wav", seconds: 0.5, seed: 5)
        let raw = dir.file("played.raw")
        let events = Events()
        let player = Player(sink: { ALSASink(device: "file:FILE=\(raw),FORMAT=raw") }, onEvent: { events.add($0) })
        player.play(path)
        #expect(events.wait(for: .finished(path: path)))
        player.shutdown()
        Thread.sleep(forTimeInterval: 0.2)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: raw))
        let played = bytes.withUnsafeBytes { Array($0.bindMemory(to: Int16.self)) }
        #expect(played.count == expected.count)
        #expect(played == expected)
    }

    @Test("stopping mid-file fades out instead of clicking")
    func stopFades() throws {
        let tone = Signals.sine(hz: 100, seconds: 2, sampleRate: 48000, amplitude: 0.8)
        let path = try Fixtures.write(tone, in: dir, name: "tone.wav", sampleRate: 48000, encoding: .wavPCM16)
        let sink = RecordingSink(speedup: 4)
        let events = Events()
        let player = Player(sink: { sink }, onEvent: { events.add($0) })
        player.play(path)
        Thread.sleep(forTimeInterval: 0.1)
        player.stop()
        #expect(events.wait(for: .stopped(path: path)))
        Thread.sleep(forTimeInterval: 0.05)
        player.shutdown()
        let left = sink.left
        #expect(left.count > 4800 && left.count < tone.count, "stopped part-way")
        let tail = left.suffix(240)
        #expect(abs(Int(tail.last ?? 9999)) < 200, "ends near silence")
        // no step larger than the tone's own slope allows (100 Hz at 0.8: ~344 per sample)
        let steps = zip(left.dropFirst(), left).map { abs(Int($0) - Int($1)) }
        #expect((steps.max() ?? 0) < 500)
    }

    @Test("loop repeats the sample")
    func loops() throws {
        let blip = Signals.tone(midi: 69, seconds: 0.05, sampleRate: 48000, amplitude: 0.5)
        let path = try Fixtures.write(blip, in: dir, name: "blip.wav", sampleRate: 48000, encoding: .wavPCM16)
        let sink = RecordingSink(speedup: 20)
        let player = Player(sink: { sink })
        player.loop = true
        player.play(path)
        let deadline = Date().addingTimeInterval(5)
        while sink.left.count < blip.count * 3 && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        player.shutdown()
        let left = sink.left
        #expect(left.count >= blip.count * 3)
        #expect(Array(left[0..<blip.count]) == Array(left[blip.count..<(2 * blip.count)]))
    }

    @Test("volume scales the output and never clips")
    func volume() throws {
        let (path, expected) = try stereoWAV("v.wav", seconds: 0.2, seed: 9)
        let sink = RecordingSink(speedup: 50)
        let events = Events()
        let player = Player(sink: { sink }, onEvent: { events.add($0) })
        player.volume = 0.5
        player.play(path)
        #expect(events.wait(for: .finished(path: path)))
        player.volume = 7
        #expect(player.volume == 1, "never above unity")
        player.shutdown()
        let played = sink.samples
        #expect(played.count == expected.count)
        let worst = zip(played, expected).map { abs(Double($0) - Double($1) / 2) }.max() ?? 99
        #expect(worst <= 1)
    }

    @Test("auto-play: the previous sample fades out before the next one starts")
    func nextStopsPrevious() throws {
        let high = Signals.sine(hz: 50, seconds: 1, sampleRate: 48000, amplitude: 0.9).map { abs($0) * 0 + 0.5 }
        let low = [Float](repeating: -0.5, count: 48000)
        let a = try Fixtures.write(high, in: dir, name: "a.wav", sampleRate: 48000, encoding: .wavPCM16)
        let b = try Fixtures.write(low, in: dir, name: "b.wav", sampleRate: 48000, encoding: .wavPCM16)
        let sink = RecordingSink(speedup: 4)
        let events = Events()
        let player = Player(sink: { sink }, onEvent: { events.add($0) })
        player.play(a)
        Thread.sleep(forTimeInterval: 0.05)
        player.play(b)
        #expect(events.wait(for: .started(path: b)))
        Thread.sleep(forTimeInterval: 0.05)
        player.shutdown()
        let left = sink.left
        let firstB = try #require(left.firstIndex { $0 < -8000 })
        #expect(!left[firstB...].contains { $0 > 8000 }, "no frame of the first sample after the second starts")
        #expect(left[..<firstB].contains { $0 > 15000 })
        let order = events.all.filter { if case .failed = $0 { return false } else { return true } }
        #expect(Array(order.prefix(3)) == [.started(path: a), .stopped(path: a), .started(path: b)])
    }

    @Test("no audio device: a clear failure naming ALSA's reason, and the player carries on")
    func noDevice() throws {
        let (path, _) = try stereoWAV("x.wav", seconds: 0.1, seed: 1)
        let events = Events()
        let player = Player(sink: { ALSASink(device: "hw:99,0") }, onEvent: { events.add($0) })
        player.play(path)
        let deadline = Date().addingTimeInterval(5)
        while !events.all.contains(where: { if case .failed = $0 { return true } else { return false } }) && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.01)
        }
        let failure = events.all.compactMap { event -> String? in if case .failed(_, let reason) = event { return reason } else { return nil } }
        #expect(failure.first?.hasPrefix("no audio device:") == true)
        player.stop()
        player.shutdown()
    }

    @Test("a device that disappears mid-play ends playback with a message, and the next play works")
    func deviceDisappears() throws {
        let (path, _) = try stereoWAV("long.wav", seconds: 1, seed: 3)
        let events = Events()
        let sinks = Mutex(0)
        let player = Player(sink: {
            sinks.withLock { $0 += 1 }
            return VanishingSink(blocksBeforeFailure: 5)
        }, onEvent: { events.add($0) })
        player.play(path)
        #expect(events.wait(for: .failed(path: path, reason: "audio output stopped: No such device")))
        player.play(path)   // a new device is opened for the next attempt
        let deadline = Date().addingTimeInterval(5)
        while events.all.filter({ $0 == .failed(path: path, reason: "audio output stopped: No such device") }).count < 2
                && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        #expect(sinks.withLock { $0 } == 2)
        player.shutdown()
    }

    @Test("a file that breaks off mid-way stops cleanly: finished or failed with a reason, never a hang")
    func truncatedFile() throws {
        let full = try Fixtures.write(Signals.whiteNoise(seconds: 2, sampleRate: 48000), in: dir, name: "full.flac",
                                      sampleRate: 48000, encoding: .flac16)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: full)))
        let cut = try Fixtures.writeBytes(Array(bytes.prefix(bytes.count / 2)), in: dir, name: "cut.flac")
        let sink = RecordingSink(speedup: 100)
        let events = Events()
        let player = Player(sink: { sink }, onEvent: { events.add($0) })
        player.play(cut)
        let deadline = Date().addingTimeInterval(5)
        var ended = false
        while !ended && Date() < deadline {
            ended = events.all.contains { event in
                switch event {
                case .finished(cut), .failed(cut, _): return true
                default: return false
                }
            }
            Thread.sleep(forTimeInterval: 0.01)
        }
        #expect(ended)
        #expect(sink.left.count < 96000, "only what could be decoded was played")
        player.shutdown()
    }
}
