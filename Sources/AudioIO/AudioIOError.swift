/// Errors from decoding or encoding audio, carrying the file and libsndfile's own message.
public enum AudioIOError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be opened as audio (missing, unreadable, not audio, unsupported codec).
    case openFailed(path: String, reason: String)
    /// The header claims something no real file has (0 Hz, absurd channel counts).
    case implausibleFormat(path: String, reason: String)
    /// Decoding stopped with an error part-way through the stream.
    case decodeFailed(path: String, framesRead: Int, reason: String)
    /// The stream ended well before its header said it would.
    case truncated(path: String, framesRead: Int, framesExpected: Int)
    /// A file could not be written.
    case writeFailed(path: String, reason: String)

    /// The path the error is about.
    public var path: String {
        switch self {
        case .openFailed(let path, _), .implausibleFormat(let path, _), .decodeFailed(let path, _, _),
             .truncated(let path, _, _), .writeFailed(let path, _):
            return path
        }
    }

    /// A one-line reason without the path, for tables and logs that print the path themselves.
    public var reason: String {
        switch self {
        case .openFailed(_, let reason): return reason
        case .implausibleFormat(_, let reason): return "implausible header: \(reason)"
        case .decodeFailed(_, let frames, let reason): return "decode error after \(frames) frames: \(reason)"
        case .truncated(_, let read, let expected):
            return "truncated: header promises \(expected) frames, only \(read) could be decoded"
        case .writeFailed(_, let reason): return "cannot write: \(reason)"
        }
    }

    public var description: String { "\(path): \(reason)" }
}
