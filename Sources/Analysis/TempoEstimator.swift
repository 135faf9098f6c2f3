import Foundation

/// Tempo of a loop from its onset envelope, with a confidence and ranked ½×/2×/⅔×/3⁄2× alternatives.
///
/// A chain of small steps: (1) autocorrelation of the mean-removed onset envelope;
/// (2) a comb score per candidate tempo (40–250 BPM) summing the autocorrelation at 1–4 beat
/// periods; (3) a log-normal prior centred on 120 BPM for the musically plausible octave;
/// (4) the fact that loops span whole bars: tempos for which the (tail-trimmed) duration is a
/// whole number of beats (4, 8, 16, 32, 64 …) are preferred when their comb score is close to the
/// best, and then give the exact tempo.
public struct TempoEstimator {
    public struct Configuration: Sendable {
        /// Tempo search range, BPM.
        public var minBPM = 40.0, maxBPM = 250.0
        /// Centre of the octave prior, BPM, and its width in octaves.
        public var preferredBPM = 120.0, priorOctaves = 1.0
        /// Only the first this-many seconds of envelope are used.
        public var maxSeconds = 120.0
        public init() {}
    }

    public struct Alternative: Sendable, Equatable, Codable {
        public var bpm: Double
        /// Multiple of the main tempo: 0.5, 2, 2/3 or 3/2.
        public var ratio: Double
        /// Relative support from the onset envelope, 0 … 1.
        public var score: Double
    }

    public struct Result: Sendable, Equatable, Codable {
        public var bpm: Double
        /// 0 … 1: how periodic the envelope is at this tempo (and agreement with the loop length).
        public var confidence: Double
        /// Whether the loop's duration is a whole number of bars at this tempo.
        public var fitsWholeBars: Bool
        public var alternatives: [Alternative]
        public let version = AlgorithmVersion.tempo
        private enum CodingKeys: String, CodingKey { case bpm, confidence, fitsWholeBars, alternatives, version }
    }

    public let configuration: Configuration
    public init(_ configuration: Configuration = .init()) { self.configuration = configuration }

    /// - Parameters:
    ///   - envelope: onset strength per frame; `framesPerSecond` its rate.
    ///   - durationSeconds: the file's duration; `trailingSilenceSeconds` what of it is silent tail.
    public func estimate(envelope: [Float], framesPerSecond fps: Double, durationSeconds: Double,
                         trailingSilenceSeconds: Double) -> Result? {
        let usable = min(envelope.count, Int(configuration.maxSeconds * fps))
        guard usable > Int(fps) else { return nil }
        let e = envelope[0..<usable].map(Double.init)
        let mean = e.reduce(0, +) / Double(e.count)
        let centred = e.map { $0 - mean }
        let maxLag = min(usable - 1, Int(fps * 60 / configuration.minBPM * 4) + 2)
        var acf = [Double](repeating: 0, count: maxLag + 1)
        for lag in 0...maxLag {
            var sum = 0.0
            for i in 0..<(usable - lag) { sum += centred[i] * centred[i + lag] }
            acf[lag] = sum / Double(usable - lag)   // unbiased: long lags are not penalised
        }
        guard acf[0] > 0 else { return nil }
        let norm = acf[0]
        func acfAt(_ lag: Double) -> Double {
            guard lag >= 0, lag < Double(maxLag) else { return 0 }
            let i = Int(lag), f = lag - Double(i)
            return (acf[i] * (1 - f) + acf[i + 1] * f) / norm
        }
        func comb(_ bpm: Double) -> Double {
            let period = fps * 60 / bpm
            var score = 0.0, weight = 0.0
            for k in 1...4 {
                let lag = period * Double(k)
                guard lag < Double(maxLag) else { break }
                // the peak may fall between frames: take the best of a ±1 frame neighbourhood
                let local = max(acfAt(lag - 1), acfAt(lag), acfAt(lag + 1))
                score += local / Double(k)
                weight += 1 / Double(k)
            }
            return weight > 0 ? score / weight : 0
        }
        func prior(_ bpm: Double) -> Double {
            let octaves = log2(bpm / configuration.preferredBPM) / configuration.priorOctaves
            return exp(-0.5 * octaves * octaves)
        }

        // Candidate tempos: a grid, plus those implied by whole beats of the loop's length.
        var candidates: [Double] = stride(from: configuration.minBPM, through: configuration.maxBPM, by: 0.5).map { $0 }
        let lengths = [durationSeconds, durationSeconds - trailingSilenceSeconds].filter { $0 > 0.5 }
        var barTempos: [Double] = []
        for length in lengths {
            for beats in [2.0, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 128] {
                let bpm = beats * 60 / length
                if bpm >= configuration.minBPM && bpm <= configuration.maxBPM { barTempos.append(bpm) }
            }
        }
        candidates += barTempos
        let scored = candidates.map { (bpm: $0, comb: comb($0), total: comb($0) * prior($0)) }
        guard let best = scored.max(by: { $0.total < $1.total }), best.comb > 0 else { return nil }

        // Snap to a whole-bar tempo near the best when the envelope supports it nearly as well.
        var chosen = best
        var fitsBars = false
        let barScored = scored.filter { c in barTempos.contains(c.bpm) }
        if let bar = barScored.filter({ abs($0.bpm / best.bpm - 1) < 0.04 && $0.total >= 0.8 * best.total })
            .max(by: { $0.total < $1.total }) {
            chosen = bar
            fitsBars = true
        } else if let bar = barScored.filter({ $0.total >= 0.9 * best.total }).max(by: { $0.total < $1.total }) {
            chosen = bar
            fitsBars = true
        }
        let refined = fitsBars ? chosen.bpm : refine(chosen.bpm, comb: comb)
        let confidence = min(1, max(0, chosen.comb)) * (fitsBars ? 1 : 0.8)
        let alternatives = [0.5, 2, 2.0 / 3, 1.5].compactMap { ratio -> Alternative? in
            let bpm = refined * ratio
            guard bpm >= 20, bpm <= 400 else { return nil }
            return Alternative(bpm: (bpm * 100).rounded() / 100, ratio: ratio,
                               score: max(0, min(1, comb(bpm))))
        }.sorted { $0.score > $1.score }
        return Result(bpm: (refined * 100).rounded() / 100, confidence: confidence,
                      fitsWholeBars: fitsBars, alternatives: alternatives)
    }

    /// Fine search ±2 % around a grid tempo in 0.05 BPM steps.
    private func refine(_ bpm: Double, comb: (Double) -> Double) -> Double {
        var best = bpm, bestScore = comb(bpm)
        for candidate in stride(from: bpm * 0.98, through: bpm * 1.02, by: 0.05) {
            let s = comb(candidate)
            if s > bestScore { best = candidate; bestScore = s }
        }
        return best
    }
}
