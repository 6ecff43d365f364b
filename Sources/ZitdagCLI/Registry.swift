import ArgumentParser
import Foundation
import ZitdagCore
import ZitdagStore

/// `zitdag consultant add|list`.
struct ConsultantCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "consultant", abstract: Text("Manage consultants.").cli, subcommands: [Add.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: Text("Add a consultant.").cli)
        @Argument(help: ArgumentHelp(Text("The consultant's id."))) var id: String
        @OptionGroup var store: StoreOptions
        func run() throws {
            try reporting {
                do { try store.open().addConsultant(id, at: StoreOptions.clock(), actor: store.who) } catch { throw CommandError.store(error) }
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: Text("List the consultants.").cli)
        @OptionGroup var store: StoreOptions
        func run() throws {
            try reporting {
                do { for id in try store.open().consultants() { print(id) } } catch { throw CommandError.store(error) }
            }
        }
    }
}

/// `zitdag job-seeker add|update|show|list`.
struct JobSeekerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "job-seeker", abstract: Text("Manage job seekers.").cli, subcommands: [Add.self, Update.self, Show.self, List.self])

    /// What a job seeker's profile holds, as options.
    struct Profile: ParsableArguments {
        @Option(help: ArgumentHelp(Text("The language sessions must serve."))) var language: String?
        @Option(help: ArgumentHelp(Text("Digital level, before any intake sets it: starter, basic or advanced."))) var level: String?
        @Option(help: ArgumentHelp(Text("Their consultant: the only one who may book for them over HTTP."))) var consultant: String?

        /// The change the options make to a profile: what was given, the rest left as it is. Values are
        /// read here, before the store is touched, so a bad one changes nothing.
        func change() throws(CommandError) -> @Sendable (inout JobSeeker) -> Void {
            let (language, consultant) = (language, consultant)
            let level = try self.level.map { text throws(CommandError) in
                guard let level = DigitalLevel(rawValue: text) else { throw CommandError.input(Text("--level: \"\(text)\" is not starter, basic or advanced")) }
                return level
            }
            return { seeker in
                if let language { seeker.language = language }
                if let level { seeker.digitalLevel = level }
                if let consultant { seeker.consultant = consultant }
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: Text("Register a job seeker: a pseudonymous id and what the coaching needs, never a name.").cli,
            discussion: Text("An id registered already is refused (exit 3): change a profile with `zitdag job-seeker update`.").cli)
        @Argument(help: ArgumentHelp(Text("The pseudonymous id from the case system."))) var id: String
        @Option(help: ArgumentHelp(Text("Initials, shown to the coach."))) var initials: String
        @OptionGroup var profile: Profile
        @OptionGroup var store: StoreOptions

        func run() throws {
            try reporting {
                var seeker = JobSeeker(id: id, initials: initials)
                try profile.change()(&seeker)
                do { try store.open().addJobSeeker(seeker, at: StoreOptions.clock(), actor: store.who) } catch {
                    throw CommandError.store(error)
                }
            }
        }
    }

    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "update", abstract: Text("Change what is given of a job seeker's profile; the rest stays.").cli)
        @Argument(help: ArgumentHelp(Text("The job seeker's id."))) var id: String
        @Option(help: ArgumentHelp(Text("Initials, shown to the coach."))) var initials: String?
        @OptionGroup var profile: Profile
        @OptionGroup var store: StoreOptions

        func run() throws {
            try reporting {
                let (initials, change) = (self.initials, try profile.change())
                do {
                    let seeker = try store.open().updateJobSeeker(id, at: StoreOptions.clock(), actor: store.who) { seeker in
                        if let initials { seeker.initials = initials }
                        change(&seeker)
                    }
                    say(Self.describe(seeker))
                } catch { throw CommandError.store(error) }
            }
        }

        static func describe(_ seeker: JobSeeker) -> Text {
            let parts = [
                Text(verbatim: "\(seeker.id) \(seeker.initials)"), seeker.language.map { Text("language \($0)") }, seeker.digitalLevel.map { Text("level \($0.words)") },
                seeker.consultant.map { Text("consultant \($0)") },
            ]
            return Text.joined(parts.compactMap { $0 }, separator: ", ")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: Text("Show a job seeker's profile.").cli)
        @Argument(help: ArgumentHelp(Text("The job seeker's id."))) var id: String
        @OptionGroup var store: StoreOptions
        func run() throws {
            try reporting {
                let seeker: JobSeeker?
                do { seeker = try store.open().jobSeeker(id) } catch { throw CommandError.store(error) }
                guard let seeker else { throw CommandError.input(Text("no job seeker \(id)")) }
                say(Update.describe(seeker))
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: Text("List the job seekers' profiles.").cli)
        @OptionGroup var store: StoreOptions
        func run() throws {
            try reporting {
                do { for seeker in try store.open().jobSeekers() { say(Update.describe(seeker)) } } catch { throw CommandError.store(error) }
            }
        }
    }
}

