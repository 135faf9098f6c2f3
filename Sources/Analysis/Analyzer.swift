import AudioIO
import DSP
import Foundation

/// Runs every descriptor over one file in a single streaming pass: decode a block → mono
/// mixdown → sample-level meters and the two STFTs (2048/512 for timbre and onsets, a long
/// window for chroma), each frame computed once and handed to every frame descriptor →
/// file-level estimators (tempo, key, pitch, kind, family) → feature vector.
///
/// Memory is bounded by the block size, the per-frame onset/RMS envelopes (a few floats per
/// 512 samples) and a fixed pitch segment, so long files never sit in memory whole.
/// An `Analyzer` is cheap to create; use one per thread.
public struct Analyzer: Sendable {
    public struct Configuration: Sendable {
        public var spectrogram = SpectrogramStream.Configuration(frameSize: 2048, hopSize: 512)
        public var melBands = MFCC.bandCount
        /// Frame RMS below this (dBFS) marks a frame silent for the averaged descriptors.
        public var silentFrameDB = -60.0
        public var blockFrames = 4096
        public init() {}
    }

    public let configuration: Configuration
    public init(_ configuration: Configuration = .init()) { self.configuration = configuration }

    /// Analyses the file at `path`. Throws `AudioIOError` for unreadable or corrupt audio.
    public func analyze(path: String) throws -> AnalysisResult {
        try analyze(pathBytes: Array(path.utf8))
    }

    /// Analyses the file whose path is exactly these bytes.
    public func analyze(pathBytes: [UInt8]) throws -> AnalysisResult {
        let started = DispatchTime.now().uptimeNanoseconds
        let reader = try AudioFileReader(pathBytes: pathBytes)
        let path = reader.path
        let format = reader.format
        let rate = format.sampleRate
        let pass = AnalysisPass(configuration: configuration, channels: format.channels, sampleRate: rate)
        try reader.readAll(blockFrames: configuration.blockFrames) { block, frames in
            pass.process(interleaved: block, frames: frames)
        }
        pass.finish()
        var result = pass.result(path: path, format: reader.format)
        result.analysisSeconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        return result
    }
}
