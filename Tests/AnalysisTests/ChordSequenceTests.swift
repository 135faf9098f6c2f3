import Analysis
import Testing

@Suite("Chords: each long frame's triad, smoothed")
struct ChordSequenceTests {
    typealias Chord = ChordSequence.Chord

    /// One frame: `notes` pitch classes at their levels, the bass on `bass`.
    private func frame(_ notes: [Int: Float]) -> [Float] {
        (0..<12).map { notes[$0] ?? 0 }
    }

    private func frames(_ list: [([Float], Int?)]) -> PitchClassFrames {
        PitchClassFrames(frameSeconds: 0.37, values: list.flatMap(\.0), bass: list.map(\.1))
    }

    @Test("a progression's chords come out in order, each with its length")
    func progression() {
        let c = frame([0: 1, 4: 0.6, 7: 0.7]), g = frame([7: 1, 11: 0.6, 2: 0.7])
        let am = frame([9: 1, 0: 0.6, 4: 0.7]), f = frame([5: 1, 9: 0.6, 0: 0.7])
        let list = Array(repeating: (c, 0), count: 4) + Array(repeating: (g, 7), count: 3)
            + Array(repeating: (am, 9), count: 4) + Array(repeating: (f, 5), count: 2)
        let chords = ChordSequence(frames: frames(list.map { ($0.0, $0.1) }))
        #expect(chords.segments.map(\.chord) == [Chord(root: 0, quality: .major), Chord(root: 7, quality: .major),
                                                 Chord(root: 9, quality: .minor), Chord(root: 5, quality: .major)])
        #expect(chords.segments.map(\.frames) == [4, 3, 4, 2])
        #expect(chords.frameCount == 13)
        #expect(chords.distinctChords(heldFrames: 3) == 3)
    }

    @Test("two chords on different roots, each held a third of the file or more, give where the second begins",
          arguments: [([(0, 5), (9, 5)], 5), ([(0, 4), (9, 4), (0, 4), (9, 4)], 4), ([(0, 4), (7, 1), (9, 5)], 5)])
    func twoChordChange(held: [(root: Int, frames: Int)], change: Int) {
        let chords = ChordSequence(segments: held.map {
            .init(chord: Chord(root: $0.root, quality: $0.root == 0 ? .major : .minor), frames: $0.frames)
        })
        #expect(chords.twoChordChange == change)
    }

    @Test("one chord fading to its bare fifth, a chord held too briefly, or three chords alternate no two chords",
          arguments: [[(Chord(root: 0, quality: .major), 5), (Chord(root: 0, quality: .bareFifth), 5)],
                      [(Chord(root: 0, quality: .major), 8), (Chord(root: 9, quality: .minor), 2)],
                      [(Chord(root: 0, quality: .major), 7), (Chord(root: 9, quality: .minor), 3)],
                      [(Chord(root: 0, quality: .major), 4), (Chord(root: 9, quality: .minor), 4),
                       (Chord(root: 5, quality: .major), 4)]])
    func noTwoChordChange(segments: [(Chord, Int)]) {
        #expect(ChordSequence(segments: segments.map { .init(chord: $0.0, frames: $0.1) }).twoChordChange == nil)
    }

    @Test("one frame of passing notes inside a held chord does not make a new chord")
    func passingFrame() {
        let c = frame([0: 1, 4: 0.6, 7: 0.7])
        let passing = frame([4: 1, 7: 1, 11: 0.3])   // E–G–B leans to E minor on its own
        let chords = ChordSequence(frames: frames([(c, 0), (c, 0), (passing, 4), (c, 0), (c, 0)]))
        #expect(chords.segments.map(\.chord) == [Chord(root: 0, quality: .major)])
        #expect(chords.segments.map(\.frames) == [5])
    }

    @Test("a third too quiet beside the root names no quality; a clear third does",
          arguments: [(Float(0.1), Chord.Quality.bareFifth), (0.6, .minor)])
    func quietThird(level: Float, quality: Chord.Quality) {
        let chords = ChordSequence(frames: frames([(frame([0: 1, 7: 0.4, 3: level]), 0)]))
        #expect(chords.segments.map(\.chord) == [Chord(root: 0, quality: quality)])
    }

    @Test("silent frames hold no chord and do not split one")
    func silence() {
        let g = frame([7: 1, 11: 0.6, 2: 0.7]), quiet = frame([:])
        let chords = ChordSequence(frames: frames([(quiet, nil), (g, 7), (quiet, nil), (g, 7), (quiet, nil)]))
        #expect(chords.segments == [ChordSequence.Segment(chord: Chord(root: 7, quality: .major), frames: 2)])
        #expect(ChordSequence(frames: frames([(quiet, nil), (quiet, nil)])).segments.isEmpty)
    }
}
