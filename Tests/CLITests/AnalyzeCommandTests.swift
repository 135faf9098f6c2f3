import Foundation
import Synthesis
import Testing
import TestSupport

@Suite("samplemind analyze, as a user runs it")
struct AnalyzeCommandTests {
    let dir = TemporaryDirectory()

    @Test("--json prints one object per file; a bad file fails with one stderr line and exit 1, the batch goes on")
    func jsonAndFailures() throws {
        let good = try Fixtures.write(Signals.sine(hz: 440, seconds: 1), in: dir, name: "a440.wav", encoding: .wavPCM16)
        let bad = try Fixtures.writeBytes(Array("not audio".utf8), in: dir, name: "fake.wav")
        let good2 = try Fixtures.write(Drums.kick(), in: dir, name: "kick.wav", encoding: .flac16)
        let run = try Built.run(Built.samplemind, ["analyze", "--json", good, bad, good2])
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        let objects = try lines.map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(objects[0]["path"] as? String == good)
        #expect((objects[0]["pitch"] as? [String: Any])?["note"] as? String == "A4")
        #expect(objects[0]["tempo"] is NSNull, "absent estimates are explicit nulls")
        #expect(objects[1]["error"] is String)
        #expect((objects[2]["format"] as? [String: Any])?["container"] as? String == "flac")
        let errorLines = run.stderr.split(separator: "\n")
        #expect(errorLines.contains { $0.contains(bad) })
        #expect(errorLines.count == 2, "one line for the file, one summary")
    }

    @Test("exit 0 and a readable description when every file analyses")
    func humanReadable() throws {
        let path = try Fixtures.write(Signals.sine(hz: 440, seconds: 1), in: dir, name: "tone.wav", encoding: .wavPCM24)
        let run = try Built.run(Built.samplemind, ["analyze", path])
        #expect(run.status == 0)
        #expect(run.stdout.contains("Hz = A4 +0c"))
        #expect(run.stdout.contains("wav, pcm_s24, 44100 Hz, 1 ch, 24-bit"))
    }

    @Test("a file name carrying terminal escape sequences is printed escaped")
    func hostileName() throws {
        let name = "evil\u{1B}[31m\u{07}.wav"
        let bad = try Fixtures.writeBytes(Array("x".utf8), in: dir, name: name)
        let good = try Fixtures.write(Signals.sine(hz: 440, seconds: 0.5), in: dir, name: "ok\u{1B}]0;t\u{07}.wav")
        let run = try Built.run(Built.samplemind, ["analyze", bad, good])
        #expect(!run.stderr.contains("\u{1B}") && !run.stdout.contains("\u{1B}"))
        #expect(run.stderr.contains("evil\\x1b[31m\\x07.wav"))
        #expect(run.stdout.contains("ok\\x1b]0;t\\x07.wav"))
    }
}

@Suite("samplemind play")
struct PlayCommandTests {
    @Test("no audio device: one clear line, exit 1, none of ALSA's own chatter")
    func noDevice() throws {
        let dir = TemporaryDirectory()
        let path = try Fixtures.write(Signals.sine(hz: 440, seconds: 0.2), in: dir, name: "a.wav", encoding: .wavPCM16)
        let run = try Built.run(Built.samplemind, ["play", "--device", "hw:99,0", path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("no audio device:"))
        #expect(!run.stderr.contains("ALSA lib"))
    }

    @Test("plays a file to the end through ALSA's file plugin")
    func playsToFile() throws {
        let dir = TemporaryDirectory()
        let path = try Fixtures.write(Signals.sine(hz: 440, seconds: 0.5, sampleRate: 48000), in: dir, name: "a.wav",
                                      sampleRate: 48000, encoding: .wavPCM16)
        let raw = dir.file("out.raw")
        let run = try Built.run(Built.samplemind, ["play", "--device", "file:FILE=\(raw),FORMAT=raw", path])
        #expect(run.status == 0)
        let size = (try? FileManager.default.attributesOfItem(atPath: raw)[.size] as? Int) ?? 0
        #expect(size == 24000 * 2 * 2, "0.5 s of 48 kHz stereo 16-bit")
    }
}
