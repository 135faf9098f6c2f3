import Testing
@testable import TUI

@Suite("Rectangles and layout splits")
struct RectTests {
    @Test("sizes are never negative")
    func neverNegative() {
        let rect = Rect(x: 0, y: 0, width: -3, height: -1)
        #expect(rect.width == 0 && rect.height == 0)
        let tiny = Rect(x: 0, y: 0, width: 3, height: 1).inset(by: 5)
        #expect(tiny.width >= 0 && tiny.height >= 0)
        #expect(Rect(x: 0, y: 0, width: 10, height: 4).inset(by: 1) == Rect(x: 1, y: 1, width: 8, height: 2))
    }

    @Test("contains is inclusive at the origin and exclusive at the far edges")
    func contains() {
        let rect = Rect(x: 2, y: 3, width: 4, height: 2)
        #expect(rect.contains(x: 2, y: 3))
        #expect(rect.contains(x: 5, y: 4))
        #expect(!rect.contains(x: 6, y: 4))
        #expect(!rect.contains(x: 5, y: 5))
        #expect(!Rect.zero.contains(x: 0, y: 0))
    }

    @Test("a horizontal split by fractions divides the width side by side")
    func fractions() {
        let parts = Rect(x: 0, y: 0, width: 100, height: 5).split(horizontally: [0.25, 0.75])
        #expect(parts.map(\.width) == [25, 75])
        #expect(parts.map(\.x) == [0, 25])
        #expect(parts.allSatisfy { $0.height == 5 })
    }

    @Test("fixed parts are served first and fill parts share the rest by weight")
    func fixedAndFill() {
        let parts = Rect(x: 1, y: 2, width: 40, height: 20)
            .split(vertically: [.fixed(1), .fill(weight: 2), .fill(weight: 1), .fixed(1)])
        #expect(parts.map(\.height) == [1, 12, 6, 1])
        #expect(parts.map(\.y) == [2, 3, 15, 21])
    }

    @Test("parts larger than the space are cut, earlier parts first served")
    func overflow() {
        let parts = Rect(x: 0, y: 0, width: 10, height: 1).split(horizontally: [8, 8, 8])
        #expect(parts.map(\.width) == [8, 2, 0])
        #expect(parts.allSatisfy { $0.width >= 0 })
    }
}
