import AudioIO
import DSP
import Foundation

/// The mutable state of one streaming analysis: every meter and descriptor, fed block by block.
/// Owned by one `Analyzer.analyze` call on one thread.
final class AnalysisPass {
    let sampleRate: Int
    let channels: Int
    let configuration: Analyzer.Configuration
    private let silentFrameMeanSquare: Float

    private var level = LevelMeter()
    private var loudness: LoudnessMeter
    private var spectral: SpectralShape
    private var mfcc = MFCC()
    private var onsets = OnsetDetector()
    private var slowChanges: SlowChangeDetector
    private var envelope: EnvelopeAnalyzer
    private var chroma: Chromagram
    private let mel: MelFilterBank
    private var melBands: [Float]   // per frame: mel band levels in dB
    private var frameRMS: [Float] = []
    private var lowBandRMS: [Float] = []   // per frame: RMS below AccentDensity.lowBandHz
    private let lowBandBins: Int
    private var spectrogram: SpectrogramStream!
    private var tonalSpectrogram: SpectrogramStream!
    private let frameNormalization: Float

    private var mono: [Float]
    private var zeroCrossings = 0
    private var lastSign = false
    private var monoSamples = 0

    private let pitchSegmentLength: Int
    /// The note's first `noteSeconds` from `pitchCaptureStart` (an index into the mono signal): both
    /// pitch segments come from them.
    private let noteLength: Int
    private var note: [Float] = []
    private var pitchCaptureStart: Int?
    private let pitchThreshold: Float = 0.001   // −60 dBFS

    init(configuration: Analyzer.Configuration, channels: Int, sampleRate: Int) {
        self.configuration = configuration
        self.channels = channels
        self.sampleRate = sampleRate
        let frameSize = configuration.spectrogram.frameSize
        loudness = LoudnessMeter(channels: channels, sampleRate: sampleRate)
        spectral = SpectralShape(fftSize: frameSize, sampleRate: sampleRate)
        envelope = EnvelopeAnalyzer(sampleRate: sampleRate)
        mel = MelFilterBank(bandCount: configuration.melBands, fftSize: frameSize, sampleRate: Double(sampleRate))
        melBands = [Float](repeating: 0, count: configuration.melBands)
        slowChanges = SlowChangeDetector(lagFrames: Int((Self.swellLagSeconds * Double(sampleRate)
            / Double(configuration.spectrogram.hopSize)).rounded()))
        var tonalSize = 1024
        while Double(tonalSize) < Double(sampleRate) * 0.37 { tonalSize <<= 1 }
        chroma = Chromagram(fftSize: tonalSize, sampleRate: sampleRate)
        mono = [Float](repeating: 0, count: configuration.blockFrames)
        silentFrameMeanSquare = Float(pow(10, configuration.silentFrameDB / 10))
        // Parseval for a one-sided power spectrum of a Hann-windowed frame → mean square of the frame.
        frameNormalization = 2 / (Float(frameSize) * Window.energy(Window.sharedHann(frameSize)))
        lowBandBins = min(frameSize / 2 + 1,
                          Int((AccentDensity.lowBandHz * Double(frameSize) / Double(sampleRate)).rounded()))
        pitchSegmentLength = PitchEstimator.segmentLength(sampleRate: sampleRate)
        noteLength = Int(Self.noteSeconds * Double(sampleRate))
        spectrogram = SpectrogramStream(configuration.spectrogram) { [unowned self] power, _ in
            self.onFrame(power)
        }
        tonalSpectrogram = SpectrogramStream(.init(frameSize: tonalSize, hopSize: tonalSize)) { [unowned self] power, _ in
            self.chroma.process(power)
        }
    }

    func process(interleaved: UnsafeBufferPointer<Float>, frames: Int) {
        if mono.count < frames { mono = [Float](repeating: 0, count: frames) }
        mono.withUnsafeMutableBufferPointer { out in
            MonoMixdown.mix(interleaved, frames: frames, channels: channels, into: out.baseAddress!)
        }
        mono.withUnsafeBufferPointer { all in
            let block = UnsafeBufferPointer(rebasing: all[0..<frames])
            level.process(interleaved: interleaved, mono: block)
            loudness.process(interleaved: interleaved)
            envelope.process(mono: block)
            spectrogram.process(block)
            tonalSpectrogram.process(block)
            countZeroCrossings(block)
            captureNote(block)
        }
        monoSamples += frames
    }

