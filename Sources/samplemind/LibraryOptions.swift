import ArgumentParser
import Foundation
import Library
import TerminalText

/// Options every library command shares.
struct LibraryOptions: ParsableArguments {
    @Option(help: "Library database (default: $SAMPLEMIND_DB, else $XDG_DATA_HOME/samplemind/library.sqlite).")
    var db: String?

    @Flag(help: "Machine-readable JSON output.")
    var json = false

    /// Opens the library, turning failures into a clear message and exit status 1.
    func open() throws -> SampleLibrary { try LibraryOptions.open(db: db) }

    static func open(db: String?) throws -> SampleLibrary {
        let path = LibraryLocation.resolve(explicit: db)
        do {
            return try SampleLibrary(path: path)
        } catch {
            Output.error("\(error)")
            throw ExitCode(1)
        }
    }
}

/// Writing to stdout / stderr, with JSON encoding and terminal-safe text.
enum Output {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static func line(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func json<T: Encodable>(_ value: T) throws {
        line(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data("samplemind: \(TerminalSafe.escape(text))\n".utf8))
    }

    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}

/// Turns "FILE or ID" arguments into sample ids.
enum SampleReference {
    static func resolve(_ references: [String], in library: SampleLibrary) throws -> [Int64] {
        var ids: [Int64] = []
        for reference in references {
            if let id = Int64(reference), !FileManager.default.fileExists(atPath: reference) {
                guard try library.sample(id: id) != nil else { throw LibraryError.notFound("id \(id)") }
                ids.append(id)
                continue
            }
            let absolute = reference.hasPrefix("/") ? reference : FileManager.default.currentDirectoryPath + "/" + reference
            let candidates = [absolute, (absolute as NSString).standardizingPath,
                              (absolute as NSString).resolvingSymlinksInPath]
            guard let found = try candidates.lazy.compactMap({ try library.sample(path: RawPath($0)) }).first else {
                throw LibraryError.notFound(reference)
            }
            ids.append(found.id)
        }
        return ids
    }

    /// References from the arguments, or from stdin (one per line) when none or "-" is given.
    static func arguments(_ given: [String]) -> [String] {
        guard given.isEmpty || given == ["-"] else { return given }
        let data = FileHandle.standardInput.readDataToEndOfFile()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    }
}
