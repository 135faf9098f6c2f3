/// The size of one part when splitting a ``Rect``.
public enum LayoutSize: Hashable, Sendable {
    /// Exactly this many cells (less if the space runs out).
    case fixed(Int)
    /// This fraction (0…1) of the whole length, rounded.
    case fraction(Double)
    /// A share of what `fixed` and `fraction` parts leave, by weight.
    case fill(weight: Int)
}

extension Rect {
    /// Splits the width into side-by-side columns, left to right.
    public func split(horizontally sizes: [LayoutSize]) -> [Rect] {
        Rect.lengths(sizes, total: width).map { Rect(x: x + $0.start, y: y, width: $0.length, height: height) }
    }

    /// Splits the height into stacked rows, top to bottom.
    public func split(vertically sizes: [LayoutSize]) -> [Rect] {
        Rect.lengths(sizes, total: height).map { Rect(x: x, y: y + $0.start, width: width, height: $0.length) }
    }

    /// Splits the width by fractions (e.g. `[0.3, 0.7]`).
    public func split(horizontally fractions: [Double]) -> [Rect] { split(horizontally: fractions.map(LayoutSize.fraction)) }
    /// Splits the height by fractions.
    public func split(vertically fractions: [Double]) -> [Rect] { split(vertically: fractions.map(LayoutSize.fraction)) }
    /// Splits the width into fixed columns (narrower when the width runs out).
    public func split(horizontally fixed: [Int]) -> [Rect] { split(horizontally: fixed.map(LayoutSize.fixed)) }
    /// Splits the height into fixed rows.
    public func split(vertically fixed: [Int]) -> [Rect] { split(vertically: fixed.map(LayoutSize.fixed)) }

    /// Lengths in order, earlier parts first served; fill parts share the remainder by weight.
    static func lengths(_ sizes: [LayoutSize], total: Int) -> [(start: Int, length: Int)] {
        var remaining = total
        var lengths = sizes.map { size -> Int in
            let wanted: Int
            switch size {
            case .fixed(let cells): wanted = max(0, cells)
            case .fraction(let share): wanted = Int((min(1, max(0, share)) * Double(total)).rounded())
            case .fill: return 0
            }
            let granted = min(wanted, remaining)
            remaining -= granted
            return granted
        }
        let weights = sizes.map { size -> Int in
            if case .fill(let weight) = size { return max(0, weight) }
            return 0
        }
        let totalWeight = weights.reduce(0, +)
        if totalWeight > 0 {
            var given = 0, cumulative = 0
            for index in sizes.indices where weights[index] > 0 {
                cumulative += weights[index]
                let end = remaining * cumulative / totalWeight
                lengths[index] = end - given
                given = end
            }
        }
        var start = 0
        return lengths.map { length in
            defer { start += length }
            return (start, length)
        }
    }
}
