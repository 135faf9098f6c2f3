import Foundation

/// How periodic an onset envelope is at a given tempo: the circular autocorrelation of the
/// mean-removed envelope, and a comb score per tempo that averages it at one to four beat periods
/// (weights 1/k). Circular, because a loop repeats: a one-bar loop still has lags of one to four
/// beats, and for a long file the wrap is a small part.
struct OnsetPeriodicity {
    let framesPerSecond: Double
    /// Envelope length in frames (the period of the wrap).
    let length: Int
    private let acf: [Double]   // normalised: acf[0] = 1

    /// Nil when the envelope is constant. `maxLag` is the longest lag kept, frames.
    init?(envelope: [Double], framesPerSecond: Double, maxLag: Int) {
        let n = envelope.count
        guard n > 1, maxLag > 1 else { return nil }
        let mean = envelope.reduce(0, +) / Double(n)
        let centred = envelope.map { $0 - mean }
        var acf = [Double](repeating: 0, count: maxLag + 1)
        for lag in 0...min(maxLag, n - 1) {
            var sum = 0.0
            for i in 0..<(n - lag) { sum += centred[i] * centred[i + lag] }
            for i in (n - lag)..<n { sum += centred[i] * centred[i + lag - n] }
            acf[lag] = sum / Double(n)
        }
        // Circular: lags past one envelope length repeat the first ones.
        if maxLag >= n { for lag in n...maxLag { acf[lag] = acf[lag % n] } }
        guard acf[0] > 0 else { return nil }
        let norm = acf[0]
        self.acf = acf.map { $0 / norm }
        self.framesPerSecond = framesPerSecond
        self.length = n
    }

    /// Autocorrelation at a fractional lag (linear interpolation), 0 beyond the kept lags.
    func autocorrelation(atLag lag: Double) -> Double {
        guard lag >= 0, lag < Double(acf.count - 1) else { return 0 }
        let i = Int(lag), f = lag - Double(i)
        return acf[i] * (1 - f) + acf[i + 1] * f
    }

    /// Comb score of a tempo, −1 … 1: the autocorrelation at 1–4 beat periods, weighted 1/k, each
    /// the best of a ±1 frame neighbourhood (the peak may fall between frames). Lags that are a
    /// whole number of envelope lengths are skipped: that is the wrap itself (1 for any envelope),
    /// not evidence for one beat period over another.
    func comb(_ bpm: Double) -> Double {
        let period = framesPerSecond * 60 / bpm
        var score = 0.0, weight = 0.0
        for k in 1...4 {
            let lag = period * Double(k)
            guard lag < Double(acf.count - 1) else { break }
            let turns = (lag / Double(length)).rounded()
            if turns >= 1 && abs(lag - turns * Double(length)) < 3 { continue }
            let local = max(autocorrelation(atLag: lag - 1), autocorrelation(atLag: lag),
                            autocorrelation(atLag: lag + 1))
            score += local / Double(k)
            weight += 1 / Double(k)
        }
        return weight > 0 ? score / weight : 0
    }
}
