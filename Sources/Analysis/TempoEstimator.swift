import Foundation

/// Tempo of a loop from its onset envelope, with a confidence and ranked ½×/2×/⅔×/3⁄2× alternatives.
///
/// A chain of small steps: (1) autocorrelation of the mean-removed onset envelope; (2) a comb score per
/// candidate tempo summing the autocorrelation at 1–4 beat periods, over 40–195 BPM, or 40–200 for drums
/// alone (`Configuration.drums`; faster loops are rare in sample packs, and a tonal loop read past 195 is
/// nearly always the double of arpeggios at 97–100 — except for a file too short to be a bar at the limit,
/// which may be one bar of a faster loop: its range reaches the tempo at which it is one bar, up to 210); the
/// metrical levels compete only where the file holds at least one bar (a loop spans one or more: at half its
/// tempo a one-bar loop would be half a bar); (3) three priors for the musically plausible octave — a
/// log-normal prior on the tempo centred on 120 BPM (105 for harmonic material), one on the accents per beat
/// (`AccentDensity`: a beat carries about one main accent, so half the tempo has two per beat and double the
/// tempo one every other beat; counted in the full band and below 4 kHz, so that bright hats weigh less), and
/// one against beats split into eight (`subdivisionPrior`: a drum loop's fastest regular pulse is rarely
/// finer than sixteenths, so a steady stream at an eighth of the beat means the beat is twice as fast); (4)
/// the fact that loops span whole bars: a tempo for which the duration (with or without its silent tail) is a
/// whole number of 4/4 bars, within 4 % of the best and with nearly its score, gives the exact tempo. The
/// comb decides the octave; the bar length only the digits, so a tail or an inexact trim costs precision, not
/// the octave. When no bar count fits exactly, a loop may ring past its last bar (up to 0.5 s) or be cut a
/// little short (40 ms): a comb peak at which a whole number of bars lands in that window, with no onset
/// after them (and, for harmonic material, with the onsets on its sixteenth grid as well as on the free
/// estimate's), replaces a free estimate that fits none (a cross-rhythm).
/// A longer ring-out (0.1–0.5 s) also misplaces the wrap of the circular autocorrelation, which weakens
/// the comb at the true tempo of a short loop. So each candidate loop of 1, 2 or 4 bars ending in that
/// window is scored over its own length, wrapped there (`ringOutFit`); it is taken when the part after it
/// only decays (a ring-out holds no new hit: the level never rises more than `ringRiseDB`), the loop
/// sounds to its end, and its comb beats a whole-bar fit at the file's length less its silent tail, if
/// there is one, clearly (`ringOverBarFit`); a whole-bar fit at the full duration is kept (the file is
/// exactly that many bars: there is no ring-out to explain). The octave stays that of the estimate so
/// far when one bar count agrees with it.
/// Shorter gaps (an inexact trim, a few ms of tail) are left to the fits above: there a shorter
/// candidate length wins by chance. Last, the onsets' own spacing (`onsetSpacingTempo`: a least-squares
/// eighth-note grid through them), when they lie evenly on it, measures the tempo whatever the trim: it
/// replaces a reading it differs from by 1.5–6 % (a one-bar loop cut 30 ms short, or ringing out, reads
/// 2–3 % fast from its length or its wrapped comb).
/// Loops of 3 or 6 bars are rarer, and their lengths are 2/3 or 4/3 of a 2- or 4-bar length at
/// another tempo, so they only make the free estimate exact: when it lands within 2 % of such a
/// length, agrees with no power-of-two bar count at any octave, and its comb or score beats the best
/// power-of-two fit's.
/// A short loop (one bar: only four beats to correlate) has a weak comb even at its true tempo, so a
/// whole-bar tempo also counts as a fit with a lower comb (`minimumGridBarComb` instead of
/// `minimumBarComb`) when the onsets lie on its sixteenth-note grid (`onSixteenthGrid`, swing allowed):
/// the length and the onset positions agree on the bar, and the comb only has to confirm it. Its comb
/// may also peak at half or double the tempo and sit a little off at the tempo itself: a whole-bar tempo
/// within 4 % of the free estimate whose half or double is on a comb peak makes the estimate exact. The
/// octaves of an on-peak whole-bar tempo at the same length are whole-bar fits too (a comb just under
/// its neighbour's peak at the tempo itself does not leave the priors only the double to choose).
///
/// Harmonic material (a key was found and onsets are sparse: sustained chords, pads, stabs) is
/// different: its accents are chord changes, which land on bars or half bars, not on every beat. For
/// it a tempo is supported by periodicity at one, two or four beats (the best of the three comb
/// scores), the accent prior is left out, and the tempo prior chooses the octave — so 4 bars of
/// chords changing every half bar at 120 BPM read 120, not the 60 at which each chord is a beat.
/// With two or three chord changes its comb is weak and peaks where the first interval ends — an
/// attack's flux peaks up to 40 ms early, the file's first onset cannot —, so a whole-bar tempo within
/// 4 % of the free estimate on whose beats every change falls (`onBeats`) makes it exact. A pad loop that
/// holds its last chord and rings out (`HeldEnd`) is as long as its held part: its chords swell in with no
/// attack, and a reading that is no octave of that length's whole-bar tempos gives way to the one the
/// tempo prior prefers.
public struct TempoEstimator {
    public struct Configuration: Sendable {
        /// Tempo search range, BPM (see `drums` for material without a key).
        public var minBPM = 40.0, maxBPM = 195.0
        /// A file too short to be one bar at `maxBPM` may be one bar of a faster loop: the search then
        /// reaches the tempo at which it is one bar, up to this (BPM).
        public var oneBarMaxBPM = 210.0
        /// A loop spans at least one bar: metrical levels at which the file (with 40 ms of trim allowance)
        /// holds fewer than this fraction of 4 beats are passed over.
        public var oneBarSlack = 0.97
        /// Centre of the octave prior, BPM, and its width in octaves.
        public var preferredBPM = 120.0, priorOctaves = 1.0
        /// Centre of the octave prior for harmonic material (`isHarmonic`), BPM. Its comb cannot tell chords
        /// every two beats from chords every bar at twice the tempo, so the prior chooses; under 120 it read
        /// loops at 70–97 BPM with a chord every two beats double (under 105, those below about 74 still
        /// do: 105/√2, where the double is as near the centre). On the harmonic bench sets (480 loops at
        /// 70–140 BPM, `bench/make_harmonic_valset.py`): 377 within 2 % with 120, 395 with 110, 408 with 105,
        /// 416 with 100 (octave-tolerant 470, 470, 468, 464); the dev set's key clips (80–130 BPM, 936 in
        /// the dev set and its variants) read 929 with 120, all with 100–110. The centre only moves the
        /// octave errors: of 120 key clips at 60–180 BPM (`bench/make_key_clip_tempos.py`, a chord a bar),
        /// 120 reads 93 (those at 60–85 BPM read double), 105 reads 91 (those at 149–180 read half).
        public var harmonicPreferredBPM = 105.0
        /// Centre of the accent prior (effective accents per beat, `AccentDensity.blendedCount`) and its
        /// width in octaves; a width of 0 turns the prior off. Fitted on 3,144 synthetic drum loops at
        /// 45–200 BPM with varied kits and patterns: centres of 1.0–1.1 read 3,051–3,064 of them within 2 %
        /// (1.05: 3,064); the full band's count alone, centred on 1.28, read 3,010.
        public var accentsPerBeat = 1.05, accentOctaves = 0.4
        /// Subdivision prior (`subdivisionPrior`): a tempo at which the onset envelope's autocorrelation at
        /// an eighth of the beat and at two eighths exceeds `eighthBeatCorrelation` gets `eighthBeatWeight`.
        /// Only where an eighth of the beat is at least `minimumEighthBeatSeconds` (that is, at 100 BPM or
        /// slower): shorter lags measure the hits' own envelopes, not a pulse (a latin loop at 105 BPM has an
        /// autocorrelation peak 71 ms after its hits). The weight outweighs the accent prior for a loop whose
        /// kick on 1 and 3 drowns its other accents (a latin loop at 160–190 BPM under a 16th-note shaker,
        /// read at half).
        public var eighthBeatCorrelation = 0.05, eighthBeatWeight = 0.1, minimumEighthBeatSeconds = 0.075
        /// A clean pulse stream at an eighth of the beat — the autocorrelation there exceeds the one half-way
        /// there by more than `pulseStreamContrast` — gets `pulseStreamWeight` instead: a sixteenth-note
        /// shaker at 150–190 BPM, with a kick on 1 and 3 whose accents say half the tempo (a latin loop). The
        /// contrast at half the tempo is 0.53–0.70 for such loops, at most 0.28 at the tempo of loops at
        /// 45–105 BPM (any threshold of 0.3–0.5 gives the same readings on 1,752 drum loops of the dev and
        /// bench sets); weights of 0.01 and 0.001 each read one of those loops worse.
        public var pulseStreamContrast = 0.35, pulseStreamWeight = 0.003
        /// Least comb score (envelope autocorrelation, 0 … 1) a whole-bar tempo needs to count as a fit:
        /// without periodic support any length "fits" some tempo.
        public var minimumBarComb = 0.15
        /// A short loop (one bar has only four beats) has a weak comb even at its true tempo. A whole-bar
        /// tempo whose comb is below `minimumBarComb` still counts as a fit when its comb is at least this
        /// and the onsets lie on that tempo's sixteenth-note grid (`onSixteenthGrid`).
        public var minimumGridBarComb = 0.08
        /// Grid test: at least this many onsets, this fraction of them within `gridTolerance` sixteenths
        /// of a sixteenth (after removing their common offset, the detector's latency); an off-beat
        /// sixteenth may also sit up to `gridSwing` sixteenths late (swing up to about 0.65).
        public var gridMinimumOnsets = 6, gridFraction = 0.85, gridTolerance = 0.15, gridSwing = 0.3
        /// When the cross-rhythm check compares the grids of two readings of a loop, their tolerance is
        /// at least this (seconds): onsets of different sounds come with different detector latencies (a
        /// 6 ms rim's flux peaks about 23 ms before a shaker's with a 20 ms attack), which at fast tempos
        /// is more than `gridTolerance` sixteenths. (A whole-bar fit with a weak comb keeps the plain
        /// tolerance: at 190 BPM this floor lets the grid hold three quarters of all onset times.)
        public var crossRhythmGridSeconds = 0.025
        /// When no 3- or 6-bar tempo passes the cross-rhythm check's plain test (`gridFraction` of the onsets
        /// on its grid, 0.8 of the reading's comb), one with this share of the onsets on its grid (more than
        /// the reading has) and this fraction of the reading's comb may take the reading's place. A clean
        /// loop's onsets are rarely all on its grid: a kick's sweep or a snare over a hat can make an onset a
        /// fraction of a sixteenth off. Of 3,800 synthetic 3- and 6-bar loops (make_devset's four kits at
        /// 100–195 BPM in 0.2 BPM steps), 15 read 4/3 or 2/3 of their tempo before: at their own tempo as
        /// few as 80 % of the onsets lay on the grid, or the comb was just under 0.8 of the reading's, or the
        /// reading passed the grid test. None does now; with a share of 0.75, 2 do.
        public var crossRhythmGridFraction = 0.8, crossRhythmComb = 0.75
        /// How far from a beat a harmonic loop's chord change may lie (`onBeats`), beats.
        public var beatTolerance = 0.1
        /// Ring-out lengths (`ringOutFit`): a candidate loop of 1, 2 or 4 bars ends between `maximumRingOut`
        /// and `minimumRingOut` seconds before the file does (shorter gaps are an inexact trim, which the
        /// whole-bar fit at the duration already covers).
        public var minimumRingOut = 0.1, maximumRingOut = 0.5
        /// A ring-out only decays: after the candidate loop's end the frame RMS may not rise more than this
        /// (dB) above its lowest level so far (levels below `ringFloorDB` re the loudest frame count as that
        /// floor). Drum rings rise well under 1 dB; a sustained note's beating rises 3 dB.
        public var ringRiseDB = 1.5, ringFloorDB = -60.0
        /// The candidate loop keeps sounding to its end: the loudest frame of its second half is within
        /// this (dB) of the file's loudest (one hit ringing with echoes is not a loop plus ring-out).
        public var ringLoopLevelDB = -20.0
        /// A whole-bar tempo whose bars end inside the ring window (`windowedBarTempos`) leaves no onset after
        /// their end, more than this late (seconds): what rings past a loop holds no new hit.
        public var ringOnsetSlack = 0.03
        /// A ring-out fit replaces a whole-bar fit at the duration less its silent tail only when its comb
        /// is this many times that fit's comb (a fit at the full duration is never replaced).
        public var ringOverBarFit = 1.5
        /// Onset spacing (`onsetSpacingTempo`): onsets within `spacingSlack` eighths of the eighth-note grid
        /// count, at least `spacingMinimumOnsets` of them. Their tempo replaces the one chosen from the
        /// envelope and the length when their RMS distance from the grid is at most `spacingResidual`
        /// eighths and the two differ by more than `spacingOverride` and less than `spacingReach`. On the
        /// bench sets' 1,970 drum loops, 22 readings have a residual of at most 0.04 and differ by over 1.5 %: the
        /// spacing was nearer the labelled tempo in 21 (one-bar loops with a tail, a ring-out or a short
        /// trim), the length of an exact one-bar latin loop in one (its rims' onsets come before its
        /// shaker's: 1.6 % slow, within 2 %).
        public var spacingMinimumOnsets = 4, spacingSlack = 0.2, spacingResidual = 0.04
        public var spacingOverride = 0.015, spacingReach = 0.06
        /// Harmonic material (see `isHarmonic`) has fewer onsets per second than this; drum loops at
        /// 60–190 BPM have 2.3 or more.
        public var harmonicMaxOnsetsPerSecond = 2.0
        /// Only the first this-many seconds of envelope are used.
        public var maxSeconds = 120.0
        public init() {}

