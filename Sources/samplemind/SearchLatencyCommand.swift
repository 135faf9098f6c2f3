import ArgumentParser
import Foundation
import Library

/// `samplemind search-latency QUERY...` (for bench/library_bench.sh): times each query's first page of results (what the browser
/// shows first) and, separately, its total count; prints p50/p99 of both per query as JSON.
struct SearchLatencyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search-latency", abstract: "Benchmark helper: query latency p50/p99 (JSON).", shouldDisplay: false)

    @OptionGroup var library: LibraryOptions
    @Argument(help: "Queries to time.") var queries: [String]
    @Option(help: "Runs per query.") var runs = 50
    @Option(help: "Results per page.") var page = 100

    func run() throws {
        let lib = try library.open()
        struct Timing: Encodable {
            let query: String, matches: Int
            let p50Milliseconds: Double, p99Milliseconds: Double            // first page of results
            let countP50Milliseconds: Double, countP99Milliseconds: Double  // the total count
        }
        func percentiles(_ values: [Double]) -> (Double, Double) {
            let sorted = values.sorted()
            return (percentile(sorted, 0.5), percentile(sorted, 0.99))
        }
        func milliseconds(_ body: () throws -> Void) rethrows -> Double {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        }
        for query in queries {
            var pageTimes: [Double] = [], countTimes: [Double] = []
            var matches = 0
            for _ in 0..<runs {
                pageTimes.append(try milliseconds { _ = try lib.search(query, limit: page) })
                countTimes.append(try milliseconds { matches = try lib.count(query) })
            }
            let (p50, p99) = percentiles(pageTimes), (c50, c99) = percentiles(countTimes)
            try Output.json(Timing(query: query, matches: matches, p50Milliseconds: p50, p99Milliseconds: p99,
                                   countP50Milliseconds: c50, countP99Milliseconds: c99))
        }
    }
}
