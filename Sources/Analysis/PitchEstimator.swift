import DSP
import Foundation

/// Fundamental pitch of a tonal one-shot by YIN (de Cheveigné & Kawahara 2002) with the
/// difference function computed through FFT cross-correlation.
///
/// Analyses up to `maxFrames` frames of the segment that follows the attack, takes the median
/// f0 of the voiced frames, and reports nothing ("none") for noise and drums: too few voiced
/// frames or too aperiodic. YIN's "first dip below the threshold" rule protects against
/// choosing a sub-harmonic (octave too low); `heardOctave` then corrects the one sub-harmonic YIN
/// gets right by the book: a period twice the note's, with no energy of its own (FM bells). Such a
/// bell below about 60 Hz has its period below the search range, so when nothing is found a
/// second pass looks an octave lower.
///
/// Two kinds of note have no one period: one that glides into its pitch (an 808 or a kick whose
/// pitch sweeps down, a tabla's bend) reports where the glide settles (`settledPitch`), and an
/// inharmonic one (a struck bar, whose partials at 2.76 and 5.4 times the fundamental pull the
/// period estimate about 90 cents flat) reports its fundamental partial (`fundamentalPartial`). A
/// third has one period early and another once it has decayed: an FM bell whose sidebands die before
/// it reads its later period when that is an octave or more higher (`estimate(segment:later:sampleRate:)`).
public struct PitchEstimator {
    public struct Configuration: Sendable {
        /// Lowest and highest f0 searched, Hz.
        public var minHz = 30.0, maxHz = 4200.0
        /// YIN absolute threshold on the cumulative-mean-normalised difference, (0, 1).
        public var threshold = 0.15
        /// Frames analysed at most, and the fraction that must be voiced to report a pitch.
        public var maxFrames = 10, minimumVoicedFraction = 0.5
        /// A glide (`settledPitch`): the median f0 of the later half of the voiced frames differs from
        /// the earlier half's by more than `glideCents`, and frame to frame it moves one way (back by at
        /// most `glideReversalCents`), never jumping more than `glideStepCents` (a jump is YIN switching
        /// between two period candidates, as in an FM bell, not a glide). The pitch is then where the
        /// track's approach ends (`extrapolatedEnd`), or else the median of its last `settledFrames` frames.
        public var glideCents = 50.0, glideStepCents = 300.0, glideReversalCents = 5.0
        public var settledFrames = 3
        /// A glide still moving at the end of the frames (a slow sweep) is extrapolated to its end
        /// (`extrapolatedEnd`) when its steps shrink by less than this ratio, by at most this many cents.
        public var maximumSettleRatio = 0.8, maximumSettleCents = 50.0
        /// Below this confidence (1 − aperiodicity) the note is inharmonic enough for a prominent partial
        /// within `partialSpread` of the period's frequency, more than `partialCents` away, to be its pitch
        /// (`fundamentalPartial`). Periodic notes (an FM bell's is exactly periodic) keep the period.
        public var inharmonicConfidence = 0.95, partialSpread = 0.06, partialCents = 25.0
        /// A decaying note's later segment overrides the early reading when it is at least `laterDecayDB`
        /// quieter and reads at least `laterRiseCents` higher (`estimate(segment:later:sampleRate:)`).
        public var laterDecayDB = 10.0, laterRiseCents = 1100.0
        /// When the early segment has no period in either pass, the later reading is the pitch only if the
        /// early segment repeats (normalised correlation at least `earlyRepeatCorrelation`) after a whole
        /// number, up to `earlyRepeatMultiples`, of its periods: a low FM bell's early period is 5/f; a
        /// cymbal's or a chord's decayed hum does not repeat so.
        public var earlyRepeatCorrelation = 0.85, earlyRepeatMultiples = 6
        public init() {}

        /// The second pass of `estimate`: the same search an octave lower.
        var subharmonicPass: Configuration {
            var pass = self
            pass.minHz /= 2
            pass.maxHz = minHz
            pass.maxFrames = (maxFrames + 1) / 2   // frames twice as long: the same span of sound
            return pass
        }
    }

