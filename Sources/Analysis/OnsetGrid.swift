import Foundation

/// Whether a few onsets mark out a loop: chord changes at equal intervals that divide the file into
/// 2, 4 or 8 equal parts.
///
/// A chord loop changes chord every bar or two beats, so it can have as few as two onsets — the first
/// chord and the second — too few for a tempo. What still marks it is the timing: the onsets fall on
/// a grid of period P (about the first interval, or half of it when the chord between made no onset,
/// refined over the span of the onsets), the file is a whole number of P (2, 4 or 8 slots; a slot
/// without an onset is a chord whose attack was too soft to detect) up to a ring-out of less than one
/// period past the end, and every onset re-attacks to near the full level. A one-shot's extra onsets
/// (a flam, a rattle, a click at the very end of the file) are too close together, off the grid, too
/// quiet — a decaying sound re-triggered — or leave a remainder that no slot count explains.
public struct OnsetGrid: Sendable, Equatable {
    /// Onsets this close to the end of the file are the file's end (a cut or a wrap), not a chord, seconds.
    public static let endGuardSeconds = 0.1
    /// The first onset must be within this of the start of sound, seconds.
    public static let startToleranceSeconds = 0.05
    /// Shortest grid period, seconds: chords last at least about two beats.
    public static let minimumPeriodSeconds = 0.5
    /// How far an onset may sit from its grid slot: the larger of this, seconds, and `relativeTolerance` of P.
    public static let slotToleranceSeconds = 0.04, relativeTolerance = 0.03
    /// Every onset's level (the loudest frame in the 0.25 s after it) is at least this relative to the
    /// file's loudest frame, dB: the chords of a loop are about equally loud (within 2.5 dB on the
    /// synthetic chord loops), while a decaying one-shot is well down by the time of a late onset.
    public static let minimumLevelDB = -4.0
    /// The file may be this much shorter than the grid's length (an inexact trim), seconds.
    public static let shortTrimSeconds = 0.05
    /// The longest ring-out past the grid's end, seconds (and never a whole period).
    public static let maximumRingSeconds = 1.25
    /// Slot counts a loop may have: chords per loop.
    public static let slotCounts = [2, 4, 8]

    /// The grid period, seconds.
    public var periodSeconds: Double
    /// How many periods the loop spans.
    public var slots: Int

    public init(periodSeconds: Double, slots: Int) {
        self.periodSeconds = periodSeconds
        self.slots = slots
    }

    /// - Parameters:
    ///   - onsetTimes: onset times, seconds, ascending; `onsetLevelsDB` the level after each, dB re the loudest frame.
    ///   - durationSeconds: the file's duration; `silenceHeadSeconds` its silent head.
    /// - Returns: the grid, or nil when the onsets do not make one.
    public static func find(onsetTimes: [Double], onsetLevelsDB: [Double], durationSeconds: Double,
                            silenceHeadSeconds: Double) -> OnsetGrid? {
        guard onsetLevelsDB.count == onsetTimes.count else { return nil }
        let onsets = zip(onsetTimes, onsetLevelsDB).filter { $0.0 < durationSeconds - endGuardSeconds }
        guard onsets.count >= 2, let start = onsets.first?.0, start <= silenceHeadSeconds + startToleranceSeconds
        else { return nil }
        let firstInterval = onsets[1].0 - start
        // The first interval is one period, or two when the chord between made no onset.
        for divisor in [1.0, 2.0] where firstInterval / divisor >= minimumPeriodSeconds {
            if let grid = grid(onsets, start: start, interval: firstInterval / divisor, durationSeconds: durationSeconds) {
                return grid
            }
        }
        return nil
    }

    private static func grid(_ onsets: [(Double, Double)], start: Double, interval: Double,
                             durationSeconds: Double) -> OnsetGrid? {
        // The period from the whole span (first to last onset, a whole number of intervals): one
        // onset detected a frame or two early does not throw the later slots off.
        let spanned = onsets.last!.0 - start
        let period = spanned / max(1, (spanned / interval).rounded())
        let tolerance = max(slotToleranceSeconds, relativeTolerance * period)
        for (time, level) in onsets {
            let slot = (time - start) / period
            guard abs(slot - slot.rounded()) * period <= tolerance, level >= minimumLevelDB else { return nil }
        }
        let used = Int(((onsets.last!.0 - start) / period).rounded()) + 1
        let span = durationSeconds - start
        for slots in slotCounts where slots >= used {
            let length = Double(slots) * period
            if span >= length - shortTrimSeconds && span <= length + min(maximumRingSeconds, period) {
                return OnsetGrid(periodSeconds: period, slots: slots)
            }
        }
        return nil
    }
}
