// swift-tools-version: 6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "zitdag",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "zitdag", targets: ["zitdag"]),
        .library(name: "ZitdagCore", targets: ["ZitdagCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // The pure core: domain, formats, plan checker, allocator, generator. Foundation only, no I/O.
        .target(name: "ZitdagCore", swiftSettings: swiftSettings),
        // The command line: a thin shell that reads files, calls the core and writes files.
        .target(
            name: "ZitdagCLI",
            dependencies: [
                "ZitdagCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(name: "zitdag", dependencies: ["ZitdagCLI"], swiftSettings: swiftSettings),
        .testTarget(name: "ZitdagCoreTests", dependencies: ["ZitdagCore"], swiftSettings: swiftSettings),
        // Runs the real `zitdag` binary too, so it depends on it to have it built.
        .testTarget(name: "ZitdagCLITests", dependencies: ["ZitdagCLI", "ZitdagCore", "zitdag"], swiftSettings: swiftSettings),
    ]
)
