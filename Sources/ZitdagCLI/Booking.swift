import ArgumentParser
import ZitdagCore
import ZitdagStore

/// `zitdag book`: book a slot or a whole series.
struct Book: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "book",
        abstract: Text("Book an appointment, or a whole series, for a job seeker.").cli,
        discussion: Text("""
            Give the first start (`--at "2026-12-08 09:00"`) and zitdag places the rest of the series as
            the allocator would, or give every start. When the slot is taken, says so and lists the
            next free ones. Exit status: 0 booked, 3 taken or no room, 2 bad input, 1 database.
            """).cli)

    @OptionGroup var request: DraftOptions
    @Option(parsing: .singleValue, help: ArgumentHelp(Text("Start of an appointment, YYYY-MM-DD HH:MM (repeat for each of a series).")))
    var at: [String] = []
    @Option(help: ArgumentHelp(Text("The session, when several run at that time."))) var session: String?
    @Flag(help: ArgumentHelp(Text("A coordinator's urgent booking: it may take seats held back for urgent bookings."))) var urgent = false
    @OptionGroup var store: StoreOptions

    func run() throws {
        try reporting {
            guard !at.isEmpty else { throw CommandError.input(Text("--at: give the start of the appointment")) }
            let desk = try store.desk()
            let zone = desk.store.zone
            var choices: [SlotChoice] = []
            for text in at { choices.append(SlotChoice(start: try WallClock.instant(text, option: "--at", zone: zone))) }
            choices[0].session = session
            let booked: [BookedAppointment]
            var draft = try request.draft()
            draft.urgent = urgent
            do { booked = try desk.book(draft, at: choices, actor: store.who) } catch { throw CommandError.store(error) }
            Render.appointments(booked, zone: zone, json: store.json)
        }
    }
}

/// `zitdag move`: move one appointment.
struct Move: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "move",
        abstract: Text("Move an appointment to another time (it keeps its id and calendar event).").cli,
        discussion: Text("Exit status: 0 moved, 3 not free or not movable, 2 bad input, 1 database.").cli)

    @Argument(help: ArgumentHelp(Text("The appointment's number."))) var appointment: Int64
    @Option(help: ArgumentHelp(Text("The new start, YYYY-MM-DD HH:MM."))) var to: String
    @Option(help: ArgumentHelp(Text("The session, when several run at that time."))) var session: String?
    @OptionGroup var store: StoreOptions

    func run() throws {
        try reporting {
            let desk = try store.desk()
            let choice = SlotChoice(start: try WallClock.instant(to, option: "--to", zone: desk.store.zone), session: session)
            do {
                let before = try desk.store.appointment(appointment)
                let moved = try desk.move(appointment: appointment, to: choice, actor: store.who)
                Render.appointments([moved], zone: desk.store.zone, json: store.json)
                // A consultant who came along and cannot at the new time is not dropped without a word.
                if before?.consultantAttends == true && !moved.consultantAttends {
                    printError(Text("note: consultant \(moved.consultant ?? "") no longer comes along: not free at the new time"))
                }
            } catch { throw CommandError.store(error, options: ["start": "--to"]) }
        }
    }
}

/// `zitdag cancel`: cancel an appointment or the rest of its series.
struct Cancel: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel",
        abstract: Text("Cancel an appointment (or, with --series, every later one of its series).").cli,
        discussion: Text("The seat is free at once; feeds show the appointment as cancelled for a while. Exit status: 0, 3, 2, 1.").cli)

    @Argument(help: ArgumentHelp(Text("The appointment's number."))) var appointment: Int64
    @Flag(help: ArgumentHelp(Text("Cancel the rest of the series too."))) var series = false
    @Option(help: ArgumentHelp(Text("Who calls it off: job_seeker, consultant, coach or coordinator."))) var by: CancellationCause.Party = .consultant
    @Option(help: ArgumentHelp(Text("Why: ill, work, transport, childcare, not_needed, other or not_given (counted in the funders' report).")))
    var reason: CancellationCause.Reason = .notGiven
    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard by != .system else { throw ValidationError(Text("--by: system is zitdag's own; give job_seeker, consultant, coach or coordinator")) }
        guard CancellationCause.Reason.given.contains(reason) else {
            throw ValidationError(Text("--reason: \(reason.rawValue) is zitdag's own; give ill, work, transport, childcare, not_needed, other or not_given"))
        }
    }

    func run() throws {
        try reporting {
            let desk = try store.desk()
            do {
                let cancellation = try desk.cancelling(
                    appointment: appointment, wholeSeries: series, cause: CancellationCause(by: by, reason: reason), actor: store.who)
                Render.appointments(cancellation.cancelled, zone: desk.store.zone, json: store.json)
                Render.filled(cancellation.filled, zone: desk.store.zone)
            } catch { throw CommandError.store(error) }
        }
    }
}

/// `zitdag attended` and `zitdag no-show`: how an appointment went.
struct Attended: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attended", abstract: Text("Record that the job seeker came to an appointment.").cli)
    @Argument(help: ArgumentHelp(Text("The appointment's number."))) var appointment: Int64
    @OptionGroup var store: StoreOptions
    func run() throws { try Outcome.record(.attended, appointment, store, self) }
}

struct NoShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "no-show", abstract: Text("Record that the job seeker did not come.").cli)
    @Argument(help: ArgumentHelp(Text("The appointment's number."))) var appointment: Int64
    @OptionGroup var store: StoreOptions
    func run() throws { try Outcome.record(.noShow, appointment, store, self) }
}

enum Outcome {
    static func record(_ status: BookedAppointment.Status, _ id: Int64, _ store: StoreOptions, _ command: some ParsableCommand) throws {
        try command.reporting {
            let desk = try store.desk()
            do {
                let marking = try desk.marking(appointment: id, as: status, actor: store.who)
                Render.appointments([marking.marked] + marking.ended, zone: desk.store.zone, json: store.json)
                if !marking.ended.isEmpty {
                    printError(Text("note: the rules end the series at a no-show: \(count: marking.ended.count, "later appointment") cancelled"))
                }
                Render.filled(marking.filled, zone: desk.store.zone)
            } catch { throw CommandError.store(error) }
        }
    }
}
