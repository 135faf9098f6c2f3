import AudioIO
import Foundation
import Synthesis

/// Writes synthetic signals to audio files for tests.
public enum Fixtures {
    /// Writes a mono signal and returns its path.
    @discardableResult
    public static func write(_ samples: [Float], in directory: TemporaryDirectory, name: String,
                             sampleRate: Int = 44100,
                             encoding: AudioFileWriter.Encoding = .wavFloat) throws -> String {
        let path = directory.file(name)
        try AudioFileWriter.writeMono(samples, sampleRate: sampleRate, encoding: encoding, to: path)
        return path
    }

    /// Writes the same signal to both channels of a stereo file.
    @discardableResult
    public static func writeStereo(_ samples: [Float], in directory: TemporaryDirectory, name: String,
                                   sampleRate: Int = 44100,
                                   encoding: AudioFileWriter.Encoding = .wavFloat) throws -> String {
        let path = directory.file(name)
        var interleaved = [Float](repeating: 0, count: samples.count * 2)
        for (i, s) in samples.enumerated() { interleaved[2 * i] = s; interleaved[2 * i + 1] = s }
        try AudioFileWriter.write(interleaved, channels: 2, sampleRate: sampleRate, encoding: encoding, to: path)
        return path
    }

    /// Writes raw bytes (for corrupt and mislabelled files).
    @discardableResult
    public static func writeBytes(_ bytes: [UInt8], in directory: TemporaryDirectory, name: String) throws -> String {
        let path = directory.file(name)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Amplitude of a sine whose level is `dBFS` (peak).
    public static func amplitude(dBFS: Double) -> Double { pow(10, dBFS / 20) }
}
