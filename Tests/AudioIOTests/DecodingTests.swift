import AudioIO
import Foundation
import Synthesis
import Testing
import TestSupport

@Suite("Decoding every supported format")
struct DecodingTests {
    let dir = TemporaryDirectory()
    let tone = Signals.sine(hz: 440, seconds: 1.0, sampleRate: 44100, amplitude: 0.5)

    @Test("lossless formats decode sample-exact (to their quantisation) with correct format facts",
          arguments: [
            (AudioFileWriter.Encoding.wavPCM8, "wav", "pcm_u8", 8, Float(1.0 / 64)),
            (.wavPCM16, "wav", "pcm_s16", 16, Float(1.0 / 16384)),
            (.wavPCM24, "wav", "pcm_s24", 24, Float(1.0 / 4_000_000)),
            (.wavPCM32, "wav", "pcm_s32", 32, Float(1e-6)),
            (.wavFloat, "wav", "float32", 32, Float(0)),
            (.aiff16, "aiff", "pcm_s16", 16, Float(1.0 / 16384)),
            (.flac16, "flac", "flac", 16, Float(1.0 / 16384)),
            (.flac24, "flac", "flac", 24, Float(1.0 / 4_000_000)),
          ])
    func losslessRoundTrip(encoding: AudioFileWriter.Encoding, container: String, codec: String,
                           bits: Int, tolerance: Float) throws {
        let path = try Fixtures.write(tone, in: dir, name: "tone.\(encoding.fileExtension)", encoding: encoding)
        let reader = try AudioFileReader(path: path)
        let decoded = try reader.readMono()
        #expect(reader.format.container == container)
        #expect(reader.format.codec == codec)
        #expect(reader.format.bitDepth == bits)
        #expect(reader.format.sampleRate == 44100)
        #expect(reader.format.channels == 1)
        #expect(reader.format.frames == tone.count)
        #expect(decoded.count == tone.count)
        let maxError = zip(decoded, tone).map { abs($0 - $1) }.max() ?? 1
        #expect(maxError <= tolerance + 1e-7)
    }

    @Test("lossy formats decode with no bit depth and roughly the right length",
          arguments: [(AudioFileWriter.Encoding.oggVorbis, "ogg", "vorbis"), (.opus, "ogg", "opus"), (.mp3, "mp3", "mp3")])
    func lossyDecode(encoding: AudioFileWriter.Encoding, container: String, codec: String) throws {
        let rate = encoding == .opus ? 48000 : 44100
        let signal = Signals.sine(hz: 440, seconds: 1.0, sampleRate: rate, amplitude: 0.5)
        let path = try Fixtures.write(signal, in: dir, name: "tone.\(encoding.fileExtension)", sampleRate: rate,
                                      encoding: encoding)
        let reader = try AudioFileReader(path: path)
        #expect(reader.format.framesExact == (codec != "mp3"), "MP3 frame counts are header estimates until decoded")
        let decoded = try reader.readMono()
        #expect(reader.format.container == container)
        #expect(reader.format.codec == codec)
        #expect(reader.format.bitDepth == nil)
        #expect(reader.format.framesExact)
        #expect(reader.format.frames == decoded.count, "after decoding, frames are the frames actually read")
        #expect(abs(decoded.count - signal.count) < rate / 10)
        let rms = (decoded.map { $0 * $0 }.reduce(0, +) / Float(decoded.count)).squareRoot()
        #expect(abs(Double(rms) - 0.5 / 2.0.squareRoot()) < 0.05)
    }

    @Test("stereo is mixed down to mono by averaging the channels")
    func stereoMixdown() throws {
        let frames = 1000
        var interleaved = [Float](repeating: 0, count: frames * 2)
        for i in 0..<frames { interleaved[2 * i] = 0.5; interleaved[2 * i + 1] = -0.1 }
        let path = dir.file("stereo.wav")
        try AudioFileWriter.write(interleaved, channels: 2, sampleRate: 48000, encoding: .wavFloat, to: path)
        let reader = try AudioFileReader(path: path)
        let mono = try reader.readMono()
        #expect(reader.format.channels == 2)
        #expect(mono.count == frames)
        #expect(mono.allSatisfy { abs($0 - 0.2) < 1e-6 })
    }

    @Test("decoding streams in blocks: no block is larger than asked for, and all frames arrive")
    func streamsInBlocks() throws {
        let long = Signals.whiteNoise(seconds: 3, sampleRate: 44100)
        let path = try Fixtures.write(long, in: dir, name: "long.wav", encoding: .wavPCM16)
        let reader = try AudioFileReader(path: path)
        var largest = 0, blocks = 0
        let total = try reader.readAll(blockFrames: 1000) { _, frames in
            largest = max(largest, frames)
            blocks += 1
        }
        #expect(total == long.count)
        #expect(largest == 1000)
        #expect(blocks == (long.count + 999) / 1000)
    }
}
