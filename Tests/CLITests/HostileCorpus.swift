import AudioIO
import Foundation
import Glibc
import Synthesis
import TestSupport

/// The corpus of `scripts/make_hostile_corpus.py` (without its 2-hour file), written for one
/// test and scanned the way a user would: as an unprivileged user, so that the unreadable file
/// and folder really are unreadable (CI runs as root, which reads everything).
final class HostileCorpus: @unchecked Sendable {
    // @unchecked: owned by one test.
    let dir = TemporaryDirectory(prefix: "samplemind-hostile")
    let manifest: [String: Any]
    var lib: String { dir.file("corpus/lib") }
    var db: String { dir.file("db.sqlite") }

    /// The repository's root, found from this file's path.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// Runs the next command as `nobody` when the tests run as root.
    static let asUser = getuid() == 0 ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []

    init() throws {
        // FLAC/OGG/MP3 sources written with libsndfile, so the script needs no converter tool
        try FileManager.default.createDirectory(atPath: dir.file("sources"), withIntermediateDirectories: true)
        let tone = Signals.tone(midi: 57, seconds: 2)
        for (name, encoding) in [("flac", AudioFileWriter.Encoding.flac16), ("ogg", .oggVorbis), ("mp3", .mp3)] {
            try Fixtures.writeStereo(tone, in: dir, name: "sources/source.\(name)", encoding: encoding)
        }
        // umask 022: the unprivileged scanner must be able to read what is not meant to be unreadable
        let made = try TimedRun.run(["/bin/sh", "-c", "umask 022; exec python3 \"$@\"", "sh",
                                     HostileCorpus.repository + "/scripts/make_hostile_corpus.py", dir.file("corpus"),
                                     "--no-long", "--sources", dir.file("sources")], timeout: 60)
        guard made.status == 0 else { throw CorpusError.generator(made.stderr) }
        let data = try Data(contentsOf: URL(fileURLWithPath: dir.file("corpus/manifest.json")))
        manifest = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        chmod(dir.path, 0o777)   // the unprivileged scanner writes its database here
    }

    deinit {
        // give the folder back its permissions so it can be removed when the tests do not run as root
        chmod(dir.file("corpus/lib/locked-folder"), 0o755)
    }

    enum CorpusError: Error { case generator(String) }

    func count(_ kind: String) -> Int { (manifest["kinds"] as? [String: Int])?[kind] ?? 0 }

    /// Files a scan can reach: everything but what sits in the unreadable folder.
    var reachableFiles: Int { (manifest["files"] as? Int ?? 0) - count("in-unreadable-folder") }

    /// `samplemind scan` over the corpus as the unprivileged user, with a generous stall bound.
    func scan() throws -> TimedRun {
        try TimedRun.run(HostileCorpus.asUser + [Built.samplemind, "scan", "--db", db, "--json", lib], timeout: 120)
    }

    /// Every sample as the JSON objects of `search --json`.
    func samples() throws -> [[String: Any]] {
        let run = try TimedRun.run([Built.samplemind, "search", "--db", db, "--json", "--limit", "100000"], timeout: 30)
        return run.output.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }
}

/// What a terminal would act on in `data` instead of showing: C0 controls other than the line
/// feed, DEL, C1 controls, bidirectional overrides and isolates; and bytes that are not UTF-8.
func terminalHazards(_ data: Data, allowing allowed: Set<UInt8> = [0x0A]) -> [String] {
    var found: [String] = []
    for byte in data where (byte < 0x20 && !allowed.contains(byte)) || byte == 0x7F {
        found.append(String(format: "byte 0x%02x", byte))
    }
    guard let text = String(validating: data, as: UTF8.self) else { return found + ["invalid UTF-8"] }
    for scalar in text.unicodeScalars {
        switch scalar.value {
        case 0x80...0x9F, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
            found.append(String(format: "U+%04X", scalar.value))
        default: continue
        }
    }
    return found
}