    func finish() {
        spectrogram.finish()
        tonalSpectrogram.finish()
    }

    private func onFrame(_ power: UnsafeBufferPointer<Float>) {
        let split = min(lowBandBins, power.count)
        var lowBand: Float = 0
        for bin in 0..<split { lowBand += power[bin] }
        var total = lowBand
        for bin in split..<power.count { total += power[bin] }
        let meanSquare = total * frameNormalization
        frameRMS.append(meanSquare.squareRoot())
        lowBandRMS.append((lowBand * frameNormalization).squareRoot())
        let silent = meanSquare < silentFrameMeanSquare
        melBands.withUnsafeMutableBufferPointer { bands in
            mel.apply(power, into: bands)
            for band in 0..<bands.count { bands[band] = 10 * log10(max(bands[band], 1e-10)) }
        }
        melBands.withUnsafeBufferPointer { decibels in
            mfcc.process(melDecibels: decibels, isSilent: silent)
            onsets.process(melDecibels: decibels)
            slowChanges.process(melDecibels: decibels)
        }
        spectral.process(power, isSilent: silent)
    }

    private func countZeroCrossings(_ block: UnsafeBufferPointer<Float>) {
        guard let first = block.first else { return }
        var count = monoSamples > 0 && (first >= 0) != lastSign ? 1 : 0
        var previous = first >= 0
        for i in 1..<max(1, block.count) {
            let current = block[i] >= 0
            count &+= current != previous ? 1 : 0
            previous = current
        }
        lastSign = previous
        zeroCrossings += count
    }

    /// Keeps the note's samples from 20 ms after the first non-silent sample, for pitch estimation.
    private func captureNote(_ block: UnsafeBufferPointer<Float>) {
        guard note.count < noteLength else { return }
        if pitchCaptureStart == nil, let first = block.firstIndex(where: { abs($0) >= pitchThreshold }) {
            pitchCaptureStart = monoSamples + first + sampleRate / 50
        }
        guard let start = pitchCaptureStart else { return }
        let from = max(0, start - monoSamples)
        guard from < block.count else { return }
        let take = min(block.count - from, noteLength - note.count)
        note.append(contentsOf: block[from..<(from + take)])
    }

