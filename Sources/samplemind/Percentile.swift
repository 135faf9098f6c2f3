/// Nearest-rank percentile of already sorted values (0 for none), as the benchmark helpers report.
func percentile(_ sorted: [Double], _ q: Double) -> Double {
    guard !sorted.isEmpty else { return 0 }
    return sorted[min(sorted.count - 1, Int((q * Double(sorted.count - 1)).rounded()))]
}
