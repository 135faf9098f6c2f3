import Analysis
import Foundation
import Testing
import TestSupport

@Suite("Tempo of chord loops that hold their last chord and ring out")
struct HeldEndTempoTests {
    let dir = TemporaryDirectory()

    /// Frame levels (RMS, 100 frames a second) from dB values, for `HeldEnd`.
    static func frames(_ decibels: [Double]) -> [Float] { decibels.map { Float(pow(10, $0 / 20)) } }
    static let hop = 0.01, frame = 0.04

    @Test("pad loops whose chords swell in, rung out past their last bar, read their tempo from the held part",
          arguments: [(131.0, 2, 4.0, 0.7), (117.3, 2, 4.0, 1.1), (96.0, 4, 2.0, 0.5)])
    func padRingOut(bpm: Double, chords: Int, beatsPerChord: Double, ringOutSeconds: Double) throws {
        let progression = [PadLoopKindTests.cMajor, PadLoopKindTests.gMajor, PadLoopKindTests.aMinor,
                           PadLoopKindTests.fMajor]
        let loop = PadLoopKindTests.padLoop(Array(progression.prefix(chords)), chordSeconds: beatsPerChord * 60 / bpm,
                                            attackSeconds: 0.3, ringOutSeconds: ringOutSeconds)
        let (_, tempo) = try analyzedTempo(loop, in: dir, name: "pad\(bpm).wav")
        #expect(abs(tempo.bpm / bpm - 1) < 0.02, "\(bpm) BPM read \(tempo.bpm)")
        #expect(tempo.fitsWholeBars)
    }

    @Test("the held part ends where the level leaves the held level on its way to silence")
    func heldThenReleased() throws {
        // 2 s held at -3 dB (rippling by 1 dB), then a 0.2 s fade to silence, then 0.5 s of silence
        let held = (0..<200).map { -3 - Double($0 % 7) / 6 }
        let fade = (1...20).map { 20 * log10(1 - Double($0) / 20.5) - 3 }
        let levels = held + fade + Array(repeating: -120, count: 50)
        let end = try #require(heldEnd(levels))
        // the last held frame's centre is 2.01 s; the fade's first 1.5 dB (3 frames) still counts as held
        #expect(abs(end - 2.01) < 0.04, "held end \(end)")
    }

    @Test("no held end: a loop cut while its chord sounds, a decaying chord")
    func notHeld() {
        let silence = Array(repeating: -120.0, count: 50)
        let release = (1...20).map { 20 * log10(1 - Double($0) / 20.5) }
        #expect(heldEnd(Array(repeating: -3, count: 300)) == nil)                           // held to the last frame
        #expect(heldEnd(Array(repeating: 0, count: 100) + Array(repeating: -4, count: 150)) == nil)  // 2nd to the end
        #expect(heldEnd((0..<200).map { -Double($0) * 0.05 } + release.map { $0 - 10 } + silence) == nil)  // 5 dB/s
    }

    @Test("a quieter last chord, held and released, ends where its own release begins")
    func quieterLastChord() throws {
        let release = (1...20).map { 20 * log10(1 - Double($0) / 20.5) }
        let levels = Array(repeating: 0, count: 100) + Array(repeating: -4, count: 70) + release.map { $0 - 4 }
            + Array(repeating: -120, count: 50)
        let end = try #require(heldEnd(levels))
        #expect(abs(end - 1.71) < 0.04, "held end \(end)")
    }

    func heldEnd(_ levels: [Double]) -> Double? {
        HeldEnd.seconds(frameRMS: Self.frames(levels), hopSeconds: Self.hop, frameSeconds: Self.frame)
    }
}
