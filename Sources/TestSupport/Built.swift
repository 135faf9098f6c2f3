import Foundation

/// Locates products of this package's build, for tests that run the real executable.
public enum Built {
    /// The `samplemind` executable next to the test bundle (same build configuration).
    public static var samplemind: String { product("samplemind") }

    /// The executable product `name` next to the test bundle (same build configuration).
    public static func product(_ name: String) -> String {
        let bundle = Bundle.main.bundleURL.deletingLastPathComponent()
        var candidates = [bundle.appendingPathComponent(name).path]
        // swift test runs the xctest bundle from .build/<triple>/<config>/
        for argument in CommandLine.arguments.prefix(2) {
            let dir = URL(fileURLWithPath: argument).deletingLastPathComponent()
            candidates.append(dir.appendingPathComponent(name).path)
            candidates.append(dir.deletingLastPathComponent().appendingPathComponent(name).path)
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
    }

    /// Runs `executable` with `arguments`, returning exit status, stdout and stderr.
    public static func run(_ executable: String, _ arguments: [String],
                           environment: [String: String]? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // read both pipes before waiting so a full pipe cannot deadlock the child
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }
}