        /// For material in which no key was found (drums alone): the search reaches 200 BPM. Of the dev and
        /// bench sets' drum loops, 28 of the 57 at 195–200 BPM read half with 195, and none at 97–100 BPM
        /// reads double with 200. Tonal loops keep 195: with 200, three arpeggio loops of the bench key sets
        /// at 98–100 BPM read double. A tonal loop in which no key is found reads as drums (the corpus's
        /// latin_brass01 reads 198.78, was 97.49).
        public static var drums: Configuration {
            var configuration = Configuration()
            configuration.maxBPM = 200
            return configuration
        }
    }

    public struct Alternative: Sendable, Equatable, Codable {
        public var bpm: Double
        /// Multiple of the main tempo: 0.5, 2, 2/3 or 3/2.
        public var ratio: Double
        /// Relative support from the onset envelope, 0 … 1.
        public var score: Double
        /// An alternative reading at `ratio` × the main tempo, with its comb score.
        public init(bpm: Double, ratio: Double, score: Double) {
            self.bpm = bpm
            self.ratio = ratio
            self.score = score
        }
    }

    public struct Result: Sendable, Equatable, Codable {
        public var bpm: Double
        /// 0 … 1: how periodic the envelope is at this tempo (and agreement with the loop length).
        public var confidence: Double
        /// Whether the loop spans a whole number of bars at this tempo: its duration, less a silent tail or a
        /// ring-out, or cut a few ms short.
        public var fitsWholeBars: Bool
        public var alternatives: [Alternative]
        public let version = AlgorithmVersion.tempo
        private enum CodingKeys: String, CodingKey { case bpm, confidence, fitsWholeBars, alternatives, version }
        /// A tempo reading; `estimate` makes these, tests and stored analyses may too.
        public init(bpm: Double, confidence: Double, fitsWholeBars: Bool, alternatives: [Alternative]) {
            self.bpm = bpm
            self.confidence = confidence
            self.fitsWholeBars = fitsWholeBars
            self.alternatives = alternatives
        }
    }

