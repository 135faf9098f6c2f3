/// Errors of the library layer, phrased for the person at the terminal.
public enum LibraryError: Error, Equatable, Sendable, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case notFound(String)
    case invalidRating(Int)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): return "cannot open the library database \(path): \(reason)"
        case .notFound(let what): return "not in the library: \(what)"
        case .invalidRating(let value): return "a rating is 0 to 5, not \(value)"
        }
    }
}
