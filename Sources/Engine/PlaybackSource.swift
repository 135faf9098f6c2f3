import AudioIO

/// A file prepared for playback: streamed from disk in blocks, mapped to stereo and resampled
/// (linear interpolation) to the output rate, optionally looping. Not thread-safe: the player
/// thread owns it.
final class PlaybackSource {
    let path: String
    let outputRate: Int
    private let reader: AudioFileReader
    private let channels: Int
    private let step: Double            // source frames per output frame
    private var block: UnsafeMutableBufferPointer<Float>
    private var blockFrames = 0
    private var blockStart = 0          // source frame index of block[0]
    private var position = 0.0          // source frame position of the next output frame
    var loop = false

    init(path: String, bytes: [UInt8]? = nil, outputRate: Int) throws {
        self.path = path
        self.outputRate = outputRate
        reader = try AudioFileReader(pathBytes: bytes ?? Array(path.utf8))
        channels = reader.format.channels
        step = Double(reader.format.sampleRate) / Double(outputRate)
        block = .allocate(capacity: 4096 * channels)
    }

    deinit { block.deallocate() }

    /// Length in seconds (the header's frame count).
    var duration: Double { Double(reader.format.frames) / Double(reader.format.sampleRate) }
    /// Playback position in seconds.
    var seconds: Double { position / Double(reader.format.sampleRate) }

    /// Jumps to `seconds` (clamped).
    func seek(to seconds: Double) {
        let frame = max(0, min(Double(reader.format.frames), seconds * Double(reader.format.sampleRate)))
        position = frame
        blockFrames = 0
        blockStart = Int(frame)
        reader.seek(toFrame: blockStart)
    }

    /// Fills `out` with up to `frames` stereo frames (interleaved L R); returns how many (0 = the end).
    func render(into out: UnsafeMutableBufferPointer<Float>, frames: Int) throws -> Int {
        var produced = 0
        while produced < frames {
            let index = Int(position)
            let fraction = Float(position - Double(index))
            // make sure frames `index` and `index + 1` are in the block (or the file has ended)
            if index + 1 >= blockStart + blockFrames {
                if index >= blockStart + blockFrames || blockFrames == 0 {
                    if !(try refill(at: index)) {
                        if loop && index > 0 { seek(to: 0); continue }
                        break
                    }
                } else if !(try refillKeepingLast(at: index)) {
                    // last frame of the file: no neighbour to interpolate with
                }
            }
            let i = index - blockStart
            let j = min(i + 1, blockFrames - 1)
            let (l0, r0) = frame(i), (l1, r1) = frame(j)
            out[2 * produced] = l0 + (l1 - l0) * fraction
            out[2 * produced + 1] = r0 + (r1 - r0) * fraction
            produced += 1
            position += step
        }
        return produced
    }

    private func frame(_ i: Int) -> (Float, Float) {
        let base = i * channels
        return channels == 1 ? (block[base], block[base]) : (block[base], block[base + 1])
    }

    /// Loads a block starting at `index`; false at the end of the file.
    private func refill(at index: Int) throws -> Bool {
        if index != blockStart + blockFrames { reader.seek(toFrame: index) }
        blockStart = index
        blockFrames = try reader.read(into: block, frames: 4096)
        return blockFrames > 0
    }

    /// Loads the next block keeping frame `index` as its first, so interpolation has a neighbour.
    private func refillKeepingLast(at index: Int) throws -> Bool {
        let keep = index - blockStart
        let base = keep * channels
        for c in 0..<channels { block[c] = block[base + c] }
        let got = try reader.read(into: UnsafeMutableBufferPointer(rebasing: block[channels...]), frames: 4095)
        blockStart = index
        blockFrames = 1 + got
        return got > 0
    }
}
