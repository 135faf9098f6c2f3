import ArgumentParser
import Foundation
import Library

/// `samplemind stats [--prometheus]`: counts, timings and the analysis cache hit rate.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Library counts, analysis timings, cache hit rate, errors (--prometheus: text exposition format).")
    @OptionGroup var library: LibraryOptions
    @Flag(help: "Print in the Prometheus text format (for node_exporter's textfile collector).")
    var prometheus = false

    func run() throws {
        let s = try library.open().statistics()
        if prometheus {
            Output.line(PrometheusText.render(s))
        } else if library.json {
            try Output.json(s)
        } else {
            Output.line("samples         \(s.samples) (" + s.byStatus.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + ")")
            Output.line("distinct        \(s.distinctContents) contents, \(s.analysed) analysed")
            Output.line("folders         \(s.roots) (\(s.offlineRoots) offline)")
            Output.line("tags            \(s.tags)")
            Output.line("database        \(String(format: "%.1f", Double(s.databaseBytes) / 1_048_576)) MiB")
            Output.line("analysis cache  " + (s.cacheHitRate.map { String(format: "%.1f %% hits", $0 * 100) } ?? "no lookups yet")
                + " (\(Int(s.analysisCacheHits)) hits, \(Int(s.analysisCacheMisses)) misses)")
            Output.line("analysis time   " + (s.meanAnalysisSeconds.map { String(format: "%.1f ms per file", $0 * 1000) } ?? "—"))
            Output.line("analysis errors \(Int(s.analysisErrors))")
            let aiLookups = s.aiCacheHits + s.aiCacheMisses
            Output.line("AI note cache   " + (aiLookups > 0 ? String(format: "%.1f %% hits", 100 * s.aiCacheHits / aiLookups) : "no lookups yet")
                + " (\(Int(s.aiCacheHits)) hits, \(Int(s.aiCacheMisses)) misses)")
        }
    }
}

/// Renders statistics in the Prometheus text exposition format (hand-written: a dozen lines do
/// not need swift-prometheus's registry; see DECISIONS.md).
enum PrometheusText {
    static func render(_ s: LibraryStatistics) -> String {
        var lines: [String] = []
        func metric(_ name: String, _ type: String, _ help: String, _ samples: [(String, Double)]) {
            lines.append("# HELP samplemind_\(name) \(help)")
            lines.append("# TYPE samplemind_\(name) \(type)")
            for (labels, value) in samples { lines.append("samplemind_\(name)\(labels) \(value)") }
        }
        metric("samples", "gauge", "Samples in the library by status.",
               s.byStatus.sorted { $0.key < $1.key }.map { ("{status=\"\($0.key)\"}", Double($0.value)) })
        metric("contents", "gauge", "Distinct file contents.", [("", Double(s.distinctContents))])
        metric("roots_offline", "gauge", "Library folders currently offline.", [("", Double(s.offlineRoots))])
        metric("analysis_cache_hits_total", "counter", "Samples whose analysis came from the content-hash cache.",
               [("", s.analysisCacheHits)])
        metric("analysis_cache_misses_total", "counter", "Contents that had to be analysed.", [("", s.analysisCacheMisses)])
        metric("analysis_errors_total", "counter", "Contents that failed to analyse.", [("", s.analysisErrors)])
        metric("analysis_seconds_total", "counter", "Time spent analysing.", [("", s.analysisSeconds)])
        metric("database_bytes", "gauge", "Size of the library database.", [("", Double(s.databaseBytes))])
        metric("ai_cache_hits_total", "counter", "AI-note cache lookups that found a note.", [("", s.aiCacheHits)])
        metric("ai_cache_misses_total", "counter", "AI-note cache lookups that did not.", [("", s.aiCacheMisses)])
        return lines.joined(separator: "\n")
    }
}
