/// Coarse instrument family of a sample.
public enum InstrumentFamily: String, Sendable, Codable, CaseIterable {
    case kick, snare, hat, cymbal, tom, percussion, bass, leadSynth = "lead/synth", pad, vocal, fx
    case loopDrums = "loop-drums", loopMusic = "loop-music"
}

/// Rule-based family classifier (version 1) over the measured descriptors. Thresholds were
/// chosen from the physics of each family (a kick's energy sits below ~200 Hz, hats above
/// ~5 kHz) and checked on the dev set; `bench/` reports its accuracy. Vocal is never guessed by
/// these rules: it needs formant features a later version adds.
public struct FamilyClassifier {
    public struct Evidence: Sendable {
        public var kind: SampleKind
        public var durationSeconds: Double
        public var centroidHz: Double
        public var rolloffHz: Double
        public var flatness: Double
        public var attackSeconds: Double
        public var decaySeconds: Double
        public var pitch: PitchEstimator.Result?
        public var key: KeyEstimator.Result?
        public init(kind: SampleKind, durationSeconds: Double, centroidHz: Double, rolloffHz: Double,
                    flatness: Double, attackSeconds: Double, decaySeconds: Double,
                    pitch: PitchEstimator.Result?, key: KeyEstimator.Result?) {
            self.kind = kind; self.durationSeconds = durationSeconds; self.centroidHz = centroidHz
            self.rolloffHz = rolloffHz; self.flatness = flatness; self.attackSeconds = attackSeconds
            self.decaySeconds = decaySeconds; self.pitch = pitch; self.key = key
        }
    }

    public init() {}

    public func classify(_ e: Evidence) -> InstrumentFamily {
        if e.kind == .loop {
            return (e.key != nil || (e.pitch?.confidence ?? 0) > 0.8) ? .loopMusic : .loopDrums
        }
        let percussive = e.attackSeconds < 0.02 && e.decaySeconds < 1.2
        let tonal = e.pitch != nil && (e.pitch?.confidence ?? 0) >= 0.7
        if tonal, let pitch = e.pitch {
            if e.attackSeconds >= 0.08 && e.durationSeconds >= 1.5 { return .pad }
            if pitch.hz < 50 && percussive && e.decaySeconds < 0.8 && e.centroidHz < 400 { return .kick }
            let tomLike = percussive && e.decaySeconds < 0.35 && e.durationSeconds < 1.0
            if pitch.hz >= 70 && pitch.hz < 300 && tomLike { return .tom }
            if pitch.hz < 160 { return .bass }
            return .leadSynth
        }
        if percussive || e.durationSeconds < 1.0 {
            if e.centroidHz < 350 { return .kick }
            if e.centroidHz >= 5000 { return e.decaySeconds > 0.5 ? .cymbal : .hat }
            if e.centroidHz >= 3500 && e.flatness > 0.2 { return e.decaySeconds > 0.5 ? .cymbal : .hat }
            if e.flatness > 0.05 && e.centroidHz >= 1000 { return .snare }
            if e.centroidHz < 700 { return .tom }
            return .percussion
        }
        if e.durationSeconds >= 1.5 && e.attackSeconds >= 0.08 && e.flatness < 0.05 { return .pad }
        return .fx
    }
}
