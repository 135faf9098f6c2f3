/// A musical key with its DJ-software names.
public struct MusicalKey: Sendable, Equatable, Codable {
    public enum Mode: String, Sendable, Codable { case major, minor }

    public static let pitchClassNames = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"]

    /// Pitch class of the tonic, 0 = C.
    public var tonicPitchClass: Int
    public var mode: Mode

    public init(tonicPitchClass: Int, mode: Mode) {
        self.tonicPitchClass = ((tonicPitchClass % 12) + 12) % 12
        self.mode = mode
    }

    public var tonicName: String { MusicalKey.pitchClassNames[tonicPitchClass] }
    /// "A minor", "C# major".
    public var name: String { "\(tonicName) \(mode.rawValue)" }
    /// Short form: "Am", "C#".
    public var shortName: String { tonicName + (mode == .minor ? "m" : "") }

    /// Camelot wheel code: 8B = C major, 8A = A minor; +1 per fifth up.
    public var camelot: String {
        // Position of the tonic on the circle of fifths, counted from C (major) or A (minor).
        let reference = mode == .major ? 0 : 9
        let fifths = ((tonicPitchClass - reference) * 7 % 12 + 12) % 12
        let number = (fifths + 7) % 12 + 1
        return "\(number)\(mode == .major ? "B" : "A")"
    }

    /// Open Key notation: 1d = C major, 1m = A minor; +1 per fifth up.
    public var openKey: String {
        let reference = mode == .major ? 0 : 9
        let fifths = ((tonicPitchClass - reference) * 7 % 12 + 12) % 12
        return "\(fifths + 1)\(mode == .major ? "d" : "m")"
    }
}
