/// Chord progressions in a known key, for key-detection tests and the demo pack.
public enum Progressions {
    /// I–vi–IV–V (major) or i–iv–VII–v... as triads over a bass note; each chord lasts `chordSeconds`.
    /// - Parameter tonicMidi: MIDI note of the tonic in the chord octave (e.g. 60 = C4).
    public static func cadence(tonicMidi: Int, minor: Bool, chordSeconds: Double = 1.0,
                               sampleRate: Int = 44100) -> [Float] {
        // Each chord: root offset from the tonic and its intervals.
        let chords: [(root: Int, intervals: [Int])] = minor
            ? [(0, [0, 3, 7]), (5, [0, 3, 7]), (7, [0, 4, 7]), (0, [0, 3, 7])]   // i iv V i
            : [(0, [0, 4, 7]), (5, [0, 4, 7]), (7, [0, 4, 7]), (0, [0, 4, 7])]   // I IV V I
        var out = Signals.silence(seconds: chordSeconds * Double(chords.count * 2), sampleRate: sampleRate)
        for repeatIndex in 0..<2 {
            for (index, chord) in chords.enumerated() {
                let start = Signals.length(chordSeconds * Double(repeatIndex * chords.count + index), sampleRate)
                let bass = Signals.tone(midi: Double(tonicMidi + chord.root - 24), seconds: chordSeconds,
                                        sampleRate: sampleRate, amplitude: 0.3, decaySeconds: 2)
                Signals.mix(bass, into: &out, at: start)
                for interval in chord.intervals {
                    let note = Signals.tone(midi: Double(tonicMidi + chord.root + interval), seconds: chordSeconds,
                                            sampleRate: sampleRate, amplitude: 0.15, decaySeconds: 2)
                    Signals.mix(note, into: &out, at: start)
                }
            }
        }
        return Signals.normalize(out, peak: 0.8)
    }

    /// The four-chord pop loop — I–V–vi–IV (major) or i–VI–III–VII (minor) — as block chords over
    /// the root an octave and more below, one chord per bar of four `beatSeconds` beats, twice.
    /// - Parameters:
    ///   - tonicMidi: MIDI note of the tonic in the chord octave (e.g. 60 = C4).
    ///   - detuneCents: every note is shifted by this much (an instrument not tuned to A440).
    ///   - withBass: false leaves the bass out: the chords alone, root position.
    public static func popLoop(tonicMidi: Int, minor: Bool, beatSeconds: Double = 0.5, detuneCents: Double = 0,
                               withBass: Bool = true, sampleRate: Int = 44100) -> [Float] {
        let chords: [(root: Int, intervals: [Int])] = minor
            ? [(0, [0, 3, 7]), (8, [0, 4, 7]), (3, [0, 4, 7]), (10, [0, 4, 7])]   // i VI III VII
            : [(0, [0, 4, 7]), (7, [0, 4, 7]), (9, [0, 3, 7]), (5, [0, 4, 7])]    // I V vi IV
        let bar = 4 * beatSeconds
        var out = Signals.silence(seconds: bar * Double(chords.count * 2), sampleRate: sampleRate)
        for index in 0..<(chords.count * 2) {
            let chord = chords[index % chords.count]
            let start = Signals.length(bar * Double(index), sampleRate)
            let root = tonicMidi + chord.root - (chord.root >= 7 ? 36 : 24)
            let detune = detuneCents / 100
            if withBass {
                Signals.mix(Signals.tone(midi: Double(root) + detune, seconds: bar, sampleRate: sampleRate, amplitude: 0.3),
                            into: &out, at: start)
            }
            for interval in chord.intervals {
                Signals.mix(Signals.tone(midi: Double(tonicMidi + chord.root + interval) + detune, seconds: bar,
                                         sampleRate: sampleRate, amplitude: 0.15), into: &out, at: start)
            }
        }
        return Signals.normalize(out, peak: 0.8)
    }

    /// Any progression as block chords over a bass: each chord (root above the tonic, semitones, and
    /// intervals above the root) lasts `chordSeconds`; the bass plays each root two octaves below the
    /// chord (`bassAmplitude`, 0 for none) and holds, while the chord notes decay with `chordDecaySeconds`.
    /// The progression is played `passes` times.
    public static func loop(_ chords: [(root: Int, intervals: [Int])], tonicMidi: Int, chordSeconds: Double,
                            passes: Int = 2, bassAmplitude: Double = 0.3, chordDecaySeconds: Double? = nil,
                            sampleRate: Int = 44100) -> [Float] {
        var out = Signals.silence(seconds: chordSeconds * Double(chords.count * passes), sampleRate: sampleRate)
        for index in 0..<(chords.count * passes) {
            let chord = chords[index % chords.count]
            let start = Signals.length(chordSeconds * Double(index), sampleRate)
            if bassAmplitude > 0 {
                Signals.mix(Signals.tone(midi: Double(tonicMidi + chord.root - 24), seconds: chordSeconds,
                                         sampleRate: sampleRate, amplitude: bassAmplitude, decaySeconds: 10 * chordSeconds),
                            into: &out, at: start)
            }
            for interval in chord.intervals {
                Signals.mix(Signals.tone(midi: Double(tonicMidi + chord.root + interval), seconds: chordSeconds,
                                         sampleRate: sampleRate, amplitude: 0.15, decaySeconds: chordDecaySeconds),
                            into: &out, at: start)
            }
        }
        return Signals.normalize(out, peak: 0.8)
    }

    /// A chord of the given MIDI notes held for `seconds` (e.g. a power chord, root + fifth + octave).
    public static func chord(_ midis: [Double], seconds: Double, sampleRate: Int = 44100) -> [Float] {
        var out = Signals.silence(seconds: seconds, sampleRate: sampleRate)
        for midi in midis {
            Signals.mix(Signals.tone(midi: midi, seconds: seconds, sampleRate: sampleRate, amplitude: 0.2,
                                     decaySeconds: seconds), into: &out, at: 0)
        }
        return Signals.normalize(out, peak: 0.8)
    }
}
