import ArgumentParser
import ZitdagCore
import ZitdagStore

/// `zitdag plan`: the week's pending requests in one go.
struct PlanWeek: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Plan the pending requests into the open sessions of a period, around what is booked.",
        discussion: "Commits everything in one transaction (or nothing, with --dry-run). Exit status: 0, 2 bad input, 1 database.")

    @Option(help: "First day of the period (default: today).") var from: String?
    @Option(help: "Last day of the period, inclusive (default: 6 days after --from).") var to: String?
    @Flag(help: "Show the plan without booking it.") var dryRun = false
    @Option(help: "Seed of the search.") var seed: UInt64 = 1
    @Option(help: "Seconds the allocator may improve the plan.") var timeLimit: Double = 2
    @OptionGroup var store: StoreOptions

    func run() throws {
        try reporting {
            let desk = try store.desk()
            let zone = desk.store.zone
            let first = try from.map { text throws(CommandError) in try WallClock.date(text, option: "--from") } ?? zone.local(at: StoreOptions.clock()).date
            let last = try to.map { text throws(CommandError) in try WallClock.date(text, option: "--to") } ?? first.adding(days: 6)
            guard timeLimit > 0, timeLimit <= 600 else { throw CommandError.input("--time-limit: 0 to 600 seconds") }
            let week: WeekPlan
            do {
                week = try desk.plan(
                    from: first, to: last, dryRun: dryRun, seed: seed, timeLimit: .milliseconds(Int64(timeLimit * 1000)), actor: store.who)
            } catch { throw CommandError.store(error) }
            if store.json {
                print(JSONWriter.write(PlanFile.encode(week.plan, zone: zone)), terminator: "")
            } else {
                for assignment in week.plan.assignments.sorted(by: { $0.span.start < $1.span.start }) {
                    print("\(zone.local(at: assignment.span.start).withWeekday)  \(assignment.session)  request \(assignment.request.dropFirst()) #\(assignment.index + 1)"
                          + (assignment.consultantAttends ? "  consultant along" : ""))
                }
                for item in week.plan.unscheduled { print("left out: request \(item.request.dropFirst()): \(item.reason)") }
            }
            printError("\(week.committed ? "booked" : "would book") \(week.scheduled) of \(week.requests) pending request(s), objective \(week.plan.objective)")
        }
    }
}

/// `zitdag export`: CSV for spreadsheets.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Export appointments or occupancy per session as CSV.")

    @Argument(help: "appointments or occupancy") var what: String
    @Option(help: "From this date (default: today).") var from: String?
    @Option(help: "Up to and including this date (default: 4 weeks after --from).") var to: String?
    @Option(name: .shortAndLong, help: "Write to this file (default: standard output).") var out: String?
    @OptionGroup var store: StoreOptions

    func run() throws {
        try reporting {
            guard what == "appointments" || what == "occupancy" else {
                throw CommandError.input("export: \"\(what)\" is not appointments or occupancy")
            }
            let store = try self.store.open()
            let first = try from.map { text throws(CommandError) in try WallClock.date(text, option: "--from") } ?? store.zone.local(at: StoreOptions.clock()).date
            let last = try to.map { text throws(CommandError) in try WallClock.date(text, option: "--to") } ?? first.adding(days: 27)
            let text: String
            do {
                text = what == "appointments" ? try store.appointmentsCSV(from: first, to: last) : try store.occupancyCSV(from: first, to: last)
            } catch { throw CommandError.store(error) }
            if let out { try Files.write(text, to: out) } else { print(text, terminator: "") }
        }
    }
}

/// `zitdag forget`: erase a job seeker's personal data.
struct Forget: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Erase a job seeker's personal data, keeping only anonymous counts (right to erasure).")

    @Argument(help: "The job seeker's pseudonymous id.") var jobSeeker: String
    @OptionGroup var store: StoreOptions

    func run() throws {
        try reporting {
            let store = try self.store.open()
            do {
                let erasure = try store.forget(jobSeeker: jobSeeker, at: StoreOptions.clock(), actor: self.store.who)
                print("erased \(jobSeeker): \(erasure.requests) request(s), \(erasure.appointments) appointment(s) unlinked, \(erasure.cancelled) future appointment(s) cancelled")
            } catch { throw CommandError.store(error) }
        }
    }
}
