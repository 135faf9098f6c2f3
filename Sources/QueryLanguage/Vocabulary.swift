extension Query {
    /// Numeric fields and the column each filters.
    public enum NumericField: String, Sendable, Equatable, CaseIterable {
        case bpm, duration = "dur", lufs, rating

        /// Half-width of the window an exact value (`bpm:128`) matches.
        public var tolerance: Double {
            switch self {
            case .bpm, .lufs: 0.5
            case .duration: 0.05
            case .rating: 0
            }
        }

        var column: String {
            switch self {
            case .bpm: "a.bpm"
            case .duration: "a.duration"
            case .lufs: "a.lufs"
            case .rating: "s.rating"
            }
        }

        /// Durations accept `s` and `ms` suffixes and print with `s`.
        var unit: String { self == .duration ? "s" : "" }
    }

    /// One-shot or loop (`type:`); raw values are the stored `analysis.kind` values.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        case loop, oneshot

        static func named(_ text: String) -> Kind? {
            let name = text.lowercased()
            return name == "one-shot" || name == "one_shot" ? .oneshot : Kind(rawValue: name)
        }
    }

    /// Instrument family (`family:`); raw values are the stored `analysis.family` values.
    public enum Family: String, Sendable, Equatable, CaseIterable {
        case kick, snare, hat, cymbal, tom, percussion, bass, leadSynth = "lead/synth", pad, vocal, fx
        case loopDrums = "loop-drums", loopMusic = "loop-music"

        static func named(_ text: String) -> Family? {
            switch text.lowercased() {
            case "lead", "synth": .leadSynth
            case "perc": .percussion
            case "hihat": .hat
            case let name: Family(rawValue: name)
            }
        }
    }

    /// File status (`status:`); raw values are the stored `sample.status` values.
    public enum Status: String, Sendable, Equatable, CaseIterable {
        case ok, missing, error, pending
    }

    /// Sortable fields (`sort:`).
    public enum SortField: String, Sendable, Equatable, CaseIterable {
        case name, path, bpm, key, duration = "dur", lufs, rating, added, family, kind = "type", size

        /// ORDER BY expressions, most significant first, and whether each ignores case.
        var expressions: [(expression: String, noCase: Bool)] {
            switch self {
            case .name: [("s.name", true)]
            case .path: [("s.displayPath", true)]
            case .bpm: [("a.bpm", false)]
            case .key: [("CAST(a.keyCamelot AS INTEGER)", false), ("a.keyCamelot", false)]  // 2A before 10A
            case .duration: [("a.duration", false)]
            case .lufs: [("a.lufs", false)]
            case .rating: [("s.rating", false)]
            case .added: [("s.addedAt", false)]
            case .family: [("a.family", false)]
            case .kind: [("a.kind", false)]
            case .size: [("s.size", false)]
            }
        }

        /// The column whose NULLs sort last, for fields from the (optional) analysis row.
        var nullableColumn: String? {
            switch self {
            case .bpm: "a.bpm"
            case .key: "a.keyCamelot"
            case .duration: "a.duration"
            case .lufs: "a.lufs"
            case .family: "a.family"
            case .kind: "a.kind"
            case .name, .path, .rating, .added, .size: nil
            }
        }
    }
}