    public let configuration: Configuration
    public init(_ configuration: Configuration = .init()) { self.configuration = configuration }

    /// A candidate tempo with its comb score and its score under the priors.
    typealias Candidate = (bpm: Double, comb: Double, total: Double)
    /// Beats in 1, 2, 4 … 32 bars of 4/4: the lengths a loop is trimmed to.
    static let barBeats: [Double] = [4, 8, 16, 32, 64, 128]
    /// Beats in 3 and 6 bars: rarer lengths, taken only when the onsets alone give that tempo.
    static let oddBarBeats: [Double] = [12, 24]

    /// - Parameters:
    ///   - envelope: onset strength per frame; `framesPerSecond` its rate.
    ///   - frameRMS: RMS per frame at the same rate (for the ring-out fit and the accent prior).
    ///   - lowBandRMS: RMS per frame below `AccentDensity.lowBandHz`. The accent prior counts the accents
    ///     of both (`AccentDensity.blendedCount`); without either it is left out.
    ///   - durationSeconds: the file's duration; `trailingSilenceSeconds` what of it is silent tail.
    ///   - harmonic: the material is harmonic (`isHarmonic`): accents every one, two or four beats.
    ///   - heldEndSeconds: where a sound held to its end begins its final fade (`HeldEnd`), if it does.
    ///   - onsetLeadFrames: how many frames before its sound starts the envelope flags an onset after the
    ///     first frame: frame size / hop − 1 for a spectral flux (see `startFlaggedWithLead`).
    public func estimate(envelope: [Float], frameRMS: [Float]? = nil, lowBandRMS: [Float]? = nil,
                         framesPerSecond fps: Double,
                         durationSeconds: Double, trailingSilenceSeconds: Double,
                         harmonic: Bool = false, onsetTimes: [Double]? = nil,
                         heldEndSeconds: Double? = nil, onsetLeadFrames: Int = 0) -> Result? {
        let usable = min(envelope.count, Int(configuration.maxSeconds * fps))
        guard usable > Int(fps) else { return nil }
        var e = envelope[0..<usable].map(Double.init)
        // The first frame's flux is measured against silence: not comparable with the others
        // (a loop's true predecessor is its own end), so it counts no more than the largest of them.
        if let later = e.dropFirst().max() { e[0] = min(e[0], later) }
        guard let periodicity = OnsetPeriodicity(envelope: Self.startFlaggedWithLead(e, frames: onsetLeadFrames),
                                                 framesPerSecond: fps,
                                                 maxLag: Int(fps * 60 / configuration.minBPM * 4 * (harmonic ? 4 : 1)) + 2)
        else { return nil }
        let beatComb = periodicity.comb
        // Harmonic: the chord changes may come every beat, every two beats or every bar.
        let comb: (Double) -> Double
        if harmonic {
            comb = { bpm in max(beatComb(bpm), beatComb(bpm / 2), beatComb(bpm / 4)) }
        } else {
            comb = beatComb
        }
        // The accent prior is for beats; harmonic material leaves it out (0: no accent information).
        var accentsPerSecond = 0.0
        if !harmonic, let frameRMS, let lowBandRMS {
            let accentFrames = min(usable, frameRMS.count, lowBandRMS.count)
            let accents = AccentDensity.blendedCount(frameRMS: frameRMS, lowBandRMS: lowBandRMS, frames: accentFrames)
            accentsPerSecond = accents / (Double(max(accentFrames, 1)) / fps)
        }
        let prior = { (bpm: Double) in
            self.tempoPrior(bpm, harmonic: harmonic) * self.accentPrior(bpm, accentsPerSecond: accentsPerSecond)
                * (harmonic ? 1 : self.subdivisionPrior(bpm, periodicity: periodicity))
        }

        // A loop spans at least one bar. A file shorter than a bar at `maxBPM` is one bar of a faster loop
        // (or a one-shot): the search reaches the tempo at which it is one bar (`oneBarMaxBPM` at most).
        let maxBPM = max(configuration.maxBPM, min(1.02 * 240 / durationSeconds, configuration.oneBarMaxBPM))
        let oneBarFloor = configuration.oneBarSlack * 240 / ringWindow(durationSeconds).hi
        // 1. The strongest periodicity from `lowest` up under the tempo prior alone, and (2) its metrical
        //    levels: its octaves in range, each refined to its local comb peak.
        func levels(from lowest: Double) -> (periodic: Double, octaves: [Double])? {
            let grid = stride(from: lowest, through: maxBPM, by: 0.5)
                .map { (bpm: $0, score: comb($0) * tempoPrior($0, harmonic: harmonic)) }
            guard let periodic = grid.max(by: { $0.score < $1.score })?.bpm, comb(periodic) > 0 else { return nil }
            return (periodic, [0.25, 0.5, 1, 2, 4].map { refine(periodic * $0, comb: comb) }
                .filter { $0 >= configuration.minBPM && $0 <= maxBPM })
        }
        guard var (periodic, octaves) = levels(from: configuration.minBPM) else { return nil }
        // The levels compete under both priors, those at which the file holds at least a bar (4 beats,
        // `oneBarSlack` allowed) only: at half its tempo a one-bar loop would be half a bar. When no octave
        // of the strongest periodicity is that fast, the strongest one that is takes its place.
        if !octaves.contains(where: { $0 >= oneBarFloor }), oneBarFloor < maxBPM,
           let faster = levels(from: max(configuration.minBPM, oneBarFloor)) {
            (periodic, octaves) = faster
        }
        let atLeastOneBar = octaves.filter { $0 >= oneBarFloor }
        let level = (atLeastOneBar.isEmpty ? octaves : atLeastOneBar)
            .max(by: { comb($0) * prior($0) < comb($1) * prior($1) }) ?? periodic
        // A tempo with its comb score and its score under the priors.
        let candidate = { (bpm: Double) -> Candidate in
            let support = comb(bpm)
            return (bpm: bpm, comb: support, total: support * prior(bpm))
        }
        let best = candidate(level)
        // 3. A whole number of 4/4 bars (1, 2, 4 … bars: 4·2ᵏ beats) fixes the tempo up to its octave
        //    and exactly. A whole-bar tempo within 4 % of the free estimate (and nearly its comb) is
        //    taken as that estimate made exact; otherwise the best-scored whole-bar tempo wins when
        //    it scores nearly as well as the free estimate. An inexact trim or a tail moves
        //    whole-bar tempos off the comb's peaks, and then the free estimate stands.
        let lengths = [durationSeconds, durationSeconds - trailingSilenceSeconds].filter { $0 > 0.5 }
        let barTempos: [Double] = lengths.flatMap { length in Self.barBeats.map { $0 * 60 / length } }
        let bars = barTempos
            .filter { $0 >= configuration.minBPM && $0 <= maxBPM }
            .map(candidate)
        var chosen = best
        var fitsBars = false
        // Next, a loop that rings past its last bar or was cut short: when the free estimate fits no bar
        // count within the length window and is no octave of a windowed peak (the window then only
        // questions the digits, not the tempo), a windowed comb peak with nearly its comb and half its
        // score replaces it — the free estimate was a cross-rhythm —, unless an onset comes after the
        // loop would end (a latin loop at 198 BPM read 2/3 had its shaker's last sixteenths, three of them
        // onsets, in a "ring-out" of one bar at 112). (Only computed when needed.)
        func windowedFit() -> Candidate? {
            guard latestBarEndInRingWindow(bpm: best.bpm, durationSeconds: durationSeconds) == nil else { return nil }
            let windowed = windowedBarTempos(durationSeconds: durationSeconds, comb: comb, prior: prior)
            // What would ring past the loop holds no new hit: no onset after its end (the last hit's flux
            // peaks up to `ringOnsetSlack` after it starts).
            let ringHoldsNoHit = { (bpm: Double) -> Bool in
                let end = latestBarEndInRingWindow(bpm: bpm, durationSeconds: durationSeconds) ?? 0
                return !(onsetTimes ?? []).contains { $0 > end + configuration.ringOnsetSlack }
            }
            // In harmonic material a free estimate whose sixteenth grid holds the onsets (an arpeggio's notes on
            // its beats) better than the windowed tempo's is no cross-rhythm: a rung-out 2-bar arpeggio's
            // windowed tempo made the file one bar, at 0.42 of the arpeggio's tempo.
            let gridAgrees = { (bpm: Double) -> Bool in
                guard harmonic, let onsetTimes else { return true }
                return (sixteenthGridShare(onsetTimes: onsetTimes, bpm: bpm) ?? 0)
                    >= (sixteenthGridShare(onsetTimes: onsetTimes, bpm: best.bpm) ?? 0)
            }
            guard !windowed.contains(where: { Self.sameUpToOctaves($0.bpm, best.bpm) }),
                  let bar = windowed.filter({ $0.comb >= configuration.minimumBarComb && $0.comb >= 0.85 * best.comb })
                    .max(by: { $0.total < $1.total }), bar.total >= 0.5 * best.total, ringHoldsNoHit(bar.bpm),
                  gridAgrees(bar.bpm)
            else { return nil }
            return bar
        }
        // A whole-bar tempo on a comb peak (its comb nearly the best within ±2 %) with half the free
        // estimate's comb or more means the loop is trimmed to whole bars: only the octave is open, and the
        // priors choose it among the whole-bar tempos. The free estimate can lock onto a cross-rhythm
        // (dotted eighths read as 4/3 of the tempo, three-beat groups as 2/3) that no whole-bar tempo shares.
        // A short loop's comb is weak at any tempo: its whole-bar tempo also counts with a lower comb
        // when the onsets lie on its sixteenth-note grid.
        let periodicEnough = { (bar: Candidate) in
            bar.comb >= configuration.minimumBarComb
                || (bar.comb >= configuration.minimumGridBarComb
                    && onSixteenthGrid(onsetTimes: onsetTimes ?? [], bpm: bar.bpm))
        }
        // The whole-bar tempos on a comb peak, and their octaves at the same length (periodic enough
        // themselves): the priors choose among them.
        let peaked = bars.filter { periodicEnough($0) && $0.comb >= 0.85 * comb(refine($0.bpm, comb: comb)) }
        let onPeak = bars.filter { bar in
            periodicEnough(bar) && peaked.contains { Self.sameUpToOctaves($0.bpm, bar.bpm) }
        }
        // A short loop's comb can peak at another metrical level (half or double the tempo: its beat pairs
        // or its eighths) and stay weak, a little off, at the tempo itself. Such a whole-bar tempo close
        // to the free estimate still makes it exact.
        let octaveOnPeak = { (bpm: Double) -> Bool in
            !harmonic && [0.5, 2].contains { ratio in
                let octave = bpm * ratio
                guard octave >= configuration.minBPM, octave <= maxBPM else { return false }
                return comb(octave) >= configuration.minimumBarComb
                    && abs(refine(octave, comb: comb) / octave - 1) < 0.01
            }
        }
        // Harmonic material with few onsets (chord changes) has a weak comb, peaked where the first
        // interval ends; the whole-bar tempo on whose beats every chord change falls is confirmed too.
        let chordsOnBeats = { (bpm: Double) -> Bool in harmonic && onBeats(onsetTimes: onsetTimes ?? [], bpm: bpm) }
        // The best whole-bar tempo within 4 % of the free estimate, with nearly its comb or confirmed that way.
        let nearFit = bars.filter {
            abs($0.bpm / best.bpm - 1) < 0.04
                && ($0.comb >= 0.8 * best.comb || octaveOnPeak($0.bpm) || chordsOnBeats($0.bpm))
        }.max(by: { $0.total < $1.total })
        let barFit = onPeak.max(by: { $0.total < $1.total }).flatMap { $0.comb >= 0.5 * best.comb ? $0 : nil }
        // A loop that rings past its last bar: the circular autocorrelation of the whole file wraps at the
        // wrong place, so the comb of each candidate loop (1, 2 or 4 bars ending in the ring-out window)
        // is taken over that loop alone, wrapped at its own length (`ringOutFit`). A whole-bar fit at the
        // full duration (not the duration less its silent tail) leaves no ring-out to explain.
        let fitsWholeFile = barFit.map { bar in
            Self.barBeats.contains { abs($0 * 60 / durationSeconds - bar.bpm) < 1e-9 }
        } ?? false
        // A loop of 3 or 6 bars: the free estimate itself lands on that length (within 2 %), agrees with
        // no 1-, 2-, 4- … bar length at any octave, and its comb or its score beats the best whole-bar
        // tempo's (which is then a cross-rhythm of it: 2/3 or 4/3).
        let oddTempos: [Double] = lengths.flatMap { length in Self.oddBarBeats.map { $0 * 60 / length } }
        let odd: Candidate? = oddTempos.filter { abs($0 / best.bpm - 1) < 0.02 }
            .map(candidate)
            .filter { $0.comb >= configuration.minimumBarComb }
            .max(by: { $0.total < $1.total })
        let powerOfTwoAgrees = barTempos.contains { Self.sameUpToOctaves($0, best.bpm) }
        let oddFit = odd.flatMap { fit in
            let beatsBar = fit.comb > (barFit?.comb ?? 0) || fit.total > (barFit?.total ?? 0)
            return !powerOfTwoAgrees && beatsBar ? fit : nil
        }
        // When a whole-bar tempo near the free estimate (`nearFit`) explains the length, a ring-out fit
        // must agree with the free estimate up to octaves: one at a cross-rhythm of it (4/3 of a one-bar
        // drum & bass loop) wraps a loop that did not ring. A free estimate that is itself a 3- or 6-bar
        // fit (`oddFit`) explains the length too: 4 bars at 2/3 of its tempo, ringing out, would be its
        // dotted-quarter cross-rhythm.
        let ring = harmonic || fitsWholeFile || oddFit != nil
            ? nil
            : ringOutFit(envelope: e, onsetLeadFrames: onsetLeadFrames, frameRMS: frameRMS, framesPerSecond: fps,
                         durationSeconds: durationSeconds, prior: prior, reference: barFit?.bpm ?? best.bpm,
                         leastComb: max(configuration.minimumBarComb, 0.5 * best.comb),
                         beating: (barFit?.comb ?? 0) * configuration.ringOverBarFit)
                .flatMap { nearFit == nil || Self.sameUpToOctaves($0.bpm, best.bpm) ? $0 : nil }
        if let ring {
            chosen = ring
            fitsBars = true
        } else if let oddFit {
            chosen = oddFit
            fitsBars = true
        } else if let bar = barFit {
            chosen = bar
            fitsBars = true
        } else if let bar = windowedFit() {
            chosen = bar
            fitsBars = true
        } else if let bar = nearFit ?? bars.max(by: { $0.total < $1.total }),
                  periodicEnough(bar) || (nearFit != nil && (octaveOnPeak(bar.bpm) || chordsOnBeats(bar.bpm))),
                  nearFit != nil || bar.total >= 0.8 * best.total {
            chosen = bar
            fitsBars = true
        }
        // A harmonic loop that holds its last chord to its end and then rings out: the held part is the
        // loop (`HeldEnd`), a whole number of bars long. Its chords swell in without attacks, so the comb
        // has little to go on, and the whole-bar fits above see the file's length with the release (up to
        // 0.3 s) or the silent tail in it. A reading that is no octave of the held part's whole-bar tempos
        // (within 4 %) cannot be this loop's: the one the tempo prior prefers takes its place. (A reading
        // that is one keeps its digits: a decaying chord's held part may end a few per cent early.)
        if harmonic, let held = heldEndSeconds, durationSeconds - held >= configuration.minimumRingOut {
            let heldTempos = Self.barBeats.map { $0 * 60 / held }
                .filter { $0 >= configuration.minBPM && $0 <= maxBPM }
            if !heldTempos.contains(where: { Self.sameUpToOctaves($0, chosen.bpm) }),
               let fit = heldTempos.max(by: { tempoPrior($0, harmonic: true) < tempoPrior($1, harmonic: true) }) {
                chosen = candidate(fit)
                fitsBars = true
            }
        }
        // A cross-rhythm read as the beat: dotted eighths (a clave's 3-3-2) make a comb peak at 4/3 of the
        // tempo, and 3 or 6 bars at the tempo are 4 or 8 bars there, so the length agrees too. At that
        // reading the onsets leave the sixteenth grid (the loop's sixteenths fall on thirds of a beat). The
        // tempo at 3/4 of it (or 3/2 of a 2/3 reading) at which the file is 3 or 6 bars takes its place when
        // more of the onsets lie on its grid than on the reading's, at least `crossRhythmGridFraction` of
        // them, and its comb is nearly as strong (`crossRhythmComb`). At a fast reading the grid's tolerance
        // (`crossRhythmGridSeconds`) and swing allowance admit onsets a third of a sixteenth off, so the
        // reading may pass the plain grid test and still be the cross-rhythm. (A reading off its grid that
        // fits no bar count may also give way to one at which the file is exactly 1, 2, 4 … bars: below.)
        if !harmonic, let onsetTimes {
            let share = { (bpm: Double) in
                self.sixteenthGridShare(onsetTimes: onsetTimes, bpm: bpm,
                                        toleranceSeconds: self.configuration.crossRhythmGridSeconds) ?? 0
            }
            let readingShare = share(chosen.bpm)
            // Of `tempos`, those in range within 2 % of 3/4 and of 3/2 of the reading, nearest first.
            let atCrossRatios = { (tempos: [Double]) -> [Candidate] in
                [0.75, 1.5].flatMap { ratio -> [Candidate] in
                    let target = chosen.bpm * ratio
                    return tempos.filter { abs($0 / target - 1) < 0.02 && $0 >= configuration.minBPM && $0 <= maxBPM }
                        .sorted { abs($0 / target - 1) < abs($1 / target - 1) }.map(candidate)
                }
            }
            // The file's length with and without its silent tail gives one tempo each, nearest first: over
            // 6 bars the grid of a tempo 0.4 % off drifts off the onsets, so the other one is tried too. The
            // plain grid test and comb (`gridFraction`, 0.8) come first; the looser ones only when no tempo
            // passes them (looser, they would let a 3- or 6-bar tempo a little off, or 3/4 of a 2/3 reading,
            // come before the right one).
            let crossTempos = atCrossRatios(oddTempos)
            let beat = [(configuration.gridFraction, 0.8),
                        (configuration.crossRhythmGridFraction, configuration.crossRhythmComb)]
                .lazy.compactMap { (fraction, combRatio) in
                    crossTempos.first { fit in
                        guard fit.comb >= configuration.minimumBarComb, fit.comb >= combRatio * chosen.comb
                        else { return false }
                        let fitShare = share(fit.bpm)
                        return fitShare >= fraction && fitShare > readingShare
                    }
                }.first
            // A reading that fits no bar count (a free estimate) also gives way to the tempo at 3/4 or 3/2 of
            // it at which the file is exactly 1, 2, 4 … bars, with the onsets on its grid: the exact length
            // confirms that tempo, so it need only be periodic enough (a one-bar funk loop under loud
            // sixteenth hats, whose accents favour its 4/3 reading).
            let wholeFile = beat != nil || fitsBars || readingShare >= configuration.gridFraction ? nil
                : atCrossRatios(Self.barBeats.map { $0 * 60 / durationSeconds }).first { fit in
                    periodicEnough(fit) && share(fit.bpm) >= configuration.gridFraction
                }
            if let fit = beat ?? wholeFile {
                chosen = fit
                fitsBars = true
            }
        }
        // 4. Confidence (how periodic the envelope is at the reading, and whether the length agrees), and
        //    the tempo with its ranked alternatives.
        let confidence = min(1, max(0, chosen.comb)) * (fitsBars ? 1 : 0.8)
        var bpm = fitsBars ? chosen.bpm : refine(chosen.bpm, comb: comb)
        // The onsets' own spacing, when it is even (a residual under `spacingResidual` eighths), measures the
        // tempo whatever the trim; a length cut short, a tail or a ring-out only moves the tempos above. When
        // it disagrees by more than `spacingOverride` (more than the latencies of different drums skew it
        // over one bar), it is the tempo. The confidence stays that of the reading it corrects by a few
        // per cent.
        if !harmonic, let onsetTimes, let spaced = onsetSpacingTempo(onsetTimes: onsetTimes, near: bpm),
           spaced.residual <= configuration.spacingResidual, spaced.bpm >= configuration.minBPM, spaced.bpm <= maxBPM {
            let off = abs(spaced.bpm / bpm - 1)
            if off > configuration.spacingOverride && off < configuration.spacingReach {
                bpm = spaced.bpm
                // Still whole bars when a whole number of them ends where a loop may (`ringWindow`: rung out
                // past its end or cut a little short), as for a ring-out fit.
                fitsBars = fitsBars && latestBarEndInRingWindow(bpm: bpm, durationSeconds: durationSeconds) != nil
            }
        }
        let alternatives = [0.5, 2, 2.0 / 3, 1.5].compactMap { ratio -> Alternative? in
            let alternative = bpm * ratio
            guard alternative >= 20, alternative <= 400 else { return nil }
            return Alternative(bpm: (alternative * 100).rounded() / 100, ratio: ratio,
                               score: max(0, min(1, beatComb(alternative))))
        }.sorted { $0.score > $1.score }
        return Result(bpm: (bpm * 100).rounded() / 100, confidence: confidence,
                      fitsWholeBars: fitsBars, alternatives: alternatives)
    }