    func result(path: String, format: AudioFormat) -> AnalysisResult {
        let duration = Double(monoSamples) / Double(sampleRate)
        let hopSeconds = Double(configuration.spectrogram.hopSize) / Double(sampleRate)
        let fps = 1 / hopSeconds
        let levelResult = level.result(sampleRate: sampleRate)
        let spectralResult = spectral.result(
            zeroCrossingRate: monoSamples > 1 ? Double(zeroCrossings) / Double(monoSamples - 1) : 0)
        let frameSize = configuration.spectrogram.frameSize
        let decayedAtEnd = Self.endLevelDB(frameRMS: frameRMS, frameSize: frameSize,
                                           hopSize: configuration.spectrogram.hopSize, samples: monoSamples)
            < Self.decayedEndDB
        let padded = Self.paddedEndFrames(frames: onsets.envelope.count, samples: monoSamples, frameSize: frameSize,
                                          hopSize: configuration.spectrogram.hopSize)
        let onsetResult = onsets.result(
            framesPerSecond: fps, hopSeconds: hopSeconds, durationSeconds: duration,
            paddedEndFrames: padded, droppingCutAfter: decayedAtEnd ? Double(frameSize) / Double(sampleRate) : nil)
        let envelopeResult = envelope.result(frameRMS: frameRMS, hopSeconds: hopSeconds)
        let chromaVector = chroma.normalized
        let chords = ChordSequence(frames: chroma.frames)
        let key = KeyEstimator().estimate(chroma: chromaVector, bass: chroma.bassNormalized,
                                          openingBass: chroma.openingBassNormalized, chords: chords,
                                          tuningCoherence: chroma.tuningCoherence, flatness: spectralResult.flatness)
        let tempoEstimator = TempoEstimator(key == nil ? .drums : .init())
        let harmonic = tempoEstimator.isHarmonic(keyFound: key != nil, onsetsPerSecond: onsetResult.rate)
        // Only harmonic material's tempo asks where a held sound's fade begins.
        let heldEnd = harmonic ? HeldEnd.seconds(
            frameRMS: Array(frameRMS.prefix(Self.wholeFrames(samples: monoSamples, frameSize: frameSize,
                                                             hopSize: configuration.spectrogram.hopSize))),
            hopSeconds: hopSeconds, frameSeconds: Double(frameSize) / Double(sampleRate)) : nil
        let tempoEstimate = tempoEstimator.estimate(
            envelope: onsets.envelope, frameRMS: frameRMS, lowBandRMS: lowBandRMS, framesPerSecond: fps,
            durationSeconds: duration, trailingSilenceSeconds: levelResult.silenceTailSeconds, harmonic: harmonic,
            onsetTimes: onsetResult.timesSeconds, heldEndSeconds: heldEnd,
            onsetLeadFrames: frameSize / configuration.spectrogram.hopSize - 1)
        let sounding = duration - levelResult.silenceHeadSeconds - levelResult.silenceTailSeconds
        let swells = slowChanges.swellTimes(framesPerSecond: fps, startSeconds: levelResult.silenceHeadSeconds,
                                            paddedEndFrames: padded)
        let kind = KindClassifier().classify(.init(
            durationSeconds: duration, soundingSeconds: sounding,
            onsetTimes: onsetResult.timesSeconds, tempo: tempoEstimate,
            onsetLevelsDB: Self.levelsAfter(onsetResult.timesSeconds, frameRMS: frameRMS, hopSeconds: hopSeconds),
            silenceHeadSeconds: levelResult.silenceHeadSeconds,
            swellTimes: swells, swellLevelsDB: Self.levelsAfter(swells, frameRMS: frameRMS, hopSeconds: hopSeconds),
            pitchClasses: chroma.frames, keyedProgression: key != nil && chords.holdsProgression,
            keyedChordChange: key != nil && Self.changesChordAtFullLevel(
                chords, frameSeconds: chroma.frames.frameSeconds, startSeconds: levelResult.silenceHeadSeconds,
                frameRMS: frameRMS, hopSeconds: hopSeconds)))
        let pitch = kind.kind == .oneshot && spectralResult.flatness < 0.3
            ? PitchEstimator().estimate(segment: Array(note.prefix(pitchSegmentLength)), later: laterPitchSegment(),
                                        sampleRate: sampleRate) : nil
        let family = FamilyClassifier().classify(.init(
            kind: kind.kind, durationSeconds: duration, centroidHz: spectralResult.centroidHz,
            rolloffHz: spectralResult.rolloffHz, flatness: spectralResult.flatness,
            attackSeconds: envelopeResult.attackSeconds, decaySeconds: envelopeResult.decaySeconds,
            temporalCentroidSeconds: envelopeResult.temporalCentroidSeconds,
            silenceHeadSeconds: levelResult.silenceHeadSeconds, silenceTailSeconds: levelResult.silenceTailSeconds,
            pitch: pitch, key: key))
        let tempo = kind.kind == .loop ? tempoEstimate : nil
        let loudnessResult = loudness.result()
        let features = FeatureVectorBuilder.build(
            duration: duration, level: levelResult, loudness: loudnessResult, spectral: spectralResult,
            mfcc: mfcc.result(), envelope: envelopeResult, onsets: onsetResult, tempo: tempo,
            pitch: pitch, key: key, chroma: chromaVector)
        return AnalysisResult(
            path: path, format: format, durationSeconds: duration, level: levelResult,
            loudness: loudnessResult, spectral: spectralResult, mfcc: mfcc.result(),
            envelope: envelopeResult, onsets: onsetResult, tempo: tempo, chroma: chromaVector, key: key,
            pitch: pitch, kind: kind.kind, kindConfidence: kind.confidence, family: family,
            features: features, versions: AlgorithmVersion.all, analysisSeconds: 0)
    }

    /// Seconds of a note kept for its pitch, from just after its attack: the later pitch segment lies within.
    static let noteSeconds = 6.0
    /// The later pitch segment ends where the note last sounds within this of its loudest frame, dB.
    static let laterSegmentFloorDB = -20.0

    /// The stretch of the kept note, a pitch segment long, that ends with the last STFT frame within
    /// `laterSegmentFloorDB` of the loudest frame (for `PitchEstimator.estimate(segment:later:sampleRate:)`);
    /// nil when it would begin less than half a segment after the note's first, or there is no note.
    private func laterPitchSegment() -> [Float]? {
        guard let start = pitchCaptureStart else { return nil }
        return Self.laterSegment(of: note, startingAt: start, length: pitchSegmentLength, frameRMS: frameRMS,
                                 hopSize: configuration.spectrogram.hopSize,
                                 frameSize: configuration.spectrogram.frameSize).map(Array.init)
    }

