import ArgumentParser
import Foundation
import ZitdagCalendar
import ZitdagCore
import ZitdagHTTP

/// `zitdag feed`: the iCalendar feed a coach, consultant or location subscribes to.
struct Feed: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feed",
        abstract: Text("Write the iCalendar feed of a coach, a consultant or a location, from the booking store or a plan.").cli,
        discussion: Text("""
            Without --problem and --plan, the feed comes from the booking store: from 4 weeks ago to the
            booking horizon, appointments with a SEQUENCE that grows with each change, cancelled ones kept
            for 14 days as cancelled. Job seekers appear by initials (and pseudonymous id for their
            consultant) only. Exit status 2 on bad input.
            """).cli)

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case coach, consultant, location
    }

    @Argument(help: ArgumentHelp(Text("coach, consultant or location.")))
    var kind: Kind

    @Argument(help: ArgumentHelp(Text("Their id.")))
    var id: String

    @Option(help: ArgumentHelp(Text("A zitdag-problem/1 file (with --plan, instead of the booking store).")))
    var problem: String?

    @Option(help: ArgumentHelp(Text("A zitdag-plan/1 file.")))
    var plan: String?

    @OptionGroup var store: StoreOptions

    @Option(name: .shortAndLong, help: ArgumentHelp(Text("Where to write the feed (default: standard output).")))
    var out: String?

    func run() throws {
        try reporting {
            let audience: FeedAudience = switch kind {
            case .coach: .coach(id)
            case .consultant: .consultant(id)
            case .location: .location(id)
            }
            let (zone, entries) = try self.entries(for: audience)
            let text: String
            do throws(CalendarError) {
                text = try FeedWriter(zone: zone, renderer: Feeds.renderer).write(name: audience.calendarName, entries: entries, stamp: StoreOptions.clock())
            } catch {
                throw CommandError.output(Text.of(error))
            }
            if let out { try Files.write(text, to: out) } else { print(text, terminator: "") }
        }
    }

    private func entries(for audience: FeedAudience) throws(CommandError) -> (Zone, [CalendarEntry]) {
        switch (problem, plan) {
        case (let problemPath?, let planPath?):
            let problem = try Files.problem(problemPath)
            let plan = try Files.plan(planPath, zone: problem.zone)
            guard audience.appears(in: problem) else { throw CommandError.input(Text("\(problemPath): no \(kind.rawValue) \(id)")) }
            return (problem.zone, audience.entries(in: problem, plan: plan))
        case (nil, nil):
            let store = try self.store.open()
            let now = StoreOptions.clock()
            let today = store.zone.local(at: now).date
            do {
                let weeks = try store.ruleBook().standard.horizonWeeks
                return (store.zone, try store.feedEntries(for: audience, from: today.adding(days: -28), to: today.adding(days: 7 * weeks), now: now))
            } catch { throw CommandError.store(error) }
        default:
            throw CommandError.input(Text("give both --problem and --plan, or neither (the booking store)"))
        }
    }
}
