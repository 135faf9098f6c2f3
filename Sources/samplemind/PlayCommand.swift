import ArgumentParser
import AudioIO
import Engine
import Foundation
import Locking

/// `samplemind play FILE [--loop] [--device D]`: play a file (for scripts and quick checks).
struct PlayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "play", abstract: "Play an audio file through ALSA (Ctrl-C stops a loop).")

    @Argument(help: "The file to play.") var file: String
    @Flag(help: "Repeat until interrupted.") var loop = false
    @Option(help: "ALSA device: default, hw:1,0, plughw:1, pulse, … (default: $SAMPLEMIND_DEVICE or default).")
    var device: String?
    @Option(help: "Volume 0–1.") var volume: Float = 1

    func run() throws {
        let name = device ?? ProcessInfo.processInfo.environment["SAMPLEMIND_DEVICE"] ?? "default"
        let done = DispatchSemaphore(value: 0)
        let failure = Locked<String?>(nil)
        let player = Player(sink: { ALSASink(device: name) }, onEvent: { event in
            switch event {
            case .finished: done.signal()
            case .failed(_, let reason):
                failure.withLock { $0 = reason }
                done.signal()
            default: break
            }
        })
        player.volume = volume
        player.loop = loop
        player.play(file)
        done.wait()
        player.shutdown()
        Thread.sleep(forTimeInterval: 0.1)
        if let reason = failure.withLock({ $0 }) {
            Output.error(reason)
            throw ExitCode(1)
        }
    }
}

/// `samplemind play-latency` (for bench/play_bench.sh): time from `play` to the first block
/// handed to ALSA, over many presses, with ALSA's file plugin.
struct PlayLatencyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "play-latency", abstract: "Benchmark helper: play → first ALSA write latency (JSON).", shouldDisplay: false)

    @Argument(help: "Files to alternate between.") var files: [String]
    @Option(help: "Presses.") var runs = 200
    @Option(help: "ALSA device (default: a file plugin writing to /dev/null).")
    var device = "file:FILE=/dev/null,FORMAT=raw"

    func run() throws {
        let pressed = Locked<UInt64>(0)
        let latencies = Locked<[Double]>([])
        let written = DispatchSemaphore(value: 0)
        let name = device
        let player = Player(sink: { ALSASink(device: name) }, onFirstWrite: {
            let now = DispatchTime.now().uptimeNanoseconds
            let start = pressed.withLock { $0 }
            latencies.withLock { $0.append(Double(now - start) / 1e6) }
            written.signal()
        })
        for run in 0..<runs {
            pressed.withLock { $0 = DispatchTime.now().uptimeNanoseconds }
            player.play(files[run % files.count])
            _ = written.wait(timeout: .now() + 2)
            Thread.sleep(forTimeInterval: 0.01)   // a person does not press 200 times a second
        }
        player.shutdown()
        let sorted = latencies.withLock { $0 }.sorted()
        guard !sorted.isEmpty else { throw ExitCode(1) }
        let p = { (q: Double) in percentile(sorted, q) }
        struct Result: Encodable { let runs: Int; let p50Milliseconds: Double; let p99Milliseconds: Double; let maxMilliseconds: Double }
        try Output.json(Result(runs: sorted.count, p50Milliseconds: p(0.5), p99Milliseconds: p(0.99), maxMilliseconds: sorted.last!))
    }
}
