/// Makes untrusted text (file names, tags, model output) harmless to print on a terminal.
///
/// C0 and C1 control characters (ESC, BEL, CSI, newlines, …), DEL, and bidirectional overrides
/// (which can make a name read backwards) are replaced by visible escapes such as `\x1b` or
/// `\u{202e}`; invalid UTF-8 bytes in a raw path become `\xNN`. Printable text, including
/// every non-Latin script, is left as is.
public enum TerminalSafe {
    /// Escapes a Swift string for display.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if isDangerous(scalar) {
                out += scalar.value < 0x100 ? "\\x" + hex(scalar.value, width: 2) : "\\u{" + hex(scalar.value, width: 4) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Escapes raw path bytes (which need not be UTF-8) for display.
    public static func escape(bytes: [UInt8]) -> String {
        var out = ""
        var index = 0
        while index < bytes.count {
            if let (scalar, length) = decodeScalar(bytes, at: index) {
                out += escape(String(Character(scalar)))
                index += length
            } else {
                out += "\\x" + hex(UInt32(bytes[index]), width: 2)
                index += 1
            }
        }
        return out
    }

    static func isDangerous(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true                  // C0, DEL, C1
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true  // bidi marks, embeddings, overrides, isolates
        default: return false
        }
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    private static func decodeScalar(_ bytes: [UInt8], at index: Int) -> (Unicode.Scalar, Int)? {
        var iterator = bytes[index...].makeIterator()
        var decoder = UTF8()
        switch decoder.decode(&iterator) {
        case .scalarValue(let scalar): return (scalar, UTF8.width(scalar))
        default: return nil
        }
    }
}
