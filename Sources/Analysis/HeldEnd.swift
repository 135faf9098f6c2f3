import Foundation

/// Where a held sound begins its final fade. A pad or organ loop that rings out holds its last chord at a
/// steady level up to the loop's end; what the file keeps past that is the chord's release fading into
/// silence. Going back from the last sounding frame, the held part ends with the first frame that closes
/// `holdSeconds` of level steady within `holdRangeDB` (a decaying chord, a stab or an arpeggio has no such
/// stretch). Past it the level must fall `releaseDB` below the stretch's loudest within `releaseSeconds`: a
/// release, not a file cut while its last chord still sounds (a loop trimmed exactly).
///
/// The chord changes of such a loop swell in with no attack, so its onset envelope says little about its
/// tempo; the end of its held part says how long the loop is (`TempoEstimator.estimate`'s `heldEndSeconds`).
public enum HeldEnd {
    /// The held stretch: this long, seconds, steady within this, dB.
    public static let holdSeconds = 0.5, holdRangeDB = 1.5
    /// After the held part the level falls this far below the held level, dB, within this long, seconds.
    public static let releaseDB = 20.0, releaseSeconds = 0.5
    /// Frames this far below the loudest count as silence, dB.
    public static let silenceDB = -60.0

    /// Seconds from the start of the file to the centre of the last held frame, or nil when the sound does
    /// not hold to its end.
    /// - Parameters:
    ///   - frameRMS: RMS per frame, of the frames wholly inside the file (a frame padded past its end is
    ///     quieter, not faded); frame i spans `hopSeconds`·i … `hopSeconds`·i + `frameSeconds`.
    public static func seconds(frameRMS: [Float], hopSeconds: Double, frameSeconds: Double) -> Double? {
        guard let loudest = frameRMS.max(), loudest > 0, hopSeconds > 0 else { return nil }
        let levels = frameRMS.map { Decibels.fromAmplitude(Double($0 / loudest)) }
        guard let last = levels.lastIndex(where: { $0 > silenceDB }) else { return nil }
        let hold = Int(holdSeconds / hopSeconds), release = Int(releaseSeconds / hopSeconds)
        guard last >= hold else { return nil }
        // The loudest level of the `hold` frames up to `end`, when they are steady.
        func steadyLevel(endingAt end: Int) -> Double? {
            let stretch = levels[(end - hold)...end]
            guard let high = stretch.max(), let low = stretch.min(), high - low <= holdRangeDB else { return nil }
            return high
        }
        // The last steady stretch, going back from the last sounding frame, and its level.
        guard let held = (hold...last).reversed().lazy
                .compactMap({ end in steadyLevel(endingAt: end).map { (end: end, level: $0) } }).first,
              levels[held.end...last].dropFirst().prefix(release).contains(where: { $0 <= held.level - releaseDB })
        else { return nil }
        return Double(held.end) * hopSeconds + frameSeconds / 2
    }
}
