extension Color {
    /// The colour as a terminal in `mode` can show it.
    ///
    /// `.rgb` becomes the nearest xterm-256 entry (colour cube or grey ramp), and a 256-colour
    /// index becomes the nearest of the 16 standard xterm colours; `.none` drops every colour.
    public func downgraded(to mode: ColorMode) -> Color {
        switch (mode, self) {
        case (.none, _), (_, .default): return .default
        case (.truecolor, _): return self
        case (.ansi256, .rgb(let red, let green, let blue)): return .indexed(Color.nearest256(red, green, blue))
        case (.ansi256, _): return self
        case (.ansi16, .ansi(let index)): return .ansi(index & 15)
        case (.ansi16, .indexed(let index)): return .ansi(Color.nearest16(toIndex: index))
        case (.ansi16, .rgb(let red, let green, let blue)): return .ansi(Color.nearest16(toIndex: Color.nearest256(red, green, blue)))
        }
    }

    /// The RGB value xterm shows for a palette index (its default palette).
    public static func xtermRGB(_ index: UInt8) -> (UInt8, UInt8, UInt8) {
        switch index {
        case 0..<16:
            return xterm16[Int(index)]
        case 16..<232:
            let cube = Int(index) - 16
            return (cubeLevels[cube / 36], cubeLevels[cube / 6 % 6], cubeLevels[cube % 6])
        default:
            let grey = UInt8(8 + 10 * (Int(index) - 232))
            return (grey, grey, grey)
        }
    }

    private static let xterm16: [(UInt8, UInt8, UInt8)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    private static let cubeLevels: [UInt8] = [0, 95, 135, 175, 215, 255]

    /// Nearest entry of the 6×6×6 cube or the 24-step grey ramp (16–255), by squared RGB distance.
    static func nearest256(_ red: UInt8, _ green: UInt8, _ blue: UInt8) -> UInt8 {
        let cube = [red, green, blue].map(nearestCubeLevel)
        let cubeIndex = UInt8(16 + 36 * cube[0] + 6 * cube[1] + cube[2])
        let average = (Int(red) + Int(green) + Int(blue)) / 3
        let greyStep = min(23, max(0, (average - 3) / 10))
        let greyIndex = UInt8(232 + greyStep)
        let target = (red, green, blue)
        return distance(xtermRGB(greyIndex), target) < distance(xtermRGB(cubeIndex), target) ? greyIndex : cubeIndex
    }

    /// Nearest of the 16 standard colours to a palette entry; 0–15 map to themselves.
    static func nearest16(toIndex index: UInt8) -> UInt8 {
        if index < 16 { return index }
        let target = xtermRGB(index)
        var best: UInt8 = 0
        for candidate in UInt8(0)..<16 where distance(xterm16[Int(candidate)], target) < distance(xterm16[Int(best)], target) {
            best = candidate
        }
        return best
    }

    private static func nearestCubeLevel(_ value: UInt8) -> Int {
        var best = 0
        for (level, component) in cubeLevels.enumerated() where abs(Int(component) - Int(value)) < abs(Int(cubeLevels[best]) - Int(value)) {
            best = level
        }
        return best
    }

    private static func distance(_ lhs: (UInt8, UInt8, UInt8), _ rhs: (UInt8, UInt8, UInt8)) -> Int {
        let red = Int(lhs.0) - Int(rhs.0), green = Int(lhs.1) - Int(rhs.1), blue = Int(lhs.2) - Int(rhs.2)
        return red * red + green * green + blue * blue
    }
}
