import ArgumentParser
import Foundation
import ZitdagCore
import ZitdagHTTP
import ZitdagStore

/// `--db` and `--as`, shared by every command that uses the booking store.
struct StoreOptions: ParsableArguments {
    @Option(help: ArgumentHelp(Text("The booking database (default: $ZITDAG_DB, else ~/.local/share/zitdag/zitdag.sqlite).")))
    var db: String?

    @Option(name: .customLong("as"), help: ArgumentHelp(Text("Who is acting, for the audit log (default: $USER).")))
    var actor: String?

    @Flag(help: ArgumentHelp(Text("Print JSON instead of a table.")))
    var json = false

    func open() throws(CommandError) -> Store {
        do {
            let stall = ProcessInfo.processInfo.environment["ZITDAG_TEST_STALL_MS"].flatMap { Int($0) } ?? 0
            return try Store(path: db ?? Store.defaultPath(), stallBeforeCommit: stall)
        } catch {
            throw CommandError.store(error)
        }
    }

    func desk() throws(CommandError) -> Desk {
        Desk(store: try open(), now: StoreOptions.clock)
    }

    var who: String { actor ?? ProcessInfo.processInfo.environment["USER"] ?? "cli" }

    /// The clock: the system's, or `ZITDAG_NOW` (`YYYY-MM-DDTHH:MM:SS` in Brussels) for demos and tests.
    static let clock: @Sendable () -> Instant = {
        if let text = ProcessInfo.processInfo.environment["ZITDAG_NOW"], let local = LocalDateTime(iso: text),
            let instant = Zone.brussels.instant(for: local)
        {
            return instant
        }
        return Instant(seconds: Int(Date().timeIntervalSince1970))
    }
}

extension CommandError {
    /// Bad input exits with 2, "could not book" with 3, an unusable database with 1. A field the store
    /// names (by its name in the problem format and the API) is named by its option here; `options`
    /// gives a command's own (`move` takes its start as `--to`).
    static func store(_ error: any Error, options: [String: String] = [:]) -> CommandError {
        if let error = error as? CommandError { return error }
        guard let error = error as? StoreError else { return CommandError(text: Text.of(error), status: 1) }
        return switch error.code {
        case .invalid:
            CommandError(text: error.field.map { Text("\(options[$0] ?? Self.options[$0] ?? $0): \(error.message)") } ?? error.message, status: 2)
        case .unknown: CommandError(text: error.text, status: 2)
        case .taken, .noRoom, .conflict: CommandError(text: error.text, status: 3)
        case .unusable, .locked: CommandError(text: error.text, status: 1)
        }
    }
}

extension CommandError {
    /// The options that set the fields of a request and of the registry, by the fields' names.
    static let options = [
        "job_seeker": "--job-seeker", "duration_minutes": "--duration", "appointments": "--series", "min_gap_days": "--gap",
        "max_gap_days": "--gap", "priority": "--priority", "attendance": "--attendance", "consultant": "--consultant",
        "due": "--due", "from": "--from", "to": "--to", "start": "--at", "session": "--session", "count": "--count",
        "language": "--language", "initials": "--initials",
        "offer_hours": "--offer-hours", "until": "--until", "device": "--device",
        "on": "--on", "state": "--state", "advanced_from": "--advanced", "gap_days": "--gap",
    ]
}

/// Parsing people's dates and times on the command line, in the store's zone: ISO, or the Belgian
/// way the pages write them (`di 08/12/2026 09:00`).
enum WallClock {
    static func date(_ text: String, option: String) throws(CommandError) -> LocalDate {
        guard let date = LocalDate(iso: text) ?? Catalog.shipped.day(belgian: text) else {
            throw CommandError.input(Text("\(option): \"\(text)\" is not a date YYYY-MM-DD or DD/MM/YYYY (a weekday before it must be the date's)"))
        }
        return date
    }

    /// `2026-12-08 09:00`, `2026-12-08T09:00` or `di 08/12/2026 09:00`; a time the clocks skip is refused.
    static func instant(_ text: String, option: String, zone: Zone) throws(CommandError) -> Instant {
        let normalised = text.replacingOccurrences(of: " ", with: "T") + (text.count == 16 ? ":00" : "")
        guard let local = LocalDateTime(iso: normalised) ?? Catalog.shipped.moment(belgian: text) else {
            throw CommandError.input(Text("\(option): \"\(text)\" is not a date and time YYYY-MM-DD HH:MM or DD/MM/YYYY HH:MM"))
        }
        guard let instant = zone.instant(for: local) else {
            throw CommandError.input(Text("\(option): \(text) does not exist in \(zone.identifier) (the clocks skip it)"))
        }
        return instant
    }
}

extension StoreOptions {
    /// Runs `body` on the store these options name; the store's refusals are reported as the
    /// command's errors (their fields named as options).
    func run(_ command: some ParsableCommand, _ body: (Store) throws -> Void) throws {
        try command.reporting {
            let db = try open()
            do { try body(db) } catch let error as StoreError { throw CommandError.store(error) }
        }
    }
}
