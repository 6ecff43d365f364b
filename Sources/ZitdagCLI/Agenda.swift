import ArgumentParser
import ZitdagCore
import ZitdagStore

/// `zitdag agenda`: a consultant's, coach's or location's appointments.
struct Agenda: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agenda",
        abstract: Text("Show the agenda of a consultant, coach or location (default: the next 7 days).").cli)

    @Option(help: ArgumentHelp(Text("A consultant's appointments."))) var consultant: String?
    @Option(help: ArgumentHelp(Text("A coach's half-days and appointments."))) var coach: String?
    @Option(help: ArgumentHelp(Text("A location's half-days and appointments."))) var location: String?
    @Option(help: ArgumentHelp(Text("The week (Monday to Sunday) holding this date."))) var week: String?
    @Option(help: ArgumentHelp(Text("From this date (default: today)."))) var from: String?
    @Option(help: ArgumentHelp(Text("Up to and including this date (default: 6 days after --from)."))) var to: String?
    @Flag(help: ArgumentHelp(Text("Show cancelled appointments too."))) var cancelled = false
    @OptionGroup var store: StoreOptions

    func run() throws {
        try reporting {
            let (option, id) = try CommandError.one(of: [("--consultant", consultant), ("--coach", coach), ("--location", location)])
            let owner: AgendaOwner = option == "--consultant" ? .consultant(id) : option == "--coach" ? .coach(id) : .location(id)
            let store = try self.store.open()
            let zone = store.zone
            let today = zone.local(at: StoreOptions.clock()).date
            var first = try from.map { text throws(CommandError) in try WallClock.date(text, option: "--from") } ?? today
            if let week {
                let day = try WallClock.date(week, option: "--week")
                first = day.adding(days: 1 - day.weekday)
            }
            let last = try to.map { text throws(CommandError) in try WallClock.date(text, option: "--to") } ?? first.adding(days: 6)
            let agenda: [AgendaSession]
            do { agenda = try store.agenda(of: owner, from: first, to: last, includeCancelled: cancelled) } catch { throw CommandError.store(error) }
            if self.store.json {
                Render.printJSON(agenda.map { AgendaEntry($0, zone: zone) })
                return
            }
            say(Text("\(weekday: first) to \(weekday: last): \(count: agenda.count, "half-day"), \(count: agenda.reduce(0) { $0 + $1.appointments.count }, "appointment")"))
            for item in agenda {
                let s = item.session
                say(Text("\n\(weekday: zone.local(at: s.span.start))-\(zone.local(at: s.span.end).hourMinute)  coach \(s.coach) at \(s.location), \(count: s.seats, "seat")  [\(s.id)]"))
                if item.appointments.isEmpty { say(Text("  (no appointments)")) }
                for a in item.appointments { say(Text("  \(Render.appointmentLine(a, zone: zone))")) }
            }
        }
    }
}
