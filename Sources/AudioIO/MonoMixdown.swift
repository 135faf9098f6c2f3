/// Averages interleaved channels into one mono signal (equal weights, so a mono source copied
/// to both channels keeps its level).
public enum MonoMixdown {
    /// Writes `frames` mono samples of the interleaved `block` into `out` (which must hold them).
    @inlinable
    public static func mix(_ block: UnsafeBufferPointer<Float>, frames: Int, channels: Int,
                           into out: UnsafeMutablePointer<Float>) {
        if channels == 1 {
            out.update(from: block.baseAddress!, count: frames)
            return
        }
        if channels == 2 {
            for frame in 0..<frames { out[frame] = 0.5 * (block[2 * frame] + block[2 * frame + 1]) }
            return
        }
        let scale = 1 / Float(channels)
        for frame in 0..<frames {
            var sum: Float = 0
            let base = frame * channels
            for channel in 0..<channels { sum += block[base + channel] }
            out[frame] = sum * scale
        }
    }

    /// Appends the mono mixdown of `block` to `mono`.
    public static func append(_ block: UnsafeBufferPointer<Float>, frames: Int, channels: Int,
                              to mono: inout [Float]) {
        let start = mono.count
        mono.append(contentsOf: repeatElement(0, count: frames))
        mono.withUnsafeMutableBufferPointer { buffer in
            mix(block, frames: frames, channels: channels, into: buffer.baseAddress! + start)
        }
    }
}