/// `zitdag request add|list|cancel`: the queue for the week's plan.
struct RequestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "request", abstract: Text("Queue requests for `zitdag plan`, or for an earlier place.").cli,
        subcommands: [Add.self, List.self, Cancel.self, Earlier.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: Text("Queue a request; `zitdag plan` books it with the others.").cli,
            discussion: Text("The same request queued twice is refused (exit 3), as is a --from in the past (exit 2).").cli)
        @OptionGroup var request: DraftOptions
        @OptionGroup var store: StoreOptions
        func run() throws {
            try reporting {
                do {
                    let id = try store.open().queue(try request.draft(), at: StoreOptions.clock(), actor: store.who)
                    say(Text("request \(id) queued"))
                } catch { throw CommandError.store(error) }
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: Text("List the queued requests, oldest first.").cli)
        @OptionGroup var store: StoreOptions
        func run() throws {
            try reporting {
                do {
                    for (id, draft, release) in try store.open().queuedRequests() {
                        let series = draft.appointments == 1
                            ? Text("1 appointment")
                            : Text("\(draft.appointments) appointments \(draft.gapDays.lowerBound)..\(draft.gapDays.upperBound) days apart")
                        var line = Text("\(id)  \(draft.jobSeeker)  \(series), \(draft.durationMinutes) min, from \(release)")
                        if let due = draft.due { line = Text("\(line) due \(due)") }
                        if let consultant = draft.consultant { line = Text("\(line), consultant \(consultant) \(draft.attendance.rawValue)") }
                        say(Text("\(line), priority \(draft.priority)"))
                    }
                } catch { throw CommandError.store(error) }
            }
        }
    }

    struct Earlier: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "earlier",
            abstract: Text("Wait for an earlier place for a booked series: it stands until one is found, then it is replaced.").cli,
            discussion: Text("""
                A twin of the request joins the waiting list with a due date the day before its first appointment;
                when a freed place (or the week's plan) books it, the old booking is cancelled in the same
                transaction. Take it off with `zitdag request cancel`. Exit status 3 when the series has begun,
                waits already, or nothing can come earlier; 2 for an unknown appointment.
                """).cli)
        @Argument(help: ArgumentHelp(Text("The number of any appointment of the series."))) var appointment: Int64
        @OptionGroup var store: StoreOptions
        func run() throws {
            try reporting {
                do {
                    let db = try store.open()
                    guard let booked = try db.appointment(appointment) else { throw StoreError.unknown(kind: Text("appointment"), id: String(appointment)) }
                    let twin = try db.waitForEarlier(request: booked.request, at: StoreOptions.clock(), actor: store.who)
                    say(Text("request \(twin) waits for an earlier place than request \(booked.request)'s"))
                } catch let error as StoreError { throw CommandError.store(error) }
            }
        }
    }

    struct Cancel: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cancel", abstract: Text("Take a queued request off the queue.").cli)
        @Argument(help: ArgumentHelp(Text("The request's number (see `zitdag request list`)."))) var id: Int64
        @OptionGroup var store: StoreOptions
        func run() throws {
            try reporting {
                do { try store.open().cancelQueuedRequest(id, at: StoreOptions.clock(), actor: store.who) } catch { throw CommandError.store(error) }
                say(Text("request \(id) cancelled"))
            }
        }
    }
}

