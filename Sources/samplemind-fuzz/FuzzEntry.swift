import Foundation

/// The libFuzzer targets (see fuzz/README.md). Built with `-sanitize=fuzzer -DFUZZING`,
/// libFuzzer's `main` drives `LLVMFuzzerTestOneInput` and `SAMPLEMIND_FUZZ_TARGET` picks the
/// target; built normally, `samplemind-fuzz TARGET FILE...` replays saved inputs (the committed
/// corpus and every crash found), which is how the test suite runs them as regression tests.
enum FuzzTarget: String, CaseIterable {
    case query, config, notetext, decode

    /// Runs one input; a violated property traps (`preconditionFailure`) so the fuzzer reports it.
    func run(_ input: [UInt8]) {
        switch self {
        case .query: QueryFuzz.run(input)
        case .config: ConfigFuzz.run(input)
        case .notetext: NoteTextFuzz.run(input)
        case .decode: DecodeFuzz.run(input)
        }
    }

    static let selected: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["SAMPLEMIND_FUZZ_TARGET"] ?? ""
        guard let target = FuzzTarget(rawValue: name) else {
            FileHandle.standardError.write(Data("set SAMPLEMIND_FUZZ_TARGET to one of \(allCases.map(\.rawValue))\n".utf8))
            exit(2)
        }
        return target
    }()
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzTarget.selected.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

#if FUZZING
/// libFuzzer's driver entry (libclang_rt.fuzzer); SwiftPM renames executables' `main`, so the
/// fuzzing build starts the driver from its own `@main`.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

@main
enum FuzzDriver {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runFuzzerDriver(&argc, &argv, fuzzOneInput))
    }
}
#else
@main
enum Replay {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
            print("usage: samplemind-fuzz \(FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")) FILE_OR_FOLDER...")
            exit(2)
        }
        var count = 0
        for path in arguments.dropFirst() {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { continue }
            let files = isFolder.boolValue
                ? ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted().map { path + "/" + $0 }
                : [path]
            for file in files {
                guard let data = FileManager.default.contents(atPath: file) else { continue }
                target.run([UInt8](data))
                count += 1
            }
        }
        print("\(target.rawValue): \(count) inputs replayed, no property violated")
    }
}
#endif
