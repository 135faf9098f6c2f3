import DSP
import Foundation
import Testing

@Suite("Mel filter bank and DCT")
struct FilterBankTests {
    @Test("the Slaney mel scale is linear to 1 kHz (15 mel) and round-trips")
    func melScale() {
        // librosa.hz_to_mel(1000) == 15.0, hz_to_mel(200) == 3.0 (Slaney formula)
        #expect(abs(MelFilterBank.hzToMel(1000) - 15) < 1e-9)
        #expect(abs(MelFilterBank.hzToMel(200) - 3) < 1e-9)
        for hz in [50.0, 440, 1000, 4000, 16000] {
            #expect(abs(MelFilterBank.melToHz(MelFilterBank.hzToMel(hz)) - hz) < 1e-6)
        }
    }

    @Test("a tone lands in the mel band whose centre is nearest")
    func toneBand() {
        let bank = MelFilterBank(bandCount: 40, fftSize: 2048, sampleRate: 44100)
        var power = [Float](repeating: 0, count: 1025)
        power[47] = 1   // bin 47 ≈ 1012 Hz
        var bands = [Float](repeating: 0, count: 40)
        power.withUnsafeBufferPointer { p in bands.withUnsafeMutableBufferPointer { bank.apply(p, into: $0) } }
        let strongest = bands.firstIndex(of: bands.max()!)!
        let centre = { (b: Int) in MelFilterBank.melToHz(MelFilterBank.hzToMel(22050) * Double(b + 1) / 41) }
        let nearest = (0..<40).min { abs(centre($0) - 1012) < abs(centre($1) - 1012) }!
        #expect(abs(strongest - nearest) <= 1)
    }

    @Test("the orthonormal DCT of a constant has only a DC term, sqrt(N) times the value")
    func dctOfConstant() {
        let dct = DCT(inputCount: 40, outputCount: 13)
        let out = dct.apply([Float](repeating: 2, count: 40))
        #expect(abs(Double(out[0]) - 2 * 40.0.squareRoot()) < 1e-4)
        for k in 1..<13 { #expect(abs(out[k]) < 1e-4) }
    }
}
