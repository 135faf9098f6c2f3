import Analysis
import AudioIO
import DSP
import Foundation
import Library

/// Builds the waveform overview and average spectrum of a file for the side panes.
/// Reads at most `maxSeconds` of audio, so a two-hour recording does not stall the pane.
public enum DetailLoader {
    public static let waveformColumns = 512
    public static let spectrumBands = 48
    public static let maxSeconds = 60.0

    public static func load(sampleId: Int64, path: String, library: SampleLibrary) -> SampleDetail {
        let analysis = try? library.sample(id: sampleId).flatMap { $0.contentHash }.flatMap { try library.analysis(contentHash: $0) }
        do {
            // by the stored bytes: `path` is for display, lossy when the name is not UTF-8
            let bytes = (try? library.rawPath(of: sampleId))??.bytes ?? Array(path.utf8)
            let reader = try AudioFileReader(pathBytes: bytes)
            let limit = Int(maxSeconds * Double(reader.format.sampleRate))
            var mono: [Float] = []
            let channels = reader.format.channels
            try reader.readAll { block, frames in
                guard mono.count < limit else { return }
                MonoMixdown.append(block, frames: min(frames, limit - mono.count), channels: channels, to: &mono)
            }
            return SampleDetail(sampleId: sampleId, analysis: analysis, waveform: waveform(mono),
                                spectrum: spectrum(mono, sampleRate: reader.format.sampleRate), error: nil)
        } catch let error as AudioIOError {
            return SampleDetail(sampleId: sampleId, analysis: analysis, waveform: [], spectrum: [], error: error.reason)
        } catch {
            return SampleDetail(sampleId: sampleId, analysis: analysis, waveform: [], spectrum: [], error: "\(error)")
        }
    }

    /// Min and max of each of `waveformColumns` equal slices.
    static func waveform(_ mono: [Float]) -> [(min: Float, max: Float)] {
        guard !mono.isEmpty else { return [] }
        let columns = min(waveformColumns, mono.count)
        return (0..<columns).map { column in
            let start = column * mono.count / columns, end = max(start + 1, (column + 1) * mono.count / columns)
            var low: Float = 0, high: Float = 0
            for sample in mono[start..<end] { low = min(low, sample); high = max(high, sample) }
            return (low, high)
        }
    }

    /// Average power in log-spaced bands from 30 Hz to Nyquist, dB (−100 floor).
    static func spectrum(_ mono: [Float], sampleRate: Int) -> [Float] {
        let size = 2048
        guard !mono.isEmpty else { return [] }
        let fft = RealFFT(size: size)
        let window = Window.sharedHann(size)
        var power = [Float](repeating: 0, count: size / 2 + 1)
        var sum = [Double](repeating: 0, count: size / 2 + 1)
        var frames = 0
        var start = 0
        repeat {
            for i in 0..<size { fft.input[i] = start + i < mono.count ? mono[start + i] * window[i] : 0 }
            fft.forward()
            power.withUnsafeMutableBufferPointer { fft.powerSpectrum(into: $0) }
            for bin in 0..<power.count { sum[bin] += Double(power[bin]) }
            frames += 1
            start += size
        } while start < mono.count && frames < 400
        let binHz = Double(sampleRate) / Double(size)
        let low = log(30.0), high = log(Double(sampleRate) / 2)
        return (0..<spectrumBands).map { band in
            let f0 = exp(low + (high - low) * Double(band) / Double(spectrumBands))
            let f1 = exp(low + (high - low) * Double(band + 1) / Double(spectrumBands))
            let b0 = max(1, Int(f0 / binHz)), b1 = max(b0, min(size / 2, Int(f1 / binHz)))
            var total = 0.0
            for bin in b0...b1 { total += sum[bin] }
            let mean = total / Double(b1 - b0 + 1) / Double(frames) / Double(size * size / 4)
            return Float(max(-100, 10 * log10(mean + 1e-12)))
        }
    }
}
