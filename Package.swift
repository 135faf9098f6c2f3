// swift-tools-version:6.0
import PackageDescription

/// Every Swift target builds in Swift 6 language mode with strict concurrency.
let strict: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

let package = Package(
    name: "SampleMind",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "samplemind", targets: ["samplemind"]),
        .executable(name: "samplemind-fuzz", targets: ["samplemind-fuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // System libraries: module map + shim header only.
        .systemLibrary(name: "CSndFile", pkgConfig: "sndfile",
                       providers: [.apt(["libsndfile1-dev"])]),
        .systemLibrary(name: "CFFTW", pkgConfig: "fftw3f",
                       providers: [.apt(["libfftw3-dev"])]),
        .systemLibrary(name: "CALSA", pkgConfig: "alsa",
                       providers: [.apt(["libasound2-dev"])]),
        .systemLibrary(name: "CNCurses", providers: [.apt(["libncursesw5-dev"])]),

        // Layers (dependencies point down only; see ARCHITECTURE.md).
        .target(name: "AudioIO", dependencies: ["CSndFile", "CALSA"], swiftSettings: strict),
        .target(name: "DSP", dependencies: ["CFFTW"], swiftSettings: strict),
        .target(name: "Synthesis", dependencies: [], swiftSettings: strict),
        .target(name: "TerminalText", dependencies: [], swiftSettings: strict),
        .target(name: "QueryLanguage", dependencies: [], swiftSettings: strict),
        .target(name: "TUI", dependencies: ["TerminalText", .product(name: "TOMLKit", package: "TOMLKit")],
                swiftSettings: strict),
        .target(name: "Library", dependencies: [
            "Analysis", "QueryLanguage", "Similarity", "Locking", .product(name: "GRDB", package: "GRDB.swift"),
        ], swiftSettings: strict),
        .target(name: "Locking", swiftSettings: strict),
        .target(name: "Engine", dependencies: ["Library", "Analysis", "AudioIO", "Locking"], swiftSettings: strict),
        .target(name: "AI", dependencies: ["Library", "Analysis", "TerminalText", "Locking"], swiftSettings: strict),
        .target(name: "TUICurses", dependencies: ["TUI", "CNCurses"], swiftSettings: strict),
        .target(name: "App", dependencies: ["TUI", "Library", "Engine", "Analysis", "AudioIO", "DSP", "Similarity", "AI"],
                swiftSettings: strict),
        .target(name: "Analysis", dependencies: ["DSP", "AudioIO"], swiftSettings: strict),
        .target(name: "CKNN"),
        .target(name: "Similarity", dependencies: ["Analysis", "CKNN"], swiftSettings: strict),
        .executableTarget(
            name: "samplemind-fuzz",
            dependencies: ["QueryLanguage", "AI", "App", "TUI", "Analysis", .product(name: "TOMLKit", package: "TOMLKit")],
            swiftSettings: strict),
        .executableTarget(
            name: "samplemind",
            dependencies: [
                "Analysis", "AudioIO", "Synthesis", "TerminalText", "Library", "Engine", "App", "TUI", "TUICurses", "Locking",
                "Similarity", "AI",
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict),
        .target(name: "TestSupport", dependencies: ["AudioIO", "Synthesis", "Locking"], swiftSettings: strict),

        .testTarget(name: "AudioIOTests", dependencies: ["AudioIO", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "DSPTests", dependencies: ["DSP", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "AnalysisTests", dependencies: ["Analysis", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "CLITests", dependencies: ["TestSupport"], swiftSettings: strict),
        .testTarget(name: "TerminalTextTests", dependencies: ["TerminalText"], swiftSettings: strict),
        .testTarget(name: "QueryLanguageTests", dependencies: ["QueryLanguage"], swiftSettings: strict),
        .testTarget(name: "TUITests", dependencies: ["TUI"], swiftSettings: strict),
        .testTarget(name: "AITests", dependencies: ["AI", "Analysis", "Library", "Engine", "TestSupport", "Synthesis"],
                    resources: [.copy("fake_llm_server.py")], swiftSettings: strict),
        .testTarget(name: "SimilarityTests", dependencies: ["Similarity", "Analysis"], swiftSettings: strict),
        .testTarget(name: "PlayerTests", dependencies: ["Engine", "AudioIO", "TestSupport", "Synthesis"],
                    swiftSettings: strict),
        .testTarget(name: "AppTests", dependencies: ["App", "TUI", "TestSupport", "Library", "Engine", "Similarity", "AI"],
                    exclude: ["__Snapshots__"], swiftSettings: strict),
        .testTarget(name: "LibraryTests", dependencies: [
            "Library", "Engine", "TestSupport", .product(name: "GRDB", package: "GRDB.swift"),
        ], swiftSettings: strict),
        .testTarget(name: "SystemLibraryTests", dependencies: ["CNCurses", "CALSA"], swiftSettings: strict),
    ],
    swiftLanguageModes: [.v6]
)