    /// Whether a sound counts as harmonic material for `estimate`: a key was found (tonal, not noise)
    /// and its onsets are sparse (fewer than `harmonicMaxOnsetsPerSecond`) — sustained or changing
    /// chords rather than a beat. A tonal loop with busy onsets (arpeggios, drums with a bass line)
    /// keeps the drum priors.
    public func isHarmonic(keyFound: Bool, onsetsPerSecond: Double) -> Bool {
        keyFound && onsetsPerSecond < configuration.harmonicMaxOnsetsPerSecond
    }

    /// Whether the onsets lie on the sixteenth-note grid of `bpm`: `gridFraction` of them or more
    /// (`sixteenthGridShare`).
    func onSixteenthGrid(onsetTimes: [Double], bpm: Double, toleranceSeconds: Double = 0) -> Bool {
        sixteenthGridShare(onsetTimes: onsetTimes, bpm: bpm, toleranceSeconds: toleranceSeconds)
            .map { $0 >= configuration.gridFraction } ?? false
    }

    /// The share of the onsets on the sixteenth-note grid of `bpm` (anchored at the file start): within
    /// `gridTolerance` sixteenths of a sixteenth (or of `toleranceSeconds`, if that is more), an off-beat one
    /// also up to `gridSwing` sixteenths late; nil with fewer than `gridMinimumOnsets` onsets. The onsets
    /// after the first are shifted by their median offset from the grid (the onset detector's latency); the
    /// first, at the file start, counts as on the grid.
    func sixteenthGridShare(onsetTimes: [Double], bpm: Double, toleranceSeconds: Double = 0) -> Double? {
        guard onsetTimes.count >= configuration.gridMinimumOnsets, bpm > 0 else { return nil }
        let sixteenth = 15 / bpm
        let tolerance = max(configuration.gridTolerance, toleranceSeconds / sixteenth)
        let later = onsetTimes.dropFirst().map { $0 / sixteenth }
        let fractions = later.map { $0 - $0.rounded(.down) }.sorted()
        let latency = fractions[fractions.count / 2]
        var onGrid = 1
        for position in later {
            // Position within an eighth note, in sixteenths: 0 the on-beat, 1 the off-beat sixteenth.
            var phase = (position - latency).truncatingRemainder(dividingBy: 2)
            if phase < 0 { phase += 2 }
            if phase > 2 - tolerance { phase -= 2 }
            if abs(phase) <= tolerance || (phase >= 1 - tolerance && phase <= 1 + configuration.gridSwing + tolerance) {
                onGrid += 1
            }
        }
        return Double(onGrid) / Double(onsetTimes.count)
    }