/// `zitdag rules`: booking rules per service, location or coach.
struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: Text("Show or set booking rules.").cli, subcommands: [Show.self, Set.self], defaultSubcommand: Show.self)

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: Text("Show the booking rules.").cli)
        @OptionGroup var store: StoreOptions
        func run() throws {
            try reporting {
                let book: RuleBook
                do { book = try store.open().ruleBook() } catch { throw CommandError.store(error) }
                func line(_ scope: Text, _ r: BookingRules) -> Text {
                    var line = Text(
                        "\(scope): notice \(count: r.minimumNoticeDays, "day"), horizon \(count: r.horizonWeeks, "week"), buffer \(r.bufferMinutes) min, backfill \(r.backfill.rawValue)")
                    if r.backfill == .offer { line = Text("\(line) (held \(r.offerHours) h)") }
                    line = Text("\(line), held-back seats open \(count: r.releaseDays, "day") before")
                    return r.noShowEndsSeries ? Text("\(line), a no-show ends the series") : line
                }
                say(line(Text("default"), book.standard))
                for (id, rules) in book.byLocation.sorted(by: { $0.key < $1.key }) { say(line(Text("location \(id)"), rules)) }
                for (id, rules) in book.byCoach.sorted(by: { $0.key < $1.key }) { say(line(Text("coach \(id)"), rules)) }
            }
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: Text("Set the booking rules of the service (default), a location or a coach.").cli,
            discussion: Text("A coach's rules win over their location's, which win over the default. Unset values keep the default's.").cli)
        @Option(help: ArgumentHelp(Text("Rules for this location."))) var location: String?
        @Option(help: ArgumentHelp(Text("Rules for this coach."))) var coach: String?
        @Option(help: ArgumentHelp(Text("Days of notice: 1 forbids same-day bookings."))) var notice: Int?
        @Option(help: ArgumentHelp(Text("Weeks ahead that can be booked."))) var horizon: Int?
        @Option(help: ArgumentHelp(Text("Minutes kept free after each appointment."))) var buffer: Int?
        @Option(help: ArgumentHelp(Text("What a place freed by a cancellation does: book (the waiting request it serves best), offer (to its consultant) or off.")))
        var backfill: BackfillPolicy?
        @Option(help: ArgumentHelp(Text("Hours an offer of a freed place holds it for the consultant (1 to 336)."))) var offerHours: Int?
        @Option(help: ArgumentHelp(Text("Days before a half-day its seats held back for urgent bookings open to every booking, where `session add` or `session reserve` do not say (0 to 365).")))
        var releaseDays: Int?
        @Option(help: ArgumentHelp(Text("true: a no-show ends the job seeker's series (its later appointments are cancelled and go to the waiting list); false (default).")))
        var noShowEndsSeries: Bool?
        @OptionGroup var store: StoreOptions

        func run() throws {
            try reporting {
                guard location == nil || coach == nil else { throw CommandError.input(Text("give --location or --coach, not both")) }
                let store = try self.store.open()
                do {
                    let book = try store.ruleBook()
                    let scope: RuleScope = location.map { .location($0) } ?? coach.map { .coach($0) } ?? .standard
                    var rules = switch scope {
                    case .standard: book.standard
                    case .location(let id): book.byLocation[id] ?? book.standard
                    case .coach(let id): book.byCoach[id] ?? book.standard
                    }
                    rules.minimumNoticeDays = notice ?? rules.minimumNoticeDays
                    rules.horizonWeeks = horizon ?? rules.horizonWeeks
                    rules.bufferMinutes = buffer ?? rules.bufferMinutes
                    rules.backfill = backfill ?? rules.backfill
                    rules.offerHours = offerHours ?? rules.offerHours
                    rules.releaseDays = releaseDays ?? rules.releaseDays
                    rules.noShowEndsSeries = noShowEndsSeries ?? rules.noShowEndsSeries
                    try store.setRules(rules, for: scope, at: StoreOptions.clock(), actor: self.store.who)
                } catch { throw CommandError.store(error) }
            }
        }
    }
}

/// `zitdag sync`: the zitdagen of Calendars/ into the store.
struct Sync: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: Text("Store the sessions of Calendars/ for a period; sessions since closed are cancelled.").cli,
        discussion: Text("Exit status: 0, 2 a broken calendar, 1 database.").cli)

    @OptionGroup(title: Text("Sessions to store (default: today and the next 13 weeks)").cli) var window: DateWindow
    @Option(help: ArgumentHelp(Text("The folder of .ics files defining the zitdagen; remembered by the database (default: the folder last given, else ./Calendars).")))
    var calendars: String?
    @OptionGroup var store: StoreOptions

    func run() throws {
        try reporting {
            let db = try store.open()
            let zone = db.zone
            var window = self.window
            if window.from == nil { window.from = zone.local(at: StoreOptions.clock()).date.description }
            if window.to == nil { window.to = LocalDate(iso: window.from!).map { $0.adding(days: 91).description } }
            let span = try window.span(in: zone)
            let folder = try calendarsFolder(db)
            let schedule = try SessionCalendarFiles.schedule(in: folder, window: span, zone: zone)
            let first = zone.local(at: span.start).date
            let last = zone.local(at: span.end).date.adding(days: -1)
            do {
                if try db.calendarsFolder() != folder { try db.setCalendarsFolder(folder, at: StoreOptions.clock(), actor: store.who) }
                let counts = try db.syncSessions(schedule.open, closed: schedule.closed, from: first, to: last, at: StoreOptions.clock(), actor: store.who)
                say(Text("\(count: schedule.open.count, "session") from \(first) to \(last): \(counts.added) added, \(counts.changed) changed, \(counts.cancelled) cancelled"))
            } catch { throw CommandError.store(error) }
        }
    }

    /// The folder given (made absolute), else the one the database remembers, else ./Calendars.
    private func calendarsFolder(_ db: Store) throws(CommandError) -> String {
        let remembered: String?
        do { remembered = try db.calendarsFolder() } catch { throw CommandError.store(error) }
        let folder = calendars.map { URL(fileURLWithPath: $0).standardizedFileURL.path } ?? remembered
            ?? URL(fileURLWithPath: "Calendars").standardizedFileURL.path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw CommandError.input(
                calendars == nil
                    ? Text("--calendars: no folder \(folder); give the folder of the zitdagen's .ics files once, the database remembers it")
                    : Text("--calendars: no folder \(folder)"))
        }
        return folder
    }
}

extension BackfillPolicy: ExpressibleByArgument {}
