import Library
import Testing

@Suite("Raw paths compare, sort and hash by their bytes")
struct RawPathTests {
    @Test("order is unsigned byte order with a prefix first, whatever the encoding")
    func byteOrder() {
        let paths: [[UInt8]] = [[], [0x61], [0x61, 0x00], [0x61, 0x62], [0x61, 0xFF], [0x62], [0xC3, 0xA9], [0xFF, 0xFE]]
        let raw = paths.map(RawPath.init(bytes:))
        for (i, a) in raw.enumerated() {
            for (j, b) in raw.enumerated() {
                #expect((a < b) == (i < j), "\(paths[i]) < \(paths[j])")
                #expect((a == b) == (i == j))
            }
        }
        #expect(raw.shuffled().sorted() == raw)
    }

    @Test("equal bytes hash alike, so a set or dictionary finds a path built another way")
    func hashing() {
        let name: [UInt8] = Array("kick ".utf8) + [0xFF] + Array(".wav".utf8)
        let stored: Set<RawPath> = [RawPath(bytes: Array("/s/".utf8) + name), RawPath("/s/kick.wav")]
        #expect(stored.contains(RawPath("/s").appending(name)))
        #expect(stored.contains(RawPath(bytes: Array("/s/kick.wav".utf8))))
        #expect(!stored.contains(RawPath("/s/kick.wa")))
    }
}
