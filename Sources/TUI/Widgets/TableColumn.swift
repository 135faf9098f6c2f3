/// One column of a ``Table``.
public struct TableColumn: Hashable, Sendable {
    /// How wide a column is.
    public enum Width: Hashable, Sendable {
        /// Exactly this many cells.
        case fixed(Int)
        /// A share, by weight, of what fixed columns leave.
        case flexible(weight: Int)
    }

    /// Where text sits in its column.
    public enum Alignment: Hashable, Sendable {
        case left, right
    }

    public var title: String
    public var width: Width
    public var alignment: Alignment

    public init(title: String, width: Width, alignment: Alignment = .left) {
        self.title = title
        self.width = width
        self.alignment = alignment
    }
}
