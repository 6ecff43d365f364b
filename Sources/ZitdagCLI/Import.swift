import ArgumentParser
import ZitdagCalendar
import ZitdagCore

/// `zitdag import`: bring outside calendars in.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import calendars from other applications.",
        subcommands: [ImportBusy.self])
}

/// `zitdag import busy`: a consultant's exported agenda as busy intervals.
struct ImportBusy: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "busy",
        abstract: "Read a consultant's agenda (.ics) and print their busy times as a problem-file consultant.",
        discussion: """
            Reads VEVENTs (not cancelled or transparent ones) with RRULE, RDATE, EXDATE and RECURRENCE-ID,
            all-day and floating events (in Europe/Brussels), any time zone (Outlook's Windows names too)
            and VFREEBUSY. A file that cannot be read with confidence is refused whole, naming its line.
            Exit status: 0 imported, 2 refused.
            """)

    @Argument(help: "The consultant's id.")
    var consultant: String

    @Argument(help: "The exported agenda, an iCalendar file.")
    var file: String

    @Option(help: "Keep busy times from this date on (default: today).")
    var from: String?

    @Option(help: "...up to this date, exclusive (default: a year after --from).")
    var to: String?

    func validate() throws {
        for (name, value) in [("--from", from), ("--to", to)] {
            if let value, LocalDate(iso: value) == nil { throw ValidationError("\(name) must be a date YYYY-MM-DD, got \(value)") }
        }
    }

    func run() throws {
        try reporting {
            let zone = Zone.brussels
            let first = from.flatMap { LocalDate(iso: $0) } ?? Generate.today()
            let last = to.flatMap { LocalDate(iso: $0) } ?? first.adding(days: 365)
            guard first < last else { throw CommandError.input("--to must be after --from") }
            func midnight(_ date: LocalDate) -> Instant { zone.instant(for: LocalDateTime(date: date, secondOfDay: 0))! }
            let window = Span(start: midnight(first), end: midnight(last))
            let busy: BusyCalendar
            do {
                busy = try BusyImport(zone: zone, window: window).busy(in: try Files.read(file), file: file)
            } catch let error as CalendarError {
                throw CommandError.input(error.description)
            }
            let consultant = Consultant(id: consultant, busy: busy)
            let problem = Problem(zone: zone, sessions: [], consultants: [consultant], requests: [])
            guard case .object(let members) = ProblemFile.encode(problem).value,
                case .array(let consultants) = members.first(where: { $0.key == "consultants" })?.value.value
            else { return }
            print(JSONWriter.write(consultants[0]), terminator: "")
        }
    }
}
