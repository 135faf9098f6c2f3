import DSP
import Foundation
import Synthesis
import Testing

@Suite("FFT, windows, spectrogram")
struct FFTTests {
    @Test("a sine's power peaks in the bin of its frequency")
    func sinePeak() {
        let fft = RealFFT(size: 1024)
        // 16 cycles in 1024 samples → bin 16 exactly
        for n in 0..<1024 { fft.input[n] = Float(sin(2 * Double.pi * 16 * Double(n) / 1024)) }
        fft.forward()
        var power = [Float](repeating: 0, count: fft.binCount)
        power.withUnsafeMutableBufferPointer { fft.powerSpectrum(into: $0) }
        #expect(power.firstIndex(of: power.max()!) == 16)
        // |X[16]| = N/2 for a unit sine
        #expect(abs(power[16].squareRoot() - 512) < 0.01)
    }

    @Test("plans shared across threads give the same result as one thread")
    func concurrentExecution() async {
        func spectrum(_ seed: Int) -> [Float] {
            let fft = RealFFT(size: 2048)
            for n in 0..<2048 { fft.input[n] = Float(sin(Double(n * (seed + 1)) * 0.01)) }
            fft.forward()
            var power = [Float](repeating: 0, count: fft.binCount)
            power.withUnsafeMutableBufferPointer { fft.powerSpectrum(into: $0) }
            return power
        }
        let serial = (0..<8).map(spectrum)
        let parallel = await withTaskGroup(of: (Int, [Float]).self) { group in
            for seed in 0..<8 { group.addTask { (seed, spectrum(seed)) } }
            var out = [[Float]](repeating: [], count: 8)
            for await (seed, power) in group { out[seed] = power }
            return out
        }
        #expect(parallel == serial)
    }

    @Test("the periodic Hann window starts at 0, peaks at 1 in the middle")
    func hann() {
        let w = Window.hann(8)
        #expect(w[0] == 0)
        #expect(abs(w[4] - 1) < 1e-6)
        #expect(abs(w[2] - 0.5) < 1e-6)
    }

    @Test("the spectrogram emits one frame per hop, at least one, each computed once", arguments: [0, 1, 100, 2048, 2049, 10_000])
    func frameCount(samples: Int) {
        var frames = 0
        var indices: [Int] = []
        let stream = SpectrogramStream(.init(frameSize: 2048, hopSize: 512)) { _, index in
            frames += 1
            indices.append(index)
        }
        let signal = [Float](repeating: 0.1, count: samples)
        // feed in uneven blocks to exercise the overlap buffer
        var start = 0
        for size in [7, 1000, 3333, 100_000] where start < signal.count {
            let end = min(signal.count, start + size)
            signal[start..<end].withUnsafeBufferPointer { stream.process($0) }
            start = end
        }
        stream.finish()
        #expect(frames == max(1, (samples + 511) / 512))
        #expect(indices == Array(0..<frames))
    }

    @Test("FFT cross-correlation equals the direct sum")
    func crossCorrelation() {
        let a = Signals.whiteNoise(seconds: 0.01, sampleRate: 20000, seed: 3)    // 200 samples
        let x = Signals.whiteNoise(seconds: 0.015, sampleRate: 20000, seed: 4)   // 300 samples
        let lags = 100
        var r = [Float](repeating: 0, count: lags)
        let correlator = CrossCorrelator(size: 512)
        a.withUnsafeBufferPointer { ab in
            x.withUnsafeBufferPointer { xb in
                r.withUnsafeMutableBufferPointer { correlator.correlate(ab, xb, lagCount: lags, into: $0) }
            }
        }
        for lag in 0..<lags {
            var direct: Float = 0
            for j in 0..<a.count where j + lag < x.count { direct += a[j] * x[j + lag] }
            #expect(abs(direct - r[lag]) < 1e-3)
        }
    }
}
