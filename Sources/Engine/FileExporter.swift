import Glibc
import Library

/// Copies samples into a folder by their exact path bytes, so names that are not valid UTF-8
/// export too. Never overwrites: a file of the same name already in the folder is left alone.
/// Only the destination is written; a failed copy removes its partial file.
public enum FileExporter {
    public enum Outcome: Equatable, Sendable {
        case copied
        /// The folder already holds a file of that name; nothing was written.
        case alreadyThere
    }

    public struct Failure: Error, CustomStringConvertible {
        /// The path that failed (display form) and the system's reason.
        public var path: String
        public var reason: String
        public var description: String { "\(path): \(reason)" }
    }

    /// Copies `source` into `folder` (which must exist) under its own file name.
    public static func copy(_ source: RawPath, into folder: RawPath) throws -> Outcome {
        let destination = folder.appending(source.name.bytes)
        let input = source.withCString { open($0, O_RDONLY | O_CLOEXEC) }
        guard input >= 0 else { throw failure(source) }
        defer { close(input) }
        let output = destination.withCString { open($0, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644) }
        if output < 0 {
            if errno == EEXIST { return .alreadyThere }
            throw failure(destination)
        }
        do {
            try pump(from: input, source: source, to: output, destination: destination)
            guard close(output) == 0 else { throw failure(destination) }
        } catch {
            close(output)
            _ = destination.withCString { unlink($0) }
            throw error
        }
        return .copied
    }

    private static func pump(from input: Int32, source: RawPath, to output: Int32, destination: RawPath) throws {
        let capacity = 1 << 16
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)
        defer { buffer.deallocate() }
        while true {
            let count = read(input, buffer, capacity)
            if count < 0 {
                if errno == EINTR { continue }
                throw failure(source)
            }
            if count == 0 { return }
            var written = 0
            while written < count {
                let step = write(output, buffer + written, count - written)
                if step < 0 {
                    if errno == EINTR { continue }
                    throw failure(destination)
                }
                written += step
            }
        }
    }

    private static func failure(_ path: RawPath) -> Failure {
        Failure(path: path.display, reason: String(cString: strerror(errno)))
    }
}
