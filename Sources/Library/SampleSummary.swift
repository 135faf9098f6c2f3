import Analysis
import Foundation
import GRDB

/// One row of a search result: what a list or table shows about a sample.
public struct SampleSummary: Sendable, Equatable, Codable {
    public var id: Int64
    public var path: String
    public var name: String
    public var status: String
    public var error: String?
    public var size: Int64
    public var contentHash: String?
    public var rating: Int
    public var favorite: Bool
    public var tags: [String]
    public var note: String?
    public var duration: Double?
    public var bpm: Double?
    public var key: String?
    public var camelot: String?
    public var pitch: String?
    public var lufs: Double?
    public var kind: String?
    public var family: String?

    /// Columns the summary is read from (alias `s` = sample, `a` = analysis).
    static let selection = """
        s.id, s.displayPath, s.name, s.status, s.error, s.size, s.contentHash, s.rating, s.favorite,
        (SELECT group_concat(tag, char(31)) FROM tag WHERE sampleId = s.id) AS tags,
        (SELECT text FROM note WHERE sampleId = s.id) AS note,
        a.duration, a.bpm, a.keyTonic, a.keyMode, a.keyCamelot, a.pitchMidi, a.pitchCents, a.lufs, a.kind, a.family
        """

    init(row: Row) {
        id = row["id"]
        path = row["displayPath"]
        name = row["name"]
        status = row["status"]
        error = row["error"]
        size = row["size"]
        contentHash = row["contentHash"]
        rating = row["rating"]
        favorite = (row["favorite"] as Int) != 0
        tags = (row["tags"] as String?).map { $0.split(separator: "\u{1F}").map(String.init).sorted() } ?? []
        note = row["note"]
        duration = row["duration"]
        bpm = row["bpm"]
        if let tonic: Int = row["keyTonic"], let mode: String = row["keyMode"] {
            key = MusicalKey.pitchClassNames[((tonic % 12) + 12) % 12] + (mode == "minor" ? "m" : "")
        }
        camelot = row["keyCamelot"]
        if let midi: Int = row["pitchMidi"] {
            pitch = MusicalKey.pitchClassNames[((midi % 12) + 12) % 12] + String(midi / 12 - 1)
        }
        lufs = row["lufs"]
        kind = row["kind"]
        family = row["family"]
    }
}
