import ArgumentParser
import ZitdagCore
import ZitdagStore

/// `zitdag session add|reserve|cancel`: one-off changes beside the calendars.
struct SessionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "session", abstract: Text("Add a one-off session, set what it keeps for walk-in and urgent bookings, or close one.").cli,
        subcommands: [Add.self, Reserve.self, Close.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: Text("Add a one-off half-day (kept by `zitdag sync`).").cli)
        @Option(help: ArgumentHelp(Text("The session's id (default: COACH-DATE-HHMM)."))) var id: String?
        @Option(help: ArgumentHelp(Text("The coach."))) var coach: String
        @Option(help: ArgumentHelp(Text("The location."))) var location: String
        @Option(help: ArgumentHelp(Text("Start, YYYY-MM-DD HH:MM."))) var start: String
        @Option(help: ArgumentHelp(Text("End time, HH:MM, the same day."))) var end: String
        @Option(help: ArgumentHelp(Text("Appointments at the same time."))) var seats: Int = 1
        @Option(help: ArgumentHelp(Text("Languages served, comma-separated (default: any)."))) var languages: String?
        @OptionGroup var channels: ReservationOptions
        @OptionGroup var store: StoreOptions

        func run() throws {
            try reporting {
                let db = try store.open()
                let zone = db.zone
                let begin = try WallClock.instant(start, option: "--start", zone: zone)
                let day = zone.local(at: begin).date
                let finish = try WallClock.instant("\(day) \(end)", option: "--end", zone: zone)
                let local = zone.local(at: begin)
                var session = Session(
                    id: id ?? "\(coach)-\(day)-\(local.hourMinute.filter { $0 != ":" })", coach: coach, location: location,
                    span: Span(start: begin, end: finish), day: day, seats: seats,
                    languages: languages.map { Set($0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }) })
                let filled: Store.Backfilled
                do {
                    if !channels.isEmpty { session.reserved = try channels.reservations(for: session, zone: zone, rules: try db.ruleBook().rules(for: session)) }
                    filled = try db.addSession(session, at: StoreOptions.clock(), actor: store.who)
                } catch let error as StoreError { throw CommandError.store(error) }
                say(Text("session \(session.id) added"))
                Render.filled(filled, zone: zone)
            }
        }
    }

    struct Reserve: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reserve",
            abstract: Text("Set what a half-day keeps from ordinary booking: walk-in time or seats, seats held back for urgent bookings.").cli,
            discussion: Text("""
                Replaces what it kept; with no option, it keeps nothing. Refused (exit 3) when an appointment booked
                already would lose its seat: move or cancel it first. Exit status 2 on bad input.
                """).cli)
        @Argument(help: ArgumentHelp(Text("The session's id."))) var id: String
        @OptionGroup var channels: ReservationOptions
        @OptionGroup var store: StoreOptions

        func run() throws {
            try reporting {
                let db = try store.open()
                do {
                    guard let session = try db.session(id) else { throw StoreError.unknown(kind: Text("session"), id: id) }
                    let reserved = try channels.reservations(for: session, zone: db.zone, rules: try db.ruleBook().rules(for: session))
                    try db.reserve(id, reserved, at: StoreOptions.clock(), actor: store.who)
                    say(reserved.isEmpty ? Text("session \(id) keeps nothing back") : Text("session \(id) keeps \(Render.reserved(reserved, of: session, zone: db.zone))"))
                } catch let error as StoreError { throw CommandError.store(error) }
            }
        }
    }

    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cancel", abstract: Text("Close a session; its appointments are cancelled and listed, to book again.").cli)
        @Argument(help: ArgumentHelp(Text("The session's id."))) var id: String
        @OptionGroup var store: StoreOptions

        func run() throws {
            try reporting {
                let db = try store.open()
                do {
                    let affected = try db.cancelSession(id, at: StoreOptions.clock(), actor: store.who)
                    printError(Text("session \(id) closed; \(affected.count) appointment(s) cancelled:"))
                    Render.appointments(affected, zone: db.zone, json: store.json)
                } catch { throw CommandError.store(error) }
            }
        }
    }
}
