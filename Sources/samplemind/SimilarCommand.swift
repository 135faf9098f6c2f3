import Analysis
import ArgumentParser
import Foundation
import Library
import Similarity
import TerminalText

/// `samplemind similar FILE|ID`: the samples that sound most like one, and why.
struct SimilarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "similar",
        abstract: "Find samples like one in the library (or like any file with --to-file), explained per aspect.",
        discussion: "Aspects: timbre (MFCC), spectrum (centroid, rolloff, flatness, bandwidth), pitch (chroma, pitch), "
            + "envelope (attack, decay, level), rhythm (onset rate, tempo). Weights: --weights timbre=2,pitch=0.")

    @OptionGroup var library: LibraryOptions
    @Argument(help: "A path in the library or a sample id.") var sample: String?
    @Option(name: .customLong("to-file"), help: "Analyse this file (not necessarily in the library) and search for it.")
    var toFile: String?
    @Option(name: .shortAndLong, help: "How many matches.") var k = 20
    @Option(name: .customLong("where"), help: "Only matches of this query, e.g. \"type:oneshot family:snare\".")
    var whereQuery: String?
    @Option(help: "Per-aspect weights, e.g. timbre=2,pitch=0 (default 1 each).") var weights: String?
    @Flag(help: "Also list exact duplicates of the query.") var duplicates = false
    @Flag(help: .hidden) var all = false   // every analysed sample's neighbours, one JSON line each (bench/similarity_eval.py)

    func run() throws {
        let lib = try library.open()
        let parsedWeights = try SimilarCommand.parse(weights: weights)
        let similarity = try lib.similarityIndex()
        if all {
            struct Neighbours: Encodable { let path: String; let neighbours: [String] }
            for id in similarity.index.ids {
                let matches = try lib.similar(to: id, in: similarity, k: k, where: whereQuery, weights: parsedWeights)
                guard let path = try lib.sample(id: id)?.path else { continue }
                try Output.json(Neighbours(path: path, neighbours: matches.map(\.sample.path)))
            }
            return
        }
        var matches: [SimilarMatch]
        var title: String
        do {
            if let toFile {
                let result = try Analyzer().analyze(path: toFile)
                guard var vector = EmbeddingLayout.standard.embed(result.features.values) else {
                    throw ValidationError("the analysis of \(toFile) has no usable feature vector")
                }
                similarity.normalizer.apply(&vector)
                matches = try lib.similar(toVector: vector, in: similarity, k: k, where: whereQuery, weights: parsedWeights)
                title = toFile
            } else if let sample {
                let id = try resolveOrFail([sample], lib)[0]
                matches = try lib.similar(to: id, in: similarity, k: k, where: whereQuery, weights: parsedWeights,
                                          includeDuplicates: duplicates)
                title = try lib.sample(id: id)?.path ?? sample
            } else {
                throw ValidationError("give a sample (path or id) or --to-file PATH")
            }
        } catch let error as LibraryError {
            Output.error("\(error)")
            throw ExitCode(1)
        }
        if library.json {
            for match in matches { try Output.json(match) }
            return
        }
        Output.line("like \(TerminalSafe.escape(title)) — \(similarity.index.count) analysed samples"
            + (similarity.unanalysed > 0 ? ", \(similarity.unanalysed) not analysed yet (skipped)" : ""))
        Output.line(SampleTable.pad("SCORE", 7) + SampleTable.pad("ID", 7) + SampleTable.pad("NAME", 32)
            + SampleTable.pad("FAMILY", 11) + "TIMB SPEC PTCH ENV  RHYT")
        for match in matches {
            let bars = Aspect.allCases.map { AspectBar.text(distance: match.aspects[$0.rawValue] ?? 0) }.joined(separator: " ")
            Output.line(SampleTable.pad(String(format: "%.3f", match.score), 7) + SampleTable.pad(String(match.sample.id), 7)
                + SampleTable.pad(TerminalSafe.escape(match.sample.name), 32) + SampleTable.pad(match.sample.family ?? "—", 11) + bars)
        }
    }

    static func parse(weights text: String?) throws -> [Aspect: Float] {
        guard let text, !text.isEmpty else { return [:] }
        var weights: [Aspect: Float] = [:]
        for part in text.split(separator: ",") {
            let pieces = part.split(separator: "=")
            guard pieces.count == 2, let aspect = Aspect(rawValue: String(pieces[0]).lowercased()),
                  let value = Float(pieces[1]), value >= 0, value.isFinite else {
                throw ValidationError("bad weight \"\(part)\": use ASPECT=NUMBER with aspects \(Aspect.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            weights[aspect] = value
        }
        return weights
    }
}

/// A 4-cell bar for one aspect: full = identical, empty = far apart (distance in robust z units).
enum AspectBar {
    static func text(distance: Float) -> String {
        let closeness = max(0, min(1, 1 - distance / 2))
        let eighths = Int((closeness * 32).rounded())
        let blocks = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        var bar = String(repeating: "█", count: eighths / 8) + blocks[eighths % 8]
        bar += String(repeating: " ", count: max(0, 4 - bar.count))
        return String(bar.prefix(4))
    }
}
