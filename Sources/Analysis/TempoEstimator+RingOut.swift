import Foundation

/// A loop that rings past its last bar, scored over its own length (see `TempoEstimator`'s doc comment).
extension TempoEstimator {
    /// The best whole-bar tempo of a loop that rings past its last bar: for 1, 2 and 4 bars, candidate loop
    /// lengths L from `maximumRingOut` to `minimumRingOut` seconds short of the duration, each scored by the
    /// comb over the envelope's first L seconds, autocorrelated circularly at L (`wrappedComb`) — the loop
    /// as it repeats, without the ring. Per bar count the strongest local peak over L; it counts when
    /// that comb is at least `leastComb`, the part after L only decays and the loop sounds to its end
    /// (`ringDecays`). A bar count within 4 % of `reference` (the tempo chosen so far) is taken first, so
    /// the octave stays; otherwise the priors choose among the bar counts. The choice stands when its comb
    /// is at least `beating` (a whole-bar fit's comb to beat). Nil without `frameRMS`. `onsetLeadFrames` as
    /// for `estimate`: each candidate loop reads its first frame's flux that many frames before its end.
    func ringOutFit(envelope e: [Double], onsetLeadFrames: Int, frameRMS: [Float]?, framesPerSecond fps: Double,
                    durationSeconds: Double, prior: (Double) -> Double, reference: Double, leastComb: Double,
                    beating: Double)
        -> Candidate? {
        guard let frameRMS, let loudest = frameRMS.max(), loudest > 0, beating < 1 else { return nil }
        let lo = durationSeconds - configuration.maximumRingOut, hi = durationSeconds - configuration.minimumRingOut
        guard lo > 0.5, hi > lo else { return nil }
        let levels = frameRMS.map { max(Decibels.fromAmplitude(Double($0 / loudest)), configuration.ringFloorDB) }
        // No candidate can pass `ringDecays` when the loudest possible second half is too quiet or the
        // shortest possible ring already rises (a cheap exit for single hits and sustained sounds).
        let firstHalf = min(levels.count, Int(lo * fps / 2)), lastEnd = min(levels.count, Int(hi * fps))
        guard firstHalf < lastEnd, (levels[firstHalf..<lastEnd].max() ?? -.infinity) >= configuration.ringLoopLevelDB,
              ringDecays(levels: levels, loopFrames: hi * fps, checkLoop: false) else { return nil }
        var found: [Candidate] = []
        for beats in Self.barBeats.prefix(3) {   // 1, 2 and 4 bars
            // Candidate lengths in half-frame steps, within the tempo range.
            let lengths = stride(from: lo, through: hi, by: 0.5 / fps)
                .filter { beats * 60 / $0 >= configuration.minBPM && beats * 60 / $0 <= configuration.maxBPM }
            guard lengths.count >= 3, Int(lengths.last! * fps) <= e.count else { continue }
            let scores = lengths.map {
                wrappedComb(e, loopFrames: $0 * fps, period: $0 * fps / beats, onsetLeadFrames: onsetLeadFrames)
            }
            guard let peak = Self.strongestLocalPeak(scores), scores[peak] >= leastComb,
                  ringDecays(levels: levels, loopFrames: lengths[peak] * fps) else { continue }
            let bpm = beats * 60 / lengths[peak]
            found.append((bpm: bpm, comb: scores[peak], total: scores[peak] * prior(bpm)))
        }
        // The octave stays the reference's when a bar count agrees with it (the ring-out fixes the digits).
        let agreeing = found.filter { abs($0.bpm / reference - 1) < 0.04 }
        guard let bar = (agreeing.isEmpty ? found : agreeing).max(by: { $0.total < $1.total }),
              bar.comb >= beating else { return nil }
        return bar
    }

    /// Whether a loop of `loopFrames` frames plus ring-out fits the frame levels (dB re the loudest): its
    /// second half sounds (within `ringLoopLevelDB` of the loudest), and after its end the level never rises
    /// more than `ringRiseDB` above its lowest so far — a ring-out holds no new hit. `checkLoop` false: only the latter.
    func ringDecays(levels: [Double], loopFrames: Double, checkLoop: Bool = true) -> Bool {
        let half = Int(loopFrames / 2), end = min(levels.count, Int(loopFrames))
        if checkLoop {
            guard half < end, (levels[half..<end].max() ?? -.infinity) >= configuration.ringLoopLevelDB else { return false }
        }
        var lowest = Double.infinity
        for level in levels.dropFirst(Int(loopFrames.rounded(.up)) + 1) {
            if level - lowest > configuration.ringRiseDB { return false }
            lowest = min(lowest, level)
        }
        return true
    }

    /// Comb score (as `OnsetPeriodicity.comb`) of `period` frames over the envelope's first `loopFrames`
    /// frames (fractional) taken as one period of a repeating loop: the mean-removed frames are
    /// autocorrelated circularly at exactly `loopFrames`, interpolating between frames and across the wrap.
    /// The first frame's flux is read `onsetLeadFrames` before the loop's end (`startFlaggedWithLead`).
    func wrappedComb(_ envelope: [Double], loopFrames length: Double, period: Double, onsetLeadFrames: Int)
        -> Double {
        let m = min(envelope.count, Int(length))
        guard m > 2 else { return 0 }
        let e = Self.startFlaggedWithLead(Array(envelope[0..<m]), frames: onsetLeadFrames)
        var mean = 0.0
        for i in 0..<m { mean += e[i] }
        mean /= Double(m)
        // The loop's frames, mean removed, then frame 0 again: the loop returns to it at `length`.
        var loop = [Double](repeating: 0, count: m + 1)
        var energy = 0.0
        for i in 0..<m {
            loop[i] = e[i] - mean
            energy += loop[i] * loop[i]
        }
        loop[m] = loop[0]
        guard energy > 0 else { return 0 }
        let lastSpan = length - Double(m - 1)   // frame m − 1 to the wrap, 1 … 2 frames
        return loop.withUnsafeBufferPointer { c -> Double in
            func autocorrelation(_ lag: Double) -> Double {
                let shift = lag - (lag / length).rounded(.down) * length
                let k = Int(shift), f = shift - Double(k)
                var sum = 0.0
                // Before frame m − 1 every position falls the same fraction `f` past a frame.
                let straight = max(0, min(m, Int((Double(m - 1) - shift).rounded(.up))))
                for i in 0..<straight { sum += c[i] * (c[i + k] + (c[i + k + 1] - c[i + k]) * f) }
                for i in straight..<m {
                    var p = Double(i) + shift
                    if p >= length { p -= length }
                    let j = Int(p)
                    let value = j >= m - 1
                        ? c[m - 1] + (c[m] - c[m - 1]) * ((p - Double(m - 1)) / lastSpan)
                        : c[j] + (c[j + 1] - c[j]) * (p - Double(j))
                    sum += c[i] * value
                }
                return sum / energy
            }
            var score = 0.0, weight = 0.0
            for k in 1...4 {
                let lag = period * Double(k)
                let turns = (lag / length).rounded()
                if turns >= 1 && abs(lag - turns * length) < 3 { continue }
                let local = max(autocorrelation(lag - 1), autocorrelation(lag), autocorrelation(lag + 1))
                score += local / Double(k)
                weight += 1 / Double(k)
            }
            return weight > 0 ? score / weight : 0
        }
    }
}
