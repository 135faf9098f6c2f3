/// Mean and standard deviation of a stream of values (Welford), without storing them.
public struct RunningStatistics: Sendable {
    public private(set) var count = 0
    private var meanValue = 0.0
    private var m2 = 0.0

    public init() {}

    public mutating func add(_ value: Double) {
        count += 1
        let delta = value - meanValue
        meanValue += delta / Double(count)
        m2 += delta * (value - meanValue)
    }

    public var mean: Double { meanValue }
    /// Population standard deviation; 0 for fewer than two values.
    public var standardDeviation: Double { count > 1 ? (m2 / Double(count)).squareRoot() : 0 }
}
