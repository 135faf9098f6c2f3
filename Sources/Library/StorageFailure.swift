import GRDB

/// Plain-language explanations of the ways writing the library database can fail for reasons
/// outside SampleMind (a full disk, a read-only file, a failing drive), for the person at the
/// terminal. Every write is one transaction, so the explanation can promise what is kept.
public enum StorageFailure {
    /// What went wrong and what to do, or nil when `error` is not a storage failure.
    public static func explanation(of error: any Error) -> String? {
        guard let error = error as? DatabaseError else { return nil }
        let kept = "The change in progress was rolled back; everything saved before it is intact."
        switch error.resultCode {
        case .SQLITE_FULL:
            return "the disk holding the library database is full. \(kept) Free some space and run the command again."
        case .SQLITE_READONLY:
            return "the library database is read-only (check its file and folder permissions). \(kept)"
        case .SQLITE_IOERR:
            return "the disk holding the library database reported an I/O error (\(error.message ?? "no detail")). \(kept)"
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return "the library database file is damaged or is not a SampleMind database (\(error.message ?? "no detail"))."
        default:
            return nil
        }
    }
}