    /// Whether every onset after the first lies on a beat of `bpm` counted from the first, within
    /// `beatTolerance` of a beat (an attack's flux peaks up to about 40 ms before it, the file's first
    /// onset at 0 does not).
    public func onBeats(onsetTimes: [Double], bpm: Double) -> Bool {
        guard onsetTimes.count >= 2, let first = onsetTimes.first, bpm > 0 else { return false }
        let beat = 60 / bpm
        return onsetTimes.dropFirst().allSatisfy { time in
            let position = (time - first) / beat
            return abs(position - position.rounded()) <= configuration.beatTolerance
        }
    }

    /// `envelope` with the first frame's flux moved `lead` frames before the start, where the circular
    /// periodicity wraps round to: to the frame `lead` before the end (for a loop scored over its own
    /// length, `wrappedComb`, the end of that length). A flux of log energies flags an onset as soon as
    /// the attack enters the tail of a frame, about a frame less a hop before the sound starts (measured
    /// 35–37 ms for kicks and chord changes at 2048/512, 3 hops), but flags a sound starting the file in
    /// the first frame, on time: a two-chord loop's one change read 2 % early against it. Moved, every
    /// onset is as early as the others. Unchanged when the envelope is shorter than 2 leads.
    static func startFlaggedWithLead(_ envelope: [Double], frames lead: Int) -> [Double] {
        guard lead > 0, envelope.count > 2 * lead else { return envelope }
        var moved = envelope
        moved[moved.count - lead] += moved[0]
        moved[0] = 0
        return moved
    }