    public struct Result: Sendable, Equatable, Codable {
        public var hz: Double
        /// Nearest MIDI note and the deviation from it in cents (−50 … +50).
        public var midi: Int
        public var cents: Double
        /// "A4", "C#2".
        public var note: String
        /// 1 − median aperiodicity of the voiced frames, 0 … 1: how periodic the note is (also when
        /// `hz` is twice the period's frequency, see `PitchEstimator.heardOctave`).
        public var confidence: Double
        public let version = AlgorithmVersion.pitch
        private enum CodingKeys: String, CodingKey { case hz, midi, cents, note, confidence, version }

        public init(hz: Double, confidence: Double) {
            self.hz = hz
            let exact = 69 + 12 * log2(hz / 440)
            midi = Int(exact.rounded())
            cents = (exact - Double(midi)) * 100
            note = MusicalKey.pitchClassNames[((midi % 12) + 12) % 12] + String(midi / 12 - 1)
            self.confidence = confidence
        }
    }

    public let configuration: Configuration
    public init(_ configuration: Configuration = .init()) { self.configuration = configuration }

    /// Samples needed after the attack to analyse every frame, of both passes (see `estimate`).
    public static func segmentLength(sampleRate: Int, configuration: Configuration = .init()) -> Int {
        max(framesLength(sampleRate: sampleRate, configuration: configuration),
            framesLength(sampleRate: sampleRate, configuration: configuration.subharmonicPass))
    }

    /// Samples that `maxFrames` frames of one pass span.
    static func framesLength(sampleRate: Int, configuration: Configuration) -> Int {
        let (window, maxLag, _) = geometry(sampleRate: sampleRate, configuration: configuration)
        return window + maxLag + window * (configuration.maxFrames - 1) / 2
    }

    static func geometry(sampleRate: Int, configuration: Configuration) -> (window: Int, maxLag: Int, fftSize: Int) {
        let maxLag = Int(Double(sampleRate) / configuration.minHz) + 2
        var window = 1
        while window < maxLag { window <<= 1 }
        var fft = 1
        while fft < window + maxLag + 1 { fft <<= 1 }   // + 1: lags 0...maxLag (a fuzzed AIFF hit the edge)
        return (window, maxLag, fft)
    }

    /// Estimates f0 from `segment` (mono, starting shortly after the attack) and, for a note that decays,
    /// from `later`: a stretch of the same note, as long, after it has decayed.
    ///
    /// A note whose sidebands die with it, as an FM bell's do, has an early period longer than the note's:
    /// 5/f for a modulator at 1.4 times the carrier f, whose lowest sideband sounds at 0.4 f, and 2/f for
    /// 2.5 times, whose partials at 1.5 f and 3.5 f hide the octave. Once they have died, the period is
    /// the carrier's. So when `later` is at least `laterDecayDB` quieter than `segment` and reads at least
    /// `laterRiseCents` higher, it is the pitch. A later reading that is lower is a drift or a decayed
    /// partial's pull; a note that does not decay (an organ, whose beating stops fade in and out) has no
    /// sidebands dying: both keep the early reading. A low bell's early period can lie below the searched
    /// range (5/f of a 78 Hz carrier is 16 Hz), so `segment` reports no pitch: then the period the second
    /// pass found there is the early reading the later one is compared with. Below about 60 Hz, 5/f lies
    /// below the second pass too; then the later reading stands when the early segment repeats after a
    /// whole number of its periods (`Configuration.earlyRepeatCorrelation`).
    public func estimate(segment: [Float], later: [Float]?, sampleRate: Int) -> Result? {
        let early = reading(of: segment, sampleRate: sampleRate)
        guard let later, Self.meanSquareDB(later) <= Self.meanSquareDB(segment) - configuration.laterDecayDB,
              let settled = estimate(segment: later, sampleRate: sampleRate) else { return early.pitch }
        if let earlyHz = early.pitch?.hz ?? early.periodBelowRange {
            return cents(settled.hz, earlyHz) >= configuration.laterRiseCents ? settled : early.pitch
        }
        let repeats = (1...configuration.earlyRepeatMultiples).contains {
            Self.correlation(of: segment, atMultiple: $0, ofPeriodOf: settled.hz, sampleRate: sampleRate)
                >= configuration.earlyRepeatCorrelation
        }
        return repeats ? settled : nil
    }

