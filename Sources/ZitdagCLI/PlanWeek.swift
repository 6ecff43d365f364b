import ArgumentParser
import ZitdagCore
import ZitdagStore

/// `zitdag plan`: the week's pending requests in one go.
struct PlanWeek: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: Text("Plan the pending requests into the open sessions of a period, around what is booked.").cli,
        discussion: Text("Commits everything in one transaction (or nothing, with --dry-run). Exit status: 0, 2 bad input, 1 database.").cli)

    @Option(help: ArgumentHelp(Text("First day of the period (default: today)."))) var from: String?
    @Option(help: ArgumentHelp(Text("Last day of the period, inclusive (default: 6 days after --from)."))) var to: String?
    @Flag(help: ArgumentHelp(Text("Show the plan without booking it."))) var dryRun = false
    @Option(help: ArgumentHelp(Text("Seed of the search."))) var seed: UInt64 = 1
    @Option(help: ArgumentHelp(Text("Seconds the allocator may improve the plan."))) var timeLimit: Double = 2
    @OptionGroup var store: StoreOptions

    func run() throws {
        try reporting {
            let desk = try store.desk()
            let zone = desk.store.zone
            let first = try from.map { text throws(CommandError) in try WallClock.date(text, option: "--from") } ?? zone.local(at: StoreOptions.clock()).date
            let last = try to.map { text throws(CommandError) in try WallClock.date(text, option: "--to") } ?? first.adding(days: 6)
            guard timeLimit > 0, timeLimit <= 600 else { throw CommandError.input(Text("--time-limit: 0 to 600 seconds")) }
            let week: WeekPlan
            do {
                week = try desk.plan(
                    from: first, to: last, dryRun: dryRun, seed: seed, timeLimit: .milliseconds(Int64(timeLimit * 1000)), actor: store.who)
            } catch { throw CommandError.store(error) }
            if store.json {
                print(JSONWriter.write(PlanFile.encode(week.plan, zone: zone, renderer: Reader.renderer)), terminator: "")
            } else {
                for assignment in week.plan.assignments.sorted(by: { $0.span.start < $1.span.start }) {
                    let line = Text("\(weekday: zone.local(at: assignment.span.start))  \(assignment.session)  request \(assignment.request.dropFirst()) #\(assignment.index + 1)")
                    say(assignment.consultantAttends ? Text("\(line)  consultant along") : line)
                }
                for item in week.plan.unscheduled { say(Text("left out: request \(item.request.dropFirst()): \(item.reason)")) }
            }
            printError(
                week.committed
                    ? Text("booked \(week.scheduled) of \(week.requests) pending request(s), objective \(week.plan.objective)")
                    : Text("would book \(week.scheduled) of \(week.requests) pending request(s), objective \(week.plan.objective)"))
        }
    }
}

/// `zitdag export`: CSV for spreadsheets.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: Text("Export appointments or occupancy per session as CSV.").cli)

    @Argument(help: ArgumentHelp(Text("appointments or occupancy"))) var what: String
    @Option(help: ArgumentHelp(Text("From this date (default: today)."))) var from: String?
    @Option(help: ArgumentHelp(Text("Up to and including this date (default: 4 weeks after --from)."))) var to: String?
    @Option(name: .shortAndLong, help: ArgumentHelp(Text("Write to this file (default: standard output)."))) var out: String?
    @OptionGroup var store: StoreOptions

    func run() throws {
        try reporting {
            guard what == "appointments" || what == "occupancy" else {
                throw CommandError.input(Text("export: \"\(what)\" is not appointments or occupancy"))
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
        commandName: "forget",
        abstract: Text("Erase a job seeker's personal data, keeping only anonymous counts (right to erasure).").cli)

    @Argument(help: ArgumentHelp(Text("The job seeker's pseudonymous id."))) var jobSeeker: String
    @OptionGroup var store: StoreOptions

    func run() throws {
        try reporting {
            let store = try self.store.open()
            do {
                let erasure = try store.forget(jobSeeker: jobSeeker, at: StoreOptions.clock(), actor: self.store.who)
                say(Text("erased \(jobSeeker): \(count: erasure.requests, "request"), \(count: erasure.appointments, "appointment"), \(count: erasure.loans, "loan") and \(count: erasure.intakes, "intake") unlinked; \(count: erasure.cancelled, "future appointment") cancelled"))
            } catch { throw CommandError.store(error) }
        }
    }
}