    /// Log-normal prior on the tempo: 1 at `preferredBPM` (`harmonicPreferredBPM` for harmonic material),
    /// e^(−½) `priorOctaves` away.
    func tempoPrior(_ bpm: Double, harmonic: Bool) -> Double {
        let centre = harmonic ? configuration.harmonicPreferredBPM : configuration.preferredBPM
        let octaves = log2(bpm / centre) / configuration.priorOctaves
        return exp(-0.5 * octaves * octaves)
    }

    /// Log-normal prior on the effective accents per beat (`AccentDensity`) that `bpm` implies: 1 at
    /// `accentsPerBeat`, e^(−½) `accentOctaves` away; 1 when there is no accent information.
    func accentPrior(_ bpm: Double, accentsPerSecond: Double) -> Double {
        guard accentsPerSecond > 0, configuration.accentOctaves > 0 else { return 1 }
        let perBeat = accentsPerSecond * 60 / bpm
        let off = log2(perBeat / configuration.accentsPerBeat) / configuration.accentOctaves
        return exp(-0.5 * off * off)
    }

    /// Whether two tempos are the same up to whole octaves (within 0.06 octave, about 4 %).
    static func sameUpToOctaves(_ a: Double, _ b: Double) -> Bool {
        let octaves = log2(a / b)
        return abs(octaves - octaves.rounded()) < 0.06
    }