    /// See `laterPitchSegment`: `note` holds the signal's samples from index `start` on, and frame i of
    /// `frameRMS` spans samples i·hopSize ..< i·hopSize + frameSize of the signal.
    static func laterSegment(of note: [Float], startingAt start: Int, length: Int, frameRMS: [Float],
                             hopSize: Int, frameSize: Int) -> ArraySlice<Float>? {
        guard let loudest = frameRMS.max(), loudest > 0 else { return nil }
        let floor = loudest * Float(pow(10, laterSegmentFloorDB / 20))
        guard let last = frameRMS.lastIndex(where: { $0 >= floor }) else { return nil }
        let end = min(last * hopSize + frameSize - start, note.count)
        guard end - length >= length / 2 else { return nil }
        return note[(end - length)..<end]
    }

    /// The lag over which `SlowChangeDetector` measures a swell, seconds.
    static let swellLagSeconds = 0.3

    /// How many STFT frames (hop `hopSize`, starting at sample 0) lie wholly inside `samples` samples.
    static func wholeFrames(samples: Int, frameSize: Int, hopSize: Int) -> Int {
        samples >= frameSize ? (samples - frameSize) / hopSize + 1 : 0
    }

    /// How many of `frames` STFT frames run past the end of `samples` samples and are zero-padded;
    /// frame 0 never counts.
    static func paddedEndFrames(frames: Int, samples: Int, frameSize: Int, hopSize: Int) -> Int {
        max(0, frames - max(1, wholeFrames(samples: samples, frameSize: frameSize, hopSize: hopSize)))
    }

    /// A file whose last whole frame is this far below its loudest frame had decayed before it ends
    /// (dB): one-shots end at −18 dB or lower, sustained loops near 0 dB.
    static let decayedEndDB = -12.0

    /// The level of the last frame that lies wholly inside the file, dB re the loudest frame
    /// (`Decibels.floor` for silence or a file shorter than a frame).
    static func endLevelDB(frameRMS: [Float], frameSize: Int, hopSize: Int, samples: Int) -> Double {
        guard samples >= frameSize, let loudest = frameRMS.max(), loudest > 0 else { return Decibels.floor }
        let last = min(frameRMS.count - 1, wholeFrames(samples: samples, frameSize: frameSize, hopSize: hopSize) - 1)
        return Decibels.fromAmplitude(Double(frameRMS[last]) / Double(loudest))
    }

    /// Whether `chords` alternate two chords (`ChordSequence.twoChordChange`) and the second one, a
    /// chord frame after it begins (its frames counted from `startSeconds`; a chord frame is coarse, and
    /// the first may still hold the first chord's tail), sounds within `KindClassifier.comeBackDB` of the
    /// loudest level.
    static func changesChordAtFullLevel(_ chords: ChordSequence, frameSeconds: Double, startSeconds: Double,
                                        frameRMS: [Float], hopSeconds: Double) -> Bool {
        guard let change = chords.twoChordChange else { return false }
        let at = startSeconds + Double(change + 1) * frameSeconds
        return (levelsAfter([at], frameRMS: frameRMS, hopSeconds: hopSeconds).first ?? Decibels.floor)
            >= KindClassifier.comeBackDB
    }

    /// Seconds after an onset in which its level is measured.
    static let onsetLevelSeconds = 0.25

    /// For each onset time, the loudest frame RMS in the `onsetLevelSeconds` after it, dB re the
    /// loudest frame of the file (`Decibels.floor` … 0).
    static func levelsAfter(_ times: [Double], frameRMS: [Float], hopSeconds: Double) -> [Double] {
        guard let loudest = frameRMS.max(), loudest > 0 else { return times.map { _ in Decibels.floor } }
        let window = Int(onsetLevelSeconds / hopSeconds) + 1
        return times.map { time in
            let first = min(frameRMS.count - 1, max(0, Int(time / hopSeconds)))
            let level = frameRMS[first..<min(frameRMS.count, first + window)].max() ?? 0
            return Decibels.fromAmplitude(Double(level) / Double(loudest))
        }
    }
}
