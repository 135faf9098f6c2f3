import Foundation

/// Where the library database lives: `--db`, else `$SAMPLEMIND_DB`, else
/// `$XDG_DATA_HOME/samplemind/library.sqlite` (default `~/.local/share/samplemind/library.sqlite`).
public enum LibraryLocation {
    public static let environmentVariable = "SAMPLEMIND_DB"

    public static func resolve(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let fromEnvironment = environment[environmentVariable], !fromEnvironment.isEmpty { return fromEnvironment }
        let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.local/share")
        return dataHome + "/samplemind/library.sqlite"
    }
}
