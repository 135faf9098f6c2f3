import Engine
import Foundation
import Glibc
import Library
import Synthesis
import Testing
import TestSupport

extension PlayerTests {
    @Test("plays a file whose name is not UTF-8 from its exact path bytes; the display path only names it")
    func nonUTF8Name() throws {
        let written = try Fixtures.write(Signals.sine(hz: 440, seconds: 0.3, sampleRate: 48000), in: dir, name: "plain.wav",
                                         sampleRate: 48000, encoding: .wavPCM16)
        let raw = RawPath(dir.path).appending([0x6C, 0x61, 0x74, 0x69, 0x6E, 0xE9, 0x2E, 0x77, 0x61, 0x76])   // "latin\xe9.wav"
        #expect(raw.withCString { rename(written, $0) } == 0)
        let sink = RecordingSink(speedup: 20)
        let events = Events()
        let player = Player(sink: { sink }, onEvent: { events.add($0) })
        player.play(raw.display, bytes: raw.bytes)
        #expect(events.wait(for: .finished(path: raw.display)), "\(events.all)")
        player.shutdown()
        #expect(sink.samples.count >= 2 * 14_000, "0.3 s of stereo reached the device")
    }
}
