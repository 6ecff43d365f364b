// swift-tools-version: 6.1
import PackageDescription

import class Foundation.ProcessInfo

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]
// Test code is compiled without optimisation even in the release build the tests run on: optimising
// it took 235 of the build's 1,210 CPU-seconds on a fresh machine, and the hot code the tests call is
// the optimised core (measured: the test run took 85 s against 83 s, its CPU time 150 s against 127 s).
let testSettings = swiftSettings + [.unsafeFlags(["-Onone"], .when(configuration: .release))]
// The command line is a thin shell: it parses options, calls the core and the store (optimised) and
// prints. Optimising it took 43 CPU-seconds of every fresh build against 16.5 without (ArgumentParser's
// generic code specialised for each command), for code that runs once per command.
let shellSettings = testSettings

let package = Package(
    name: "zitdag",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "zitdag", targets: ["zitdag"]),
        .library(name: "ZitdagCore", targets: ["ZitdagCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // Without the default trait ConfigurationSupport: zitdag reads no swift-configuration, and compiling
        // it took 44 CPU-seconds of every fresh build.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: ["FullFoundation"]),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        // The web desk's pages: logic-less templates, no dependencies of its own.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // The pure core: domain, formats, plan checker, allocator, generator. Foundation only, no I/O.
        .target(name: "ZitdagCore", swiftSettings: swiftSettings),
        // The command line: a thin shell that reads files, calls the core and writes files.
        .target(
            name: "ZitdagCLI",
            dependencies: [
                "ZitdagCore",
                "ZitdagCalendar",
                "ZitdagStore",
                "ZitdagHTTP",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: shellSettings
        ),
        // libical, Debian's libical-dev: only ZitdagCalendar imports it.
        .systemLibrary(name: "CLibical", pkgConfig: "libical", providers: [.apt(["libical-dev"])]),
        // OpenSSL's libcrypto, Debian's libssl-dev: SHA-256 for the store's digests (Digest).
        .systemLibrary(name: "CLibcrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        // iCalendar in and out, through libical: owns every libical pointer.
        .target(name: "ZitdagCalendar", dependencies: ["CLibical", "ZitdagCore"], swiftSettings: swiftSettings),
        // The booking store: SQLite through GRDB, and the desk's services over it (slots, book, plan...).
        .target(
            name: "ZitdagStore",
            dependencies: ["ZitdagCore", "CLibcrypto", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings),
        // The HTTP endpoint (Hummingbird 2): the booking API, the web desk's pages, feeds, health, the OpenAPI document.
        .target(
            name: "ZitdagHTTP",
            dependencies: [
                "ZitdagCore", "ZitdagStore", "ZitdagCalendar",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                // Only to see an HTTP/1 request's version before Hummingbird converts it (HTTPVersionRules).
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypesHTTP1", package: "swift-nio-extras"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("openapi.yaml"), .copy("Pages"), .copy("Static")],
            swiftSettings: swiftSettings),
        .executableTarget(name: "zitdag", dependencies: ["ZitdagCLI"], swiftSettings: swiftSettings),
        // Exercises ZitdagCalendar under valgrind (`make leak-check`) and libFuzzer (`make fuzz`).
        .executableTarget(name: "calendar-check", dependencies: ["ZitdagCalendar", "ZitdagCore"], swiftSettings: swiftSettings),
        .testTarget(name: "ZitdagCoreTests", dependencies: ["ZitdagCore"], swiftSettings: testSettings),
        .testTarget(name: "ZitdagCalendarTests", dependencies: ["ZitdagCalendar", "ZitdagCore"], swiftSettings: testSettings),
        // The world the store and HTTP tests book in, written once.
        .target(name: "ZitdagTestSupport", dependencies: ["ZitdagStore", "ZitdagCore"], path: "Tests/ZitdagTestSupport", swiftSettings: testSettings),
        .testTarget(
            name: "ZitdagHTTPTests",
            dependencies: [
                "ZitdagHTTP", "ZitdagStore", "ZitdagCore", "ZitdagTestSupport",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: testSettings),
        // Fixtures: a database made by an earlier release, for the upgrade test (read by path).
        .testTarget(
            name: "ZitdagStoreTests", dependencies: ["ZitdagStore", "ZitdagCore", "ZitdagTestSupport"], exclude: ["Fixtures"],
            swiftSettings: testSettings),
        // Runs the real `zitdag` binary too, so it depends on it to have it built.
        .testTarget(
            name: "ZitdagCLITests",
            dependencies: ["ZitdagCLI", "ZitdagCore", "zitdag", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: testSettings),
    ]
)

// Benchmarks build only when asked for (`make bench`), so that tests and CI never compile
// package-benchmark and its dependencies.
if ProcessInfo.processInfo.environment["ZITDAG_BENCHMARKS"] != nil {
    package.dependencies.append(
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]))
    for (name, dependencies) in [
        ("AllocatorBenchmarks", ["ZitdagCore"]), ("CalendarBenchmarks", ["ZitdagCalendar", "ZitdagCore"]),
        (
            "StoreBenchmarks",
            [
                "ZitdagStore", "ZitdagCore", "ZitdagHTTP", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOEmbedded", package: "swift-nio"),
            ]
        ),
        ("SimulationBenchmarks", ["ZitdagCore"]),
    ] as [(String, [Target.Dependency])] {
        package.targets.append(
            .executableTarget(
                name: name, dependencies: dependencies + [.product(name: "Benchmark", package: "benchmark")], path: "Benchmarks/\(name)",
                plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]))
    }
}
