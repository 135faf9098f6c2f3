import ArgumentParser
import Foundation
import Library
import TerminalText

/// `samplemind tag add|rm TAG FILE|ID...` (paths from stdin when none are given).
struct TagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tag", abstract: "Add or remove a tag.", subcommands: [Add.self, Remove.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add TAG to samples (paths from stdin when none).")
        @OptionGroup var library: LibraryOptions
        @Argument(help: "The tag.") var tag: String
        @Argument(help: "Paths or ids; '-' or none reads paths from stdin.") var samples: [String] = []

        func run() throws {
            try editSamples(library, samples, verb: "tagged") { try $0.addTag(tag, to: $1) }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "rm", abstract: "Remove TAG from samples.")
        @OptionGroup var library: LibraryOptions
        @Argument(help: "The tag.") var tag: String
        @Argument(help: "Paths or ids; '-' or none reads paths from stdin.") var samples: [String] = []

        func run() throws {
            try editSamples(library, samples, verb: "untagged") { try $0.removeTag(tag, from: $1) }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Every tag with its count.")
        @OptionGroup var library: LibraryOptions
        func run() throws {
            let tags = try library.open().allTags()
            if library.json {
                struct Tag: Encodable { let tag: String; let count: Int }
                for t in tags { try Output.json(Tag(tag: t.tag, count: t.count)) }
            } else {
                for t in tags { Output.line("\(t.count)\t\(TerminalSafe.escape(t.tag))") }
            }
        }
    }
}

/// `samplemind rate N FILE|ID...`
struct RateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rate", abstract: "Rate samples 0–5 (0 clears).")
    @OptionGroup var library: LibraryOptions
    @Argument(help: "0 to 5.") var rating: Int
    @Argument(help: "Paths or ids; '-' or none reads paths from stdin.") var samples: [String] = []

    func run() throws {
        guard (0...5).contains(rating) else { throw ValidationError("a rating is 0 to 5") }
        try editSamples(library, samples, verb: "rated") { library, ids in
            try library.setRating(rating, for: ids)
            return ids.count
        }
    }
}

/// `samplemind fav [--off] FILE|ID...`
struct FavCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "fav", abstract: "Mark samples as favourites (--off to unmark).")
    @OptionGroup var library: LibraryOptions
    @Flag(help: "Remove the mark.") var off = false
    @Argument(help: "Paths or ids; '-' or none reads paths from stdin.") var samples: [String] = []

    func run() throws {
        try editSamples(library, samples, verb: off ? "unmarked" : "marked") { library, ids in
            try library.setFavorite(!off, for: ids)
            return ids.count
        }
    }
}

/// `samplemind dupes`: groups of identical files.
struct DupesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "dupes", abstract: "List groups of files with identical content.")
    @OptionGroup var library: LibraryOptions

    func run() throws {
        let groups = try library.open().duplicateGroups()
        if library.json {
            for group in groups { try Output.json(group) }
            return
        }
        for (index, group) in groups.enumerated() {
            Output.line("group \(index + 1): \(group.count) files, content \(group[0].contentHash ?? "?")")
            for s in group { Output.line("  \(s.id)\t" + TerminalSafe.escape(s.path)) }
        }
        if groups.isEmpty { Output.line("no duplicates") }
    }
}

/// `samplemind prune`: delete missing entries (only on request).
struct PruneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prune", abstract: "Remove samples marked missing, with their tags and notes. Audio files are never touched.")
    @OptionGroup var library: LibraryOptions

    func run() throws {
        let removed = try library.open().pruneMissing()
        if library.json {
            struct Pruned: Encodable { let removed: Int }
            try Output.json(Pruned(removed: removed))
        } else {
            Output.line("removed \(removed) missing entries")
        }
    }
}

func resolveOrFail(_ references: [String], _ library: SampleLibrary) throws -> [Int64] {
    do { return try SampleReference.resolve(references, in: library) } catch {
        Output.error("\(error)")
        throw ExitCode(1)
    }
}

/// Resolves the sample references (or stdin paths), applies `edit` and reports how many changed.
func editSamples(_ options: LibraryOptions, _ references: [String], verb: String,
                 _ edit: (SampleLibrary, [Int64]) throws -> Int) throws {
    let library = try options.open()
    let ids = try resolveOrFail(SampleReference.arguments(references), library)
    try report(options.json, changed: try edit(library, ids), of: ids.count, verb: verb)
}

func report(_ json: Bool, changed: Int, of total: Int, verb: String) throws {
    if json {
        struct Changed: Encodable { let changed: Int; let samples: Int }
        try Output.json(Changed(changed: changed, samples: total))
    } else {
        Output.line("\(verb) \(changed) of \(total) samples")
    }
}