    /// The normalised correlation of `segment` with itself `multiple` periods of `hz` later, at the
    /// best lag within ±0.5 % (1 = repeats exactly, whatever the level); 0 when the segment is shorter
    /// than twice the lag.
    private static func correlation(of segment: [Float], atMultiple multiple: Int, ofPeriodOf hz: Double,
                                    sampleRate: Int) -> Double {
        let centre = Double(multiple * sampleRate) / hz
        let lags = Int((centre * 0.995).rounded(.down))...Int((centre * 1.005).rounded(.up))
        let length = segment.count - lags.upperBound
        guard length >= lags.upperBound else { return 0 }
        return segment.withUnsafeBufferPointer { x in
            lags.map { lag in
                var xy = 0.0, xx = 0.0, yy = 0.0
                for n in 0..<length {
                    let a = Double(x[n]), b = Double(x[n + lag])
                    xy += a * b; xx += a * a; yy += b * b
                }
                return xx > 0 && yy > 0 ? xy / (xx * yy).squareRoot() : 0
            }.max() ?? 0
        }
    }

    private static func meanSquareDB(_ samples: [Float]) -> Double {
        Decibels.fromPower(samples.reduce(0) { $0 + Double($1 * $1) } / Double(max(1, samples.count)))
    }

    /// Estimates f0 from `segment` (mono, starting shortly after the attack).
    ///
    /// When no period is found between `minHz` and `maxHz`, a second pass searches an octave lower
    /// (down to `minHz / 2`, with longer frames) and keeps what it finds only when `heardOctave`
    /// doubles it back into range: an FM bell below about 60 Hz has the period 2/f, below `minHz`.
    public func estimate(segment: [Float], sampleRate: Int) -> Result? {
        reading(of: segment, sampleRate: sampleRate).pitch
    }

    /// `estimate(segment:sampleRate:)`'s pitch and, when it has none, the period its second pass found
    /// below the searched range (`periodBelowRange`, as a frequency).
    private func reading(of segment: [Float], sampleRate: Int) -> (pitch: Result?, periodBelowRange: Double?) {
        // Running energy, prefix[i] = Σ segment[0..<i]²: both passes read frame energies from it.
        var prefix = [Double](repeating: 0, count: segment.count + 1)
        for i in 0..<segment.count { prefix[i + 1] = prefix[i] + Double(segment[i] * segment[i]) }
        if let (periodHz, aperiodicity, glides) = period(of: segment, prefix: prefix, sampleRate: sampleRate,
                                                         configuration) {
            // One spectrum serves the octave test and, for an inharmonic note, the partial search.
            let spectrum = segmentSpectrum(segment, sampleRate: sampleRate)
            var hz = heardOctave(of: periodHz, spectrum: spectrum)
            let confidence = max(0, min(1, 1 - aperiodicity))
            if !glides && confidence < configuration.inharmonicConfidence {
                hz = fundamentalPartial(near: hz, spectrum: spectrum)
            }
            guard hz >= configuration.minHz * 0.97, hz <= configuration.maxHz * 1.03 else { return (nil, nil) }
            return (Result(hz: hz, confidence: confidence), nil)
        }
        guard let (periodHz, aperiodicity, _) = period(of: segment, prefix: prefix, sampleRate: sampleRate,
                                                    configuration.subharmonicPass),
              periodHz < configuration.minHz else { return (nil, nil) }
        let hz = heardOctave(of: periodHz, spectrum: segmentSpectrum(segment, sampleRate: sampleRate))
        guard hz > periodHz, hz >= configuration.minHz * 0.97 else { return (nil, periodHz) }
        return (Result(hz: hz, confidence: max(0, min(1, 1 - aperiodicity))), nil)
    }

