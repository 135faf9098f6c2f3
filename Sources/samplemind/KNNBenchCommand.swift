import ArgumentParser
import Dispatch
import Foundation
import Library
import Similarity

/// `samplemind knn-bench` (for bench/knn_bench.sh): top-20 search latency over random vectors of
/// the embedding's size, and the index load time of a real library.
struct KNNBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "knn-bench", abstract: "Benchmark helper: kNN latency at several sizes (JSON).", shouldDisplay: false)

    @Option(help: "Comma-separated index sizes.") var sizes = "10000,100000,1000000"
    @Option(help: "Queries per size.") var queries = 100
    @Option(help: "Write the largest set's vectors here (raw float32, row-major) for the numpy/FAISS comparison.")
    var dump: String?
    @Option(help: "A library database whose similarity index load time to measure.") var db: String?

    func run() throws {
        struct Timing: Encodable {
            let size: Int, dimensions: Int, p50Milliseconds: Double, p99Milliseconds: Double
            let bytesPerVector: Int
        }
        let layout = EmbeddingLayout.standard
        var state: UInt64 = 12345
        func random() -> Float {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Float(Int64(bitPattern: state >> 11) % 20000) / 10000 - 1
        }
        let parsed = sizes.split(separator: ",").compactMap { Int($0) }
        for size in parsed {
            var index = SimilarityIndex(layout: layout)
            var all: [Float] = []
            for i in 0..<size {
                let v = (0..<layout.dimensions).map { layout.sourceSlots[$0] >= 0 ? random() : 0 }
                index.add(id: Int64(i), group: Int64(i), vector: v)
                if size == parsed.max(), dump != nil { all += v }
            }
            if size == parsed.max(), let dump {
                try all.withUnsafeBufferPointer { Data(buffer: $0) }.write(to: URL(fileURLWithPath: dump))
            }
            var times: [Double] = []
            for _ in 0..<queries {
                let q = (0..<layout.dimensions).map { layout.sourceSlots[$0] >= 0 ? random() : 0 }
                let start = DispatchTime.now().uptimeNanoseconds
                _ = index.nearest(to: q, k: 20)
                times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            }
            times.sort()
            let p = { (q: Double) in percentile(times, q) }
            try Output.json(Timing(size: size, dimensions: layout.dimensions, p50Milliseconds: p(0.5), p99Milliseconds: p(0.99),
                                   bytesPerVector: index.bytesPerVector))
        }
        if let db {
            let library = try SampleLibrary(path: db)
            let start = DispatchTime.now().uptimeNanoseconds
            let similarity = try library.similarityIndex()
            struct Load: Encodable { let indexedSamples: Int; let loadMilliseconds: Double }
            try Output.json(Load(indexedSamples: similarity.index.count,
                                 loadMilliseconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6))
        }
    }
}
