/// How many strong accents a signal has, from its frame RMS: the rises of the frame RMS are
/// picked as peaks (a local maximum over ±3 frames, at least 4 frames apart) and counted as an
/// effective number, (Σh)²/Σh² (the participation ratio of the peak heights h): N equal accents
/// count N, one loud accent among many faint ones little more than 1. Loud events (kick, snare,
/// a chord) dominate and quiet ones (hats, ghost notes, shakers) add little, so — unlike an onset
/// count — the result hardly depends on how busy the subdivisions are, nor on the overall level.
/// The signal is treated as a loop: its first frame rises from the level it ends at (for a
/// one-shot that is silence).
///
/// Used by `TempoEstimator` to choose the metrical level: drum loops carry roughly one main
/// accent per beat. On 186 synthetic house, hip-hop, drum & bass and latin loops at 60–190 BPM
/// with varied kick, snare, hat and rim levels and lengths, the effective count per beat at the
/// true tempo is 0.82–2.6 (median about 1.2); half or double the tempo moves it a whole octave.
///
/// Hats and shakers carry most of their energy above `lowBandHz`, kicks, snares and toms below it. Loud
/// bright hats count as accents in the full band, and more of them per beat the slower the loop, so
/// `blendedCount` takes the geometric mean of the full band's count and that of the band below
/// `lowBandHz`. On 710 synthetic drum loops at 45–200 BPM (the dev set, two tempo valsets and 520 loops of
/// `bench/make_drawn_kit_loops.py`), the count per beat at the true tempo spreads 0.36 octave
/// (standard deviation; 0.44 for the full band's) and drifts −0.41 octave per octave of tempo (−0.51).
public enum AccentDensity {
    /// Frames at the end whose STFT window reaches past the signal (2048-sample frames, 512 hop).
    public static let endFrames = 4
    /// Upper edge of the low band whose accents `blendedCount` weighs in, Hz.
    public static let lowBandHz = 4000.0

    /// The geometric mean of the effective counts of `frameRMS` (full band) and `lowBandRMS` (below
    /// `lowBandHz`) over their first `frames` frames; 0 when either signal never rises.
    public static func blendedCount(frameRMS: [Float], lowBandRMS: [Float], frames: Int) -> Double {
        let full = effectiveCount(frameRMS: frameRMS, frames: frames)
        let low = effectiveCount(frameRMS: lowBandRMS, frames: frames)
        return (full * low).squareRoot()
    }

    /// Effective number of accents among the rises of `frameRMS` over its first `frames` frames
    /// (0 when the signal never rises).
    public static func effectiveCount(frameRMS: [Float], frames: Int? = nil) -> Double {
        let n = min(frames ?? frameRMS.count, frameRMS.count)
        guard n > 2 else { return 0 }
        var rise = [Float](repeating: 0, count: n)
        // A loop's first frame follows its own end, not silence: its rise is measured from the
        // level the signal ends at — the largest of the last `endFrames` frames, since those that
        // reach past the end are zero-padded.
        let end = frameRMS[max(0, n - endFrames)..<n].max() ?? 0
        rise[0] = max(0, frameRMS[0] - end)
        for i in 1..<n { rise[i] = max(0, frameRMS[i] - frameRMS[i - 1]) }
        var sum = 0.0, sumOfSquares = 0.0
        var last = -1_000
        for i in 0..<n where rise[i] > 0 {
            var isPeak = true
            for j in max(0, i - 3)...min(n - 1, i + 3) where rise[j] > rise[i] { isPeak = false; break }
            guard isPeak, i - last >= 4 else { continue }
            let h = Double(rise[i])
            sum += h
            sumOfSquares += h * h
            last = i
        }
        return sumOfSquares > 0 ? sum * sum / sumOfSquares : 0
    }
}