    /// Prior against a beat split into eight: `eighthBeatWeight` when the onset envelope repeats at an
    /// eighth of `bpm`'s beat and again at two eighths (autocorrelation above `eighthBeatCorrelation` at
    /// both, the best of ±1 frame), else 1; `pulseStreamWeight` when it also dips half-way to the first
    /// (by `pulseStreamContrast`): a clean stream of pulses at an eighth of the beat, not one hit's decay.
    /// A stream repeats at its second pulse; a lone echo of each hit does not: a kick cut off while it
    /// still rings clicks about 85 ms before the next kick, which at 84–90 BPM is an eighth of the beat
    /// (a four-on-the-floor loop with such a kick read half its tempo).
    /// Drum loops rarely subdivide a beat past sixteenths; a 16th-note hat stream at 180 BPM is a
    /// 32nd-note stream at 90, so this tips such a loop to its own octave. Harmonic material leaves it out
    /// (its comb is not a beat's).
    func subdivisionPrior(_ bpm: Double, periodicity: OnsetPeriodicity) -> Double {
        let eighth = 60 / bpm / 8
        guard eighth >= configuration.minimumEighthBeatSeconds else { return 1 }
        let lag = eighth * periodicity.framesPerSecond
        // The best of ±1 frame around a lag.
        let near = { (lag: Double) in
            max(periodicity.autocorrelation(atLag: lag - 1), periodicity.autocorrelation(atLag: lag),
                periodicity.autocorrelation(atLag: lag + 1))
        }
        let correlation = near(lag), second = near(2 * lag)
        guard correlation > configuration.eighthBeatCorrelation, second > configuration.eighthBeatCorrelation
        else { return 1 }
        // A clean stream (a trough half-way between its pulses) rather than a hit's own decay.
        let between = periodicity.autocorrelation(atLag: lag / 2)
        return correlation - between > configuration.pulseStreamContrast
            ? configuration.pulseStreamWeight : configuration.eighthBeatWeight
    }

