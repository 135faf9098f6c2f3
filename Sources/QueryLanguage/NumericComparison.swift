/// A numeric condition: `128`, `<90`, `>=140`, `120..130`, `120..`, `..100`.
public enum NumericComparison: Sendable, Equatable {
    /// Equal within the field's tolerance.
    case equal(Double)
    case less(Double)
    case lessOrEqual(Double)
    case greater(Double)
    case greaterOrEqual(Double)
    /// Inclusive range; `nil` leaves that end open. At least one bound is set.
    case range(Double?, Double?)

    /// Canonical text; `unit` is appended to every number (`"s"` for durations).
    func description(unit: String) -> String {
        func text(_ value: Double?) -> String { value.map { format($0) + unit } ?? "" }
        switch self {
        case .equal(let value): return text(value)
        case .less(let value): return "<" + text(value)
        case .lessOrEqual(let value): return "<=" + text(value)
        case .greater(let value): return ">" + text(value)
        case .greaterOrEqual(let value): return ">=" + text(value)
        case .range(let lower, let upper): return text(lower) + ".." + text(upper)
        }
    }

    private func format(_ value: Double) -> String {
        // Whole numbers print without ".0"; avoids `rounded()`, which would need libm.
        abs(value) < 1e15 && Double(Int64(value)) == value ? String(Int64(value)) : String(value)
    }
}

extension NumericComparison {
    /// Parses the value of a numeric field term; `offset` is where `text` starts in the query.
    static func parse(_ text: String, field: Query.NumericField, at offset: Int) throws(QueryError) -> NumericComparison {
        if let op = [">=", "<=", ">", "<", "="].first(where: { text.hasPrefix($0) }) {
            let value = try number(String(text.dropFirst(op.count)), field: field, at: offset + op.count)
            switch op {
            case ">=": return .greaterOrEqual(value)
            case "<=": return .lessOrEqual(value)
            case ">": return .greater(value)
            case "<": return .less(value)
            default: return .equal(value)
            }
        }
        guard let dots = text.firstRange(of: "..") else {
            return .equal(try number(text, field: field, at: offset))
        }
        let lowerText = String(text[..<dots.lowerBound])
        let upperText = String(text[dots.upperBound...])
        if lowerText.isEmpty && upperText.isEmpty {
            throw QueryError(.badNumber(text, field: field.rawValue), at: offset)
        }
        let lower = lowerText.isEmpty ? nil : try number(lowerText, field: field, at: offset)
        let upperOffset = offset + lowerText.count + 2
        let upper = upperText.isEmpty ? nil : try number(upperText, field: field, at: upperOffset)
        if let lower, let upper, lower > upper { return .range(upper, lower) }
        return .range(lower, upper)
    }

    /// A plain decimal number (no `nan`, `inf` or hex); durations may end in `s` or `ms`.
    private static func number(_ text: String, field: Query.NumericField, at offset: Int) throws(QueryError) -> Double {
        var digits = Substring(text.lowercased())
        var divisor = 1.0
        if field == .duration {
            if digits.hasSuffix("ms") {
                digits = digits.dropLast(2)
                divisor = 1000
            } else if digits.hasSuffix("s") {
                digits = digits.dropLast()
            }
        }
        let allowed = Set("0123456789.+-e")
        guard let first = digits.first, first != "e", digits.allSatisfy(allowed.contains),
              let value = Double(digits), value.isFinite else {
            throw QueryError(.badNumber(text, field: field.rawValue), at: offset)
        }
        return value / divisor
    }
}
