import Foundation

/// Whether the swells of a held texture mark out a chord loop: a pad or string loop changes chord
/// every P seconds with no attack the onset detector sees, but each chord swells in
/// (`SlowChangeDetector`). The swells peak a little after each change — by the same lag δ for
/// every chord, as one patch plays them all — so they fall on a grid k·P + δ from the start of
/// sound, and the file is 4 or 8 chords long, plus at most a period's ring-out.
///
/// A held one-shot's swells are off any such grid, or too few: at least three, and at least half
/// the chord changes, must show (a progression may repeat a chord, which swells nothing), and each
/// must come at near the full level, as a loop's chords do while a fading note's ripples ride down
/// its decay. And at least half must change the pitch classes: a held chord's detuned voices beat
/// and swell too, on the same notes.
public enum SwellGrid {
    /// The shortest chord, seconds: a pad changes chord at most every two beats at 150 BPM.
    public static let minimumPeriodSeconds = 0.75
    /// The longest chord, seconds: two bars at 60 BPM. (Grids of longer chords are not searched.)
    public static let maximumPeriodSeconds = 8.0
    /// How late a swell may peak after its chord starts, seconds (a slow attack plus the detector's lag).
    public static let lateness: ClosedRange<Double> = -0.05...0.6
    /// How far a swell may sit from its slot (after δ): the larger of this, seconds, and
    /// `relativeTolerance` of P.
    public static let slotToleranceSeconds = 0.06, relativeTolerance = 0.03
    /// Fewest swells that make a grid: two could be any held sound's two bumps.
    public static let minimumSwells = 3
    /// Chords a loop may have.
    public static let slotCounts = [4, 8]

    /// Swells whose chords differ this little (cosine similarity of the pitch classes of the chord
    /// before and the chord after) change no harmony: a held chord's detuned voices beat. (Chord
    /// changes of the synthetic pad loops measure 0.14–0.62, a held string chord's beating 0.82–0.94.)
    public static let sameHarmony = 0.75

    /// - Parameters:
    ///   - swellTimes: swells after the opening chord, seconds, ascending; `swellLevelsDB` the level
    ///     after each, dB re the loudest frame.
    ///   - durationSeconds: the file's duration; `startSeconds` where its sound starts.
    ///   - pitchClasses: the pitch classes of each stretch of the file (nil: unknown); when given, at
    ///     least half the swells must change them.
    /// - Returns: the grid, or nil when the swells do not make one.
    public static func find(swellTimes: [Double], swellLevelsDB: [Double], durationSeconds: Double,
                            startSeconds: Double,
                            pitchClasses: PitchClassFrames? = nil) -> OnsetGrid? {
        guard swellTimes.count >= minimumSwells, swellLevelsDB.count == swellTimes.count,
              swellLevelsDB.allSatisfy({ $0 >= OnsetGrid.minimumLevelDB }) else { return nil }
        let span = durationSeconds - startSeconds
        let offsets = swellTimes.map { $0 - startSeconds }
        var best: (grid: OnsetGrid, fit: (miss: Double, lateness: Double))?
        for slots in slotCounts where swellTimes.count >= slots / 2 {
            // span ∈ [slots·P − shortTrim, slots·P + min(maximumRing, P)]
            let longest = min(maximumPeriodSeconds, (span + OnsetGrid.shortTrimSeconds) / Double(slots))
            let shortest = max(minimumPeriodSeconds,
                               min((span - OnsetGrid.maximumRingSeconds) / Double(slots), span / Double(slots + 1)))
            guard shortest <= longest else { continue }
            for period in stride(from: shortest, through: longest, by: 0.005)
            where span <= Double(slots) * period + min(OnsetGrid.maximumRingSeconds, period) {
                if let fit = fit(offsets, period: period, slots: slots), fit.miss < best?.fit.miss ?? .infinity {
                    best = (OnsetGrid(periodSeconds: period, slots: slots), fit)
                }
            }
        }
        guard let best else { return nil }
        guard let pitchClasses else { return best.grid }
        // The chord before each swell and the chord after it.
        let period = best.grid.periodSeconds
        let changes = offsets.filter { offset in
            let change = startSeconds + slot(offset, lateness: best.fit.lateness, period: period) * period
            guard let before = pitchClasses.pitchClasses(from: change - period, to: change),
                  let after = pitchClasses.pitchClasses(from: change, to: change + period) else { return false }
            return cosine(before, after) < sameHarmony
        }
        return 2 * changes.count >= offsets.count ? best.grid : nil
    }

    /// The lateness δ that puts every swell within tolerance of its own slot 1 ..< `slots` with the
    /// smallest worst distance, and that distance; nil when no δ does.
    static func fit(_ offsets: [Double], period: Double, slots: Int) -> (miss: Double, lateness: Double)? {
        let tolerance = max(slotToleranceSeconds, relativeTolerance * period)
        var best: (miss: Double, lateness: Double)?
        for lateness in stride(from: lateness.lowerBound, through: lateness.upperBound, by: 0.01) {
            var used = Set<Int>()
            var worst = 0.0
            let onGrid = offsets.allSatisfy { offset in
                let slot = slot(offset, lateness: lateness, period: period)
                let distance = abs(offset - lateness - slot * period)
                guard slot >= 1, slot < Double(slots), distance <= tolerance else { return false }
                worst = max(worst, distance)
                return used.insert(Int(slot)).inserted
            }
            if onGrid && worst < best?.miss ?? .infinity { best = (worst, lateness) }
        }
        return best
    }

    /// The slot of the grid (period `period`, every swell `lateness` late) that a swell at `offset`
    /// seconds from the start of sound falls in.
    private static func slot(_ offset: Double, lateness: Double, period: Double) -> Double {
        ((offset - lateness) / period).rounded()
    }

    private static func cosine(_ a: [Double], _ b: [Double]) -> Double {
        let dot = zip(a, b).reduce(0) { $0 + $1.0 * $1.1 }
        let norms = (a.reduce(0) { $0 + $1 * $1 } * b.reduce(0) { $0 + $1 * $1 }).squareRoot()
        return norms > 0 ? dot / norms : 1
    }
}
