@testable import TUI

extension Theme {
    /// Every role plain: layout tests look at text only.
    static let plainForTests = Theme(name: "plain")
}

extension Buffer {
    /// The rows of `plainText()`.
    var lines: [String] { plainText().split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
}