    /// The median period (as a frequency) of the voiced frames within `pass`'s range — or where it
    /// settles, when it glides (`glides`) —, and their median aperiodicity; nil when too few frames are
    /// voiced. `prefix` is `segment`'s running energy.
    private func period(of segment: [Float], prefix: [Double], sampleRate: Int,
                        _ pass: Configuration) -> (hz: Double, aperiodicity: Double, glides: Bool)? {
        let (window, maxLag, fftSize) = PitchEstimator.geometry(sampleRate: sampleRate, configuration: pass)
        let minLag = max(2, Int(Double(sampleRate) / pass.maxHz))
        guard segment.count >= window + maxLag else { return nil }
        let hop = window / 2
        let frameCount = min(pass.maxFrames, (segment.count - window - maxLag) / hop + 1)
        let correlator = CrossCorrelator(size: fftSize)
        var r = [Float](repeating: 0, count: maxLag + 1)
        var f0s: [Double] = [], aperiodicities: [Double] = []
        var d = [Double](repeating: 0, count: maxLag + 1)
        // more unvoiced frames than this and the segment cannot be voiced: stop early
        let unvoicedAllowed = frameCount - Int((pass.minimumVoicedFraction * Double(frameCount)).rounded(.up))
        for frame in 0..<frameCount where frame - f0s.count <= unvoicedAllowed {
            let start = frame * hop
            segment.withUnsafeBufferPointer { s in
                let a = UnsafeBufferPointer(rebasing: s[start..<(start + window)])
                let x = UnsafeBufferPointer(rebasing: s[start..<(start + window + maxLag)])
                r.withUnsafeMutableBufferPointer { correlator.correlate(a, x, lagCount: maxLag + 1, into: $0) }
            }
            let e0 = prefix[start + window] - prefix[start]
            guard e0 > 1e-8 else { continue }
            // d(τ) = e(0) + e(τ) − 2 r(τ), then cumulative mean normalisation
            d[0] = 0
            var running = 0.0
            var cmnd = [Double](repeating: 1, count: maxLag + 1)
            for lag in 1...maxLag {
                let eTau = prefix[start + lag + window] - prefix[start + lag]
                d[lag] = max(0, e0 + eTau - 2 * Double(r[lag]))
                running += d[lag]
                cmnd[lag] = running > 0 ? d[lag] * Double(lag) / running : 1
            }
            guard let (lag, value) = pickLag(cmnd, minLag: minLag, maxLag: maxLag) else { continue }
            f0s.append(Double(sampleRate) / lag)
            aperiodicities.append(value)
        }
        guard !f0s.isEmpty, Double(f0s.count) >= pass.minimumVoicedFraction * Double(frameCount) else {
            return nil
        }
        if let settled = settledPitch(f0s) { return (settled, median(aperiodicities), true) }
        return (median(f0s), median(aperiodicities), false)
    }

    /// Where a gliding f0 track (voiced frames in time order) settles: where its approach ends
    /// (`extrapolatedEnd`), or else the median of its last `settledFrames` frames; nil when the track
    /// does not glide (see `Configuration.glideCents`).
    func settledPitch(_ f0s: [Double]) -> Double? {
        guard f0s.count >= 4 else { return nil }
        let early = median(Array(f0s[..<(f0s.count / 2)])), late = median(Array(f0s[(f0s.count / 2)...]))
        guard abs(cents(late, early)) > configuration.glideCents else { return nil }
        let falling = late < early
        let oneWay = zip(f0s, f0s.dropFirst()).allSatisfy { before, after in
            let step = cents(after, before)
            return abs(step) <= configuration.glideStepCents
                && (falling ? step <= configuration.glideReversalCents : step >= -configuration.glideReversalCents)
        }
        guard oneWay else { return nil }
        return extrapolatedEnd(f0s) ?? median(Array(f0s.suffix(configuration.settledFrames)))
    }

