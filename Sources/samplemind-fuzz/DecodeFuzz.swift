import Analysis
import Foundation

/// Decode and analyse mutated audio files: every input either fails with an error or gives a
/// result with a sane duration; never a crash, whatever the header claims.
enum DecodeFuzz {
    /// One scratch file per process in shared memory (libsndfile reads from a path).
    static let scratch = "/dev/shm/samplemind-fuzz-\(getpid()).wav"

    static func run(_ input: [UInt8]) {
        guard FileManager.default.createFile(atPath: scratch, contents: Data(input)) else { return }
        defer { unlink(scratch) }
        guard let result = try? Analyzer().analyze(path: scratch) else { return }
        precondition(result.durationSeconds >= 0 && result.durationSeconds.isFinite, "duration \(result.durationSeconds)")
    }
}
