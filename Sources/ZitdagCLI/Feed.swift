import ArgumentParser
import Foundation
import ZitdagCalendar
import ZitdagCore

/// `zitdag feed`: the iCalendar feed a coach, consultant or location subscribes to.
struct Feed: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the iCalendar feed of a coach, a consultant or a location for a plan.",
        discussion: "Job seekers appear by their pseudonymous id only. Exit status 2 on bad input.")

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case coach, consultant, location
    }

    @Argument(help: "coach, consultant or location.")
    var kind: Kind

    @Argument(help: "Their id.")
    var id: String

    @Option(help: "The zitdag-problem/1 file.")
    var problem: String

    @Option(help: "The zitdag-plan/1 file.")
    var plan: String

    @Option(name: .shortAndLong, help: "Where to write the feed (default: standard output).")
    var out: String?

    func run() throws {
        try reporting {
            let problem = try Files.problem(self.problem)
            let plan = try Files.plan(self.plan, zone: problem.zone)
            let audience: FeedAudience = switch kind {
            case .coach: .coach(id)
            case .consultant: .consultant(id)
            case .location: .location(id)
            }
            guard audience.appears(in: problem) else { throw CommandError.input("\(self.problem): no \(kind.rawValue) \(id)") }
            let now = Instant(seconds: Int(Date().timeIntervalSince1970))
            let text: String
            do throws(CalendarError) {
                text = try FeedWriter(zone: problem.zone).write(
                    name: audience.calendarName, entries: audience.entries(in: problem, plan: plan), stamp: now)
            } catch {
                throw CommandError.output(error.description)
            }
            if let out { try Files.write(text, to: out) } else { print(text, terminator: "") }
        }
    }
}
