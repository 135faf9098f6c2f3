/// Coarse instrument family of a sample.
public enum InstrumentFamily: String, Sendable, Codable, CaseIterable {
    case kick, snare, hat, cymbal, tom, percussion, bass, leadSynth = "lead/synth", pad, vocal, fx
    case loopDrums = "loop-drums", loopMusic = "loop-music"
}

/// Rule-based family classifier (version 4) over the measured descriptors. Thresholds were
/// chosen from the physics of each family (a kick's energy sits below ~200 Hz, hats above
/// ~5 kHz, a drum decays where a held note does not) and set on the sonic-pi and lmms packs and
/// the dev set; `bench/confusion.py` reports its accuracy per pack, the hydrogen kits held out —
/// except for `cymbalMinimumDecaySeconds` (version 4), which was set on the hydrogen kits' cymbals.
/// Vocal is never guessed by these rules: it needs formant features a later version adds.
public struct FamilyClassifier {
    public struct Evidence: Sendable {
        public var kind: SampleKind
        public var durationSeconds: Double
        public var centroidHz: Double
        public var rolloffHz: Double
        public var flatness: Double
        public var attackSeconds: Double
        public var decaySeconds: Double
        /// Energy-weighted mean time of the envelope, seconds from the start of the file.
        public var temporalCentroidSeconds: Double
        /// Leading and trailing silence, seconds: what is left is the sounding part.
        public var silenceHeadSeconds: Double
        public var silenceTailSeconds: Double
        public var pitch: PitchEstimator.Result?
        public var key: KeyEstimator.Result?
        public init(kind: SampleKind, durationSeconds: Double, centroidHz: Double, rolloffHz: Double,
                    flatness: Double, attackSeconds: Double, decaySeconds: Double,
                    temporalCentroidSeconds: Double? = nil, silenceHeadSeconds: Double = 0,
                    silenceTailSeconds: Double = 0, pitch: PitchEstimator.Result?, key: KeyEstimator.Result?) {
            self.kind = kind; self.durationSeconds = durationSeconds; self.centroidHz = centroidHz
            self.rolloffHz = rolloffHz; self.flatness = flatness; self.attackSeconds = attackSeconds
            self.decaySeconds = decaySeconds
            // unknown: an early centroid, i.e. a sound that decays (the version-1 behaviour)
            self.temporalCentroidSeconds = temporalCentroidSeconds ?? 0
            self.silenceHeadSeconds = silenceHeadSeconds; self.silenceTailSeconds = silenceTailSeconds
            self.pitch = pitch; self.key = key
        }

        /// Seconds between the leading and the trailing silence.
        var soundingSeconds: Double { max(0, durationSeconds - silenceHeadSeconds - silenceTailSeconds) }

        /// The sound holds its level: its energy's temporal centroid lies near the middle of the
        /// sounding part (½ for a constant level). Anything struck — every drum — puts most of its
        /// energy at the start (a kick's centroid is at ~0.1–0.4 of its length, an exponential
        /// decay's at a few per cent); held notes, pads and single-cycle waveforms sit at ~0.45–0.5.
        var isSteady: Bool {
            soundingSeconds > 0 && (temporalCentroidSeconds - silenceHeadSeconds) / soundingSeconds >= 0.45
        }
    }

    /// A pad is tonal: a held, slowly rising sound whose spectrum is flatter than this (noise
    /// swells, risers, wind) is an effect. Pads in the Debian packs measure below 0.001.
    public static let padMaximumFlatness = 0.01
    /// A drum hit falls 20 dB in well under this (snares in the Debian packs: 0.12 s median, under 0.23 s
    /// for nine in ten); an unpitched hit still ringing longer, in a file over a second, is a cymbal — a
    /// ride bell, a china or a splash, however dark the recording.
    public static let cymbalMinimumDecaySeconds = 0.4

    public init() {}

    public func classify(_ e: Evidence) -> InstrumentFamily {
        if e.kind == .loop {
            return (e.key != nil || (e.pitch?.confidence ?? 0) > 0.8) ? .loopMusic : .loopDrums
        }
        // Under 40 ms of sound is not an instrument hit (even a closed hat rings longer): it is a
        // single oscillator cycle or grain, meant to be looped by a synth.
        if e.soundingSeconds > 0 && e.soundingSeconds < 0.04 { return .leadSynth }
        let steady = e.isSteady
        let percussive = e.attackSeconds < 0.02 && e.decaySeconds < 1.2 && !steady
        let tonal = e.pitch != nil && (e.pitch?.confidence ?? 0) >= 0.7
        if tonal, let pitch = e.pitch {
            if e.attackSeconds >= 0.08 && e.durationSeconds >= 1.5 { return .pad }
            // A struck membrane's overtones are inharmonic and die within tens of milliseconds, so
            // a drum's spectrum is dominated by its fundamental (centroid ≈ f0); a bass or lead
            // note is a harmonic series whose centroid lies at several times f0.
            let drumLike = percussive && e.centroidHz < 1.5 * pitch.hz
            // A kick's body (40–90 Hz) is gone, 20 dB down, within about half a second; a low
            // tone ringing longer is played as a bass note (an 808 bass).
            if drumLike && pitch.hz < 90 && e.decaySeconds < 0.6 { return .kick }
            // Toms are tuned membranes of ~70–350 Hz that fall 20 dB in well under a second.
            if drumLike && pitch.hz >= 70 && pitch.hz < 350 && e.decaySeconds < 0.8 { return .tom }
            if pitch.hz < 160 { return .bass }
            return .leadSynth
        }
        if steady {
            // A held sound with no measurable pitch: long ones are textures, short ones
            // oscillator shapes, bass when their energy sits below ~250 Hz.
            if e.durationSeconds >= 1.5 { return e.attackSeconds >= 0.08 && isTonal(e) ? .pad : .fx }
            return e.centroidHz < 250 ? .bass : .leadSynth
        }
        // Bright, unpitched and ringing for longer than a drum: a cymbal, however slowly a crash
        // swells (its 10–90 % rise can take 0.15 s).
        if e.centroidHz >= 2500 && e.attackSeconds < 0.2 && e.decaySeconds > 0.3 && e.decaySeconds < 2 {
            return .cymbal
        }
        if percussive || e.durationSeconds < 1.0 {
            // An unpitched hit, placed by where its energy sits: a kick below ~350 Hz, a hat's
            // metal noise above ~5 kHz, a cymbal still ringing, and between them the snare — a
            // ~200 Hz body plus the wires' broadband noise. (A tom would have a pitch.)
            if e.centroidHz < 350 { return .kick }
            if e.centroidHz >= 5000 { return .hat }
            if e.decaySeconds > Self.cymbalMinimumDecaySeconds && e.durationSeconds > 1 { return .cymbal }
            return .snare
        }
        if e.durationSeconds >= 1.5 && e.attackSeconds >= 0.08 && isTonal(e) { return .pad }
        return .fx
    }

    private func isTonal(_ e: Evidence) -> Bool { e.flatness < FamilyClassifier.padMaximumFlatness }
}