    /// Whole-bar tempos for a loop whose true length is not exactly its duration (`ringWindow`): the last
    /// hits may ring past the bar end, or the trim may have cut a few ms. For 1, 2, 4 … bars, the
    /// strongest comb peak within the tempo range those bars imply.
    func windowedBarTempos(durationSeconds: Double, comb: (Double) -> Double, prior: (Double) -> Double)
        -> [Candidate] {
        let (lo, hi) = ringWindow(durationSeconds)
        guard lo > 0.5, hi > lo else { return [] }
        var out: [Candidate] = []
        for beats in Self.barBeats {
            let from = max(configuration.minBPM, beats * 60 / hi), to = min(configuration.maxBPM, beats * 60 / lo)
            guard from < to else { continue }
            // The strongest local comb peak inside the range (not its edge sloping up to a peak outside).
            let grid = Array(stride(from: from, through: to, by: 0.05))
            let scores = grid.map(comb)
            guard let peak = Self.strongestLocalPeak(scores) else { continue }
            out.append((bpm: grid[peak], comb: scores[peak], total: scores[peak] * prior(grid[peak])))
        }
        return out
    }

    /// Index of the strongest interior local maximum of `scores` (the first of equals), nil when there is
    /// none: a range's edge sloping up to a peak outside it is not a peak.
    static func strongestLocalPeak(_ scores: [Double]) -> Int? {
        guard scores.count >= 3 else { return nil }
        var peak: Int?
        for i in 1..<(scores.count - 1) where scores[i] >= scores[i - 1] && scores[i] >= scores[i + 1]
            && peak.map({ scores[i] > scores[$0] }) ?? true {
            peak = i
        }
        return peak
    }

    /// Plausible true lengths of a loop of `durationSeconds`: up to 0.5 s (and 20 % of it) of ring-out
    /// past the last bar, or up to 40 ms cut off the end.
    func ringWindow(_ durationSeconds: Double) -> (lo: Double, hi: Double) {
        (durationSeconds - min(0.5, 0.2 * durationSeconds), durationSeconds + 0.04)
    }

    /// Where the latest of 1, 2, 4 … bars at `bpm` that end inside `ringWindow(durationSeconds)` ends,
    /// seconds; nil when none does.
    func latestBarEndInRingWindow(bpm: Double, durationSeconds: Double) -> Double? {
        let window = ringWindow(durationSeconds)
        return Self.barBeats.map { $0 * 60 / bpm }.filter { $0 >= window.lo && $0 <= window.hi }.max()
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