    /// Where an exponential approach ends, from frames n−5, n−3 and n−1 of the track (Aitken's Δ²): when
    /// their steps shrink by a ratio r in (0, `maximumSettleRatio`), the track still has r/(1−r) of its
    /// last step to go. At most `maximumSettleCents` beyond the last frame; nil without such steps.
    func extrapolatedEnd(_ f0s: [Double]) -> Double? {
        guard f0s.count >= 5 else { return nil }
        let (a, b, c) = (f0s[f0s.count - 5], f0s[f0s.count - 3], f0s[f0s.count - 1])
        let first = b - a, second = c - b
        guard first != 0, second * first > 0 else { return nil }
        let ratio = second / first
        guard ratio < configuration.maximumSettleRatio else { return nil }
        let end = c + second * ratio / (1 - ratio)
        let limit = c * pow(2, (second > 0 ? 1 : -1) * configuration.maximumSettleCents / 1200)
        return second > 0 ? min(end, limit) : max(end, limit)
    }

    private func cents(_ hz: Double, _ reference: Double) -> Double { 1200 * log2(hz / reference) }

    /// The first dip below the threshold (walked to its local minimum), refined by parabolic
    /// interpolation. Nil when no lag goes below the threshold.
    private func pickLag(_ cmnd: [Double], minLag: Int, maxLag: Int) -> (Double, Double)? {
        var lag = minLag
        while lag < maxLag {
            if cmnd[lag] < configuration.threshold {
                while lag + 1 < maxLag && cmnd[lag + 1] < cmnd[lag] { lag += 1 }
                let a = cmnd[lag - 1], b = cmnd[lag], c = cmnd[lag + 1]
                let denominator = a - 2 * b + c
                let shift = denominator != 0 ? 0.5 * (a - c) / denominator : 0
                return (Double(lag) + max(-1, min(1, shift)), b)
            }
            lag += 1
        }
        return nil
    }

    private func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2]
            : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
}

extension PitchEstimator {
    /// The magnitude spectrum of the segment's first `maxFrames` frames' span (`framesLength`); nil when
    /// the segment is shorter than 64 samples.
    private func segmentSpectrum(_ segment: [Float], sampleRate: Int) -> MagnitudeSpectrum? {
        let usual = PitchEstimator.framesLength(sampleRate: sampleRate, configuration: configuration)
        let length = min(segment.count, usual)
        guard length >= 64 else { return nil }
        // Short files give lengths of every size: only the usual one goes in the shared window cache.
        let window = length == usual ? Window.sharedHann(length) : Window.hann(length)
        return MagnitudeSpectrum(segment[..<length], window: window, sampleRate: sampleRate)
    }

    /// Partials at `hz` and `3·hz` this far below the `2·hz` partial count as absent (30 dB).
    static let absentPartial: Float = 0.0316
    /// The `2·hz` partial must be within this of the strongest spectral peak (20 dB).
    static let prominentPartial: Float = 0.1

    /// The frequency a listener hears for a signal whose period has frequency `hz`: `2·hz` when the
    /// spectrum gives no evidence of `hz` itself, else `hz`.
    ///
    /// Every partial of an FM bell with carrier f and modulator (n + ½)·f is a multiple of f/2, so
    /// its period is 2/f, but nothing sounds at f/2 or 3f/2, and f is a prominent partial: the
    /// note heard (and labelled) is f. The test is on the harmonics 1 and 3 of the candidate
    /// around its second, the only ones that would show the spacing `hz` next to the `2·hz`
    /// partial: both ≥ 30 dB below it, and the `2·hz` partial within 20 dB of the strongest peak.
    /// A note with a weak fundamental (a bass carried by harmonics 2, 3, 4 …) keeps its third
    /// harmonic, a square wave its first, a sine has no second: all keep `hz`.
    private func heardOctave(of hz: Double, spectrum: MagnitudeSpectrum?) -> Double {
        guard 2 * hz <= configuration.maxHz * 1.03, let spectrum else { return hz }
        let second = spectrum.peak(near: 2 * hz)
        guard second >= Self.prominentPartial * spectrum.maximum, second > 0 else { return hz }
        let neighbours = max(spectrum.peak(near: hz), spectrum.peak(near: 3 * hz))
        return neighbours < Self.absentPartial * second ? 2 * hz : hz
    }
}

