import Foundation

/// The tempo that the onsets' own spacing gives, independent of how exactly the loop was trimmed (see
/// `TempoEstimator`'s doc comment).
extension TempoEstimator {
    /// The tempo near `bpm` whose eighth-note grid the onsets after the first fall on: the grid's phase
    /// is the onsets' circular mean phase, the onsets within `spacingSlack` eighths of a grid line are
    /// kept, and a least-squares line through (grid line, onset time) gives the eighth and the phase for
    /// the next of three rounds. The first onset is left out: at the file's start its flux is measured
    /// against silence and peaks at another latency. Only eighths, so that swung sixteenths (up to a third
    /// of a sixteenth late) and straight ones (half an eighth off) fall outside the slack.
    /// - Returns: the tempo and the RMS distance of the kept onsets from the line, in eighths; nil when
    ///   fewer than `spacingMinimumOnsets` onsets lie on the grid.
    public func onsetSpacingTempo(onsetTimes: [Double], near bpm: Double) -> (bpm: Double, residual: Double)? {
        let later = onsetTimes.dropFirst()
        guard later.count >= configuration.spacingMinimumOnsets, bpm > 0 else { return nil }
        var eighth = 30 / bpm
        let phase = later.reduce((x: 0.0, y: 0.0)) { sum, time in
            let angle = 2 * Double.pi * time / eighth
            return (sum.x + cos(angle), sum.y + sin(angle))
        }
        var origin = atan2(phase.y, phase.x) / (2 * Double.pi) * eighth
        var residual = Double.infinity
        for _ in 0..<3 {
            let points = later.compactMap { time -> (line: Double, time: Double)? in
                let position = (time - origin) / eighth
                return abs(position - position.rounded()) <= configuration.spacingSlack
                    ? (position.rounded(), time) : nil
            }
            guard points.count >= configuration.spacingMinimumOnsets else { return nil }
            let count = Double(points.count)
            let meanLine = points.map(\.line).reduce(0, +) / count
            let meanTime = points.map(\.time).reduce(0, +) / count
            let spread = points.map { ($0.line - meanLine) * ($0.line - meanLine) }.reduce(0, +)
            guard spread > 0 else { return nil }
            let slope = points.map { ($0.line - meanLine) * ($0.time - meanTime) }.reduce(0, +) / spread
            guard slope > 0 else { return nil }
            eighth = slope
            origin = meanTime - slope * meanLine
            let squares = points.map { point -> Double in
                let off = point.time - (origin + slope * point.line)
                return off * off
            }
            residual = (squares.reduce(0, +) / count).squareRoot() / slope
        }
        return (bpm: 30 / eighth, residual: residual)
    }
}
