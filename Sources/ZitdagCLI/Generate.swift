import ArgumentParser
import Foundation
import ZitdagCore

extension ProblemSize: ExpressibleByArgument {}

/// `zitdag generate`: write a realistic problem file.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: Text("Write a realistic problem file of a given size.").cli,
        discussion: Text("Sizes: jobteam (32 sessions, 60 requests), city (432, 800), region (7,800, 15,000), stress (39,000, 100,000).").cli)

    @Option(help: ArgumentHelp(Text("jobteam, city, region or stress.")))
    var size: ProblemSize = .jobteam

    @Option(help: ArgumentHelp(Text("Seed: the same seed and start give the same problem.")))
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp(Text("The horizon starts on the first Monday on or after this date (default: the Monday after today).")))
    var start: String?

    @Option(name: .shortAndLong, help: ArgumentHelp(Text("Where to write the problem (default: standard output).")))
    var out: String?

    @Flag(help: ArgumentHelp(Text("Half-days also keep capacity for walk-in and urgent bookings (the session key \"reserved\"), planned on the first Monday.")))
    var channels = false

    func validate() throws {
        if let start, LocalDate(iso: start) == nil { throw ValidationError(Text("--start must be a date YYYY-MM-DD, got \(start)")) }
    }

    func run() throws {
        try reporting {
            let start = self.start.flatMap { LocalDate(iso: $0) } ?? Self.today().adding(days: 1)
            let problem = ProblemGenerator(size: size, seed: seed, start: start, channels: channels).generate()
            let text = JSONWriter.write(ProblemFile.encode(problem))
            if let out { try Files.write(text, to: out) } else { print(text, terminator: "") }
        }
    }

    /// Today's date in Brussels: the only place the generator looks at the clock.
    static func today() -> LocalDate {
        Zone.brussels.local(at: Instant(seconds: Int(Date().timeIntervalSince1970))).date
    }
}
