/// A one-bar drum pattern on a 16-step (sixteenth-note) grid of 4/4, rendered as a loop the way
/// sample packs ship them: exactly `bars` bars long, with the last hits' tails folded back onto the
/// start. The beat is four steps; the tempo of a rendered loop is the `bpm` it was rendered at.
public struct DrumPattern: Sendable {
    /// One voice: the hit's sound and the steps (0–15) it plays on, at a gain.
    public struct Voice: Sendable {
        public enum Sound: Sendable { case kick, snare, hat, rim, shaker }
        public var sound: Sound
        public var steps: [Int]
        public var gain: Float
        public init(_ sound: Sound, steps: [Int], gain: Float = 1) {
            self.sound = sound
            self.steps = steps
            self.gain = gain
        }
    }

    public var voices: [Voice]
    public init(_ voices: [Voice]) { self.voices = voices }

    /// Kick on every beat, snare on 2 and 4, hats on the off-beats (house).
    public static let fourOnTheFloor = DrumPattern([
        Voice(.kick, steps: [0, 4, 8, 12]), Voice(.snare, steps: [4, 12], gain: 0.8),
        Voice(.hat, steps: [2, 6, 10, 14], gain: 0.7)])
    /// A syncopated kick, snare on 2 and 4, eighth-note hats (hip-hop).
    public static let backbeat = DrumPattern([
        Voice(.kick, steps: [0, 7, 10]), Voice(.snare, steps: [4, 12]),
        Voice(.hat, steps: [0, 2, 4, 6, 8, 10, 12, 14], gain: 0.5)])
    /// Two-step kick, snare on 2 and 4, sixteenth hats (drum & bass).
    public static let breakbeat = DrumPattern([
        Voice(.kick, steps: [0, 10]), Voice(.snare, steps: [4, 12]),
        Voice(.hat, steps: Array(0..<16), gain: 0.4)])
    /// Half-time feel: kick on 1, snare on 3 only, eighth-note hats keep the beat.
    public static let halfTime = DrumPattern([
        Voice(.kick, steps: [0]), Voice(.snare, steps: [8]),
        Voice(.hat, steps: [0, 2, 4, 6, 8, 10, 12, 14], gain: 0.6)])

    /// Son clave rims (3-3-4-2-4 sixteenths) over sixteenth-note shakers, kick on 1 and 3 (latin): the
    /// dev set's latin kit.
    public static let clave = DrumPattern([
        Voice(.rim, steps: [0, 3, 6, 10, 12], gain: 0.9), Voice(.shaker, steps: Array(0..<16), gain: 0.7),
        Voice(.kick, steps: [0, 8], gain: 0.8)])

    /// Renders `bars` bars at `bpm`. `swing` is the position of the off-beat sixteenths between
    /// their neighbours (0.5 straight, 0.66 triplet swing). With `ringOutSeconds` the last hits' tails are
    /// not folded back: they ring on that long past the last bar (up to a second), as a loop cut loosely.
    public func render(bpm: Double, bars: Int, swing: Double = 0.5, ringOutSeconds: Double? = nil,
                       sampleRate: Int = 44100) -> [Float] {
        let step = 60 / bpm / 4
        let length = Signals.length(Double(bars * 16) * step, sampleRate)
        var out = [Float](repeating: 0, count: length + sampleRate)
        let sounds: [Voice.Sound: [Float]] = [
            .kick: Drums.kick(sampleRate: sampleRate), .snare: Drums.snare(sampleRate: sampleRate),
            .hat: Drums.hat(sampleRate: sampleRate), .rim: Drums.rim(sampleRate: sampleRate),
            .shaker: Drums.shaker(sampleRate: sampleRate)]
        for bar in 0..<bars {
            for voice in voices {
                for s in voice.steps {
                    var at = Double(bar * 16 + s) * step
                    if s % 2 == 1 { at += (swing - 0.5) * 2 * step }
                    Signals.mix(sounds[voice.sound] ?? [], into: &out, at: Signals.length(at, sampleRate), gain: voice.gain)
                }
            }
        }
        if let ringOutSeconds {
            return Signals.normalize(Array(out[0..<(length + Signals.length(min(ringOutSeconds, 1), sampleRate))]),
                                     peak: 0.9)
        }
        var loop = Array(out[0..<length])
        for i in 0..<min(length, out.count - length) { loop[i] += out[length + i] }
        return Signals.normalize(loop, peak: 0.9)
    }
}