extension PitchEstimator {
    /// The frequency of the strongest partial within `partialSpread` of `hz` when it is prominent (within
    /// 20 dB of the strongest peak), lies more than `partialCents` away and is in the search range; else
    /// `hz`. For an inharmonic note, whose period estimate its upper partials pull off its fundamental.
    private func fundamentalPartial(near hz: Double, spectrum: MagnitudeSpectrum?) -> Double {
        guard let spectrum, let partial = spectrum.interpolatedPeak(near: hz, spread: configuration.partialSpread),
              partial.magnitude >= Self.prominentPartial * spectrum.maximum,
              abs(cents(partial.hz, hz)) > configuration.partialCents,
              partial.hz >= configuration.minHz, partial.hz <= configuration.maxHz else { return hz }
        return partial.hz
    }
}

/// Hann-windowed magnitude spectrum of a whole pitch segment (one FFT, zero-padded to a power of
/// two), read as the strongest bin or the interpolated peak near a frequency.
private struct MagnitudeSpectrum {
    let magnitudes: [Float]
    let binHz: Double
    /// Half-width of a sinusoid's main lobe in this window, Hz.
    let lobeHz: Double
    let maximum: Float

    init(_ segment: ArraySlice<Float>, window: [Float], sampleRate: Int) {
        var size = 1
        while size < segment.count { size <<= 1 }
        let fft = RealFFT(size: size)
        for i in 0..<size { fft.input[i] = i < segment.count ? segment[segment.startIndex + i] * window[i] : 0 }
        fft.forward()
        var power = [Float](repeating: 0, count: fft.binCount)
        power.withUnsafeMutableBufferPointer { fft.powerSpectrum(into: $0) }
        magnitudes = power.map { $0.squareRoot() }
        binHz = Double(sampleRate) / Double(size)
        lobeHz = 2 * Double(sampleRate) / Double(segment.count)
        maximum = magnitudes.max() ?? 0
    }

    /// The strongest local maximum within ±`spread` (a fraction) of `hz`, its frequency refined by
    /// parabolic interpolation of the log magnitudes; nil when there is none.
    func interpolatedPeak(near hz: Double, spread: Double) -> (hz: Double, magnitude: Float)? {
        let low = max(1, Int((hz * (1 - spread) / binHz).rounded(.down)))
        let high = min(magnitudes.count - 2, Int((hz * (1 + spread) / binHz).rounded(.up)))
        guard low <= high else { return nil }
        var best: Int?
        for k in low...high where magnitudes[k] >= magnitudes[k - 1] && magnitudes[k] >= magnitudes[k + 1]
            && magnitudes[k] > (best.map { magnitudes[$0] } ?? 0) {
            best = k
        }
        guard let k = best else { return nil }
        let (a, b, c) = (logMagnitude(k - 1), logMagnitude(k), logMagnitude(k + 1))
        let curvature = a - 2 * b + c
        let shift = curvature != 0 ? max(-0.5, min(0.5, 0.5 * (a - c) / curvature)) : 0
        return ((Double(k) + shift) * binHz, magnitudes[k])
    }

    private func logMagnitude(_ bin: Int) -> Double { log(Double(max(magnitudes[bin], 1e-12))) }

    /// The largest magnitude within ±3 % (a quarter tone, for detuned partials) plus a main-lobe
    /// half-width of `hz`; 0 above Nyquist.
    func peak(near hz: Double) -> Float {
        let low = max(0, Int(((hz * 0.97 - lobeHz) / binHz).rounded(.down)))
        let high = min(magnitudes.count - 1, Int(((hz * 1.03 + lobeHz) / binHz).rounded(.up)))
        guard low <= high else { return 0 }
        return magnitudes[low...high].max() ?? 0
    }
}
