import ArgumentParser
import ZitdagCalendar
import ZitdagCore

/// `zitdag import`: bring outside calendars in.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: Text("Import calendars from other applications.").cli,
        subcommands: [ImportBusy.self])
}

/// `zitdag import busy`: a consultant's exported agenda as busy intervals.
struct ImportBusy: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "busy",
        abstract: Text("Read a consultant's agenda (.ics) and print their busy times as a problem-file consultant.").cli,
        discussion: Text("""
            Reads VEVENTs (not cancelled or transparent ones) with RRULE, RDATE, EXDATE and RECURRENCE-ID,
            all-day and floating events (in Europe/Brussels), any time zone (Outlook's Windows names too)
            and VFREEBUSY. A file that cannot be read with confidence is refused whole, naming its line.
            Exit status: 0 imported, 2 refused.
            """).cli)

    @Argument(help: ArgumentHelp(Text("The consultant's id.")))
    var consultant: String

    @Argument(help: ArgumentHelp(Text("The exported agenda, an iCalendar file.")))
    var file: String

    @OptionGroup(title: Text("Busy times to keep (default: today and the next 52 weeks)").cli)
    var window: DateWindow

    @Flag(help: ArgumentHelp(Text("Store the busy times in the booking database (replacing those from this file), instead of printing them.")))
    var save = false

    @OptionGroup var store: StoreOptions

    func run() throws {
        try reporting {
            let zone = Zone.brussels
            let window = try self.window.span(in: zone)
            let busy: BusyCalendar
            do {
                busy = try BusyImport(zone: zone, window: window).busy(in: try Files.read(file), file: file)
            } catch let error as CalendarError {
                throw CommandError.input(Text.of(error))
            }
            guard save else {
                print(JSONWriter.write(ProblemFile.encode(Consultant(id: consultant, busy: busy), zone: zone)), terminator: "")
                return
            }
            do {
                try store.open().replaceBusy(of: consultant, with: busy.spans, source: file, at: StoreOptions.clock(), actor: store.who)
            } catch { throw CommandError.store(error) }
            printError(Text("stored \(busy.spans.count) busy interval(s) for \(consultant)"))
        }
    }
}
