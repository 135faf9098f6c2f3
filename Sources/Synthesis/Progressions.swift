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
}
