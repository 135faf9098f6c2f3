extension Query {
    public enum KeyMode: String, Sendable, Equatable, CaseIterable {
        case major, minor
    }

    /// A musical-key filter. Letter names and Open Key codes become `.tonic`; Camelot codes
    /// stay `.camelot` and match the stored Camelot column.
    public enum KeyFilter: Sendable, Equatable, CustomStringConvertible {
        /// Pitch class of the tonic (0 = C … 11 = B); `nil` mode matches major and minor.
        case tonic(Int, mode: KeyMode?)
        /// Camelot wheel code: 1…12 with A (minor) or B (major).
        case camelot(Int, mode: KeyMode)

        static let sharpNames = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"]

        public var description: String {
            switch self {
            case .tonic(let tonic, let mode):
                KeyFilter.sharpNames[tonic] + (mode == .minor ? "m" : mode == .major ? "maj" : "")
            case .camelot(let number, let mode):
                "\(number)\(mode == .minor ? "A" : "B")"
            }
        }
    }
}

extension Query.KeyFilter {
    /// Parses `Am`, `A`, `F#m`, `Bbmaj`, `Eb`, `8A` (Camelot) or `1m`/`2d` (Open Key).
    /// Suffixes are case-insensitive: `m`/`min`/`minor`, `maj`/`major`.
    static func parse(_ text: String, at offset: Int) throws(QueryError) -> Query.KeyFilter {
        guard let key = wheelCode(text) ?? letterName(text) else {
            throw QueryError(.unknownValue(text, field: "key"), at: offset)
        }
        return key
    }

    /// `8A` (Camelot) or `1m` / `2d` (Open Key: 1d = C major, 1m = A minor, +1 per fifth up).
    private static func wheelCode(_ text: String) -> Query.KeyFilter? {
        let lower = text.lowercased()
        guard let suffix = lower.last, let number = Int(lower.dropLast()), (1...12).contains(number),
              lower.first?.isASCII == true, lower.first?.isNumber == true else { return nil }
        let fifths = 7 * (number - 1)
        switch suffix {
        case "a": return .camelot(number, mode: .minor)
        case "b": return .camelot(number, mode: .major)
        case "d": return .tonic(fifths % 12, mode: .major)
        case "m": return .tonic((9 + fifths) % 12, mode: .minor)
        default: return nil
        }
    }

    /// A letter, an optional `#`/`♯` or `b`/`♭`, then an optional mode suffix.
    private static func letterName(_ text: String) -> Query.KeyFilter? {
        let naturals: [Character: Int] = ["c": 0, "d": 2, "e": 4, "f": 5, "g": 7, "a": 9, "b": 11]
        var rest = Substring(text.lowercased())
        guard let letter = rest.popFirst(), let natural = naturals[letter] else { return nil }
        var tonic = natural
        if rest.first == "#" || rest.first == "♯" {
            tonic += 1
            rest = rest.dropFirst()
        } else if rest.first == "b" || rest.first == "♭" {
            tonic += 11
            rest = rest.dropFirst()
        }
        let mode: Query.KeyMode?
        switch rest {
        case "": mode = nil
        case "m", "min", "minor": mode = .minor
        case "maj", "major": mode = .major
        default: return nil
        }
        return .tonic(tonic % 12, mode: mode)
    }
}
