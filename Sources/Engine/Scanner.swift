import Foundation
import Glibc
import Library

/// Brings the library in line with the folders on disk, incrementally:
/// an unchanged file (same size and mtime) costs one `stat`; a changed one is re-hashed and
/// queued for analysis; a new file whose content matches a missing one is a move (its tags,
/// rating and notes follow); a file that disappeared is marked missing, never deleted; a root
/// that is not there at all is marked offline with its samples missing.
/// The scanner never writes to the folders it scans.
public struct Scanner {
    public var includeHidden = false
    public var batchSize = 500
    public init(includeHidden: Bool = false) { self.includeHidden = includeHidden }

    /// Scans `roots` into `library`; `progress` is called as files are found.
    public func scan(_ roots: [RawPath], into library: SampleLibrary,
                     progress: (Progress) -> Void = { _ in }) throws -> ScanSummary {
        var summary = ScanSummary()
        let started = Date()
        for root in roots {
            let rootId = try library.ensureRoot(root)
            let known = try library.knownFiles(rootId: rootId)
            guard isReachableFolder(root) else {
                summary.missing += try markOffline(rootId, in: library)
                summary.offlineRoots.append(root.display)
                continue
            }
            try scanRoot(root, rootId: rootId, known: known, library: library, summary: &summary,
                         started: started, progress: progress)
            if isReachableFolder(root) {
                try library.setRoot(rootId, online: true)
            } else {   // pulled while it was being walked
                try markOffline(rootId, in: library)
                summary.offlineRoots.append(root.display)
            }
        }
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    /// After analysis: marks each of `roots` that is no longer there (a drive pulled mid-scan)
    /// offline with its samples missing, and returns the display paths of those roots.
    public func markUnreachable(_ roots: [RawPath], in library: SampleLibrary) throws -> [String] {
        var offline: [String] = []
        for root in roots where !isReachableFolder(root) {
            try markOffline(try library.ensureRoot(root), in: library)
            offline.append(root.display)
        }
        return offline
    }

    /// Marks a root offline and its present samples missing (kept, with their tags); returns how many.
    @discardableResult
    private func markOffline(_ rootId: Int64, in library: SampleLibrary) throws -> Int {
        try library.setRoot(rootId, online: false)
        let changes = try library.knownFiles(rootId: rootId).values.filter { $0.status != "missing" }
            .map { ScanChange.missing(id: $0.id) }
        try library.apply(changes)
        return changes.count
    }

    private func isReachableFolder(_ path: RawPath) -> Bool {
        var info = stat()
        return path.withCString { stat($0, &info) } == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    private func scanRoot(_ root: RawPath, rootId: Int64, known: [RawPath: KnownFile], library: SampleLibrary,
                          summary: inout ScanSummary, started: Date, progress: (Progress) -> Void) throws {
        var changes: [ScanChange] = []
        func flush(force: Bool = false) throws {
            if force || changes.count >= batchSize {
                try library.apply(changes)
                changes.removeAll(keepingCapacity: true)
            }
        }
        var seen = Set<Int64>()   // ids of known files found again
        var newFiles: [DirectoryWalker.Entry] = []
        var found = 0
        // 1. Walk: unchanged files cost one stat; changed ones are re-hashed.
        var walkError: (any Error)?
        DirectoryWalker(includeHidden: includeHidden).walk(root, onFile: { entry in
            guard walkError == nil else { return }
            found += 1
            if found % 1000 == 0 {
                let elapsed = max(Date().timeIntervalSince(started), 1e-3)
                progress(Progress(phase: "scanning", done: found, total: found, rate: Double(found) / elapsed, eta: nil))
            }
            if let file = known[entry.path] {
                seen.insert(file.id)
                // a file never hashed (it was unreadable) is read again even when unchanged
                if file.size == entry.size && file.mtime == entry.mtime && file.contentHash != nil {
                    if file.status == "missing" {
                        changes.append(.restored(id: file.id))
                        summary.restored += 1
                    } else {
                        summary.unchanged += 1
                    }
                } else {
                    do {
                        let hash = try ContentHasher.hash(entry.path)
                        changes.append(.contentChanged(id: file.id, size: entry.size, mtime: entry.mtime, contentHash: hash))
                        summary.changed += 1
                    } catch {
                        summary.record(entry.path, "\(error)")
                    }
                }
            } else if AudioSniffer.isCandidate(entry.path) {
                newFiles.append(entry)
            }
            do { try flush() } catch { walkError = error }
        }, onError: { path, reason in summary.record(path, reason) })
        if let walkError { throw walkError }

        // 2. What disappeared becomes missing (kept with its tags).
        for file in known.values where !seen.contains(file.id) && file.status != "missing" {
            changes.append(.missing(id: file.id))
            summary.missing += 1
        }
        try flush(force: true)

        // 3. New paths: hash, then either a move of a missing sample with that content, or new.
        var hashed: [(DirectoryWalker.Entry, String)] = []
        for entry in newFiles {
            do {
                hashed.append((entry, try ContentHasher.hash(entry.path)))
            } catch {
                changes.append(.insertUnreadable(path: entry.path, rootId: rootId, size: entry.size,
                                                 mtime: entry.mtime, reason: "\(error)"))
                summary.record(entry.path, "\(error)")
                summary.added += 1
            }
        }
        var movable = try library.missingFiles(withHashes: Set(hashed.map(\.1)))
        for (entry, hash) in hashed {
            if var candidates = movable[hash], !candidates.isEmpty {
                let previous = candidates.removeFirst()
                movable[hash] = candidates
                changes.append(.moved(id: previous.id, to: entry.path, rootId: rootId, size: entry.size, mtime: entry.mtime))
                summary.moved += 1
                if let earlier = known[previous.path], earlier.status != "missing" {
                    summary.missing -= 1   // counted above as missing; it moved
                }
            } else {
                changes.append(.insert(path: entry.path, rootId: rootId, size: entry.size, mtime: entry.mtime,
                                       contentHash: hash))
                summary.added += 1
            }
            try flush()
        }
        try flush(force: true)
    }
}
