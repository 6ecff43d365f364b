import GRDB
import ZitdagCore

/// One-off changes to the zitdagen, beside those of the calendars: an extra half-day, a closure.
extension Store {
    /// Adds a one-off session (origin `manual`: `zitdag sync` leaves it alone). Where its rules say
    /// `backfill book` (or `offer`), waiting requests are booked (or offered) into it at once.
    @discardableResult
    public func addSession(_ session: Session, at now: Instant, actor: String) throws(StoreError) -> Backfilled {
        try Store.checkId(session.id, field: "session")
        try Store.checkId(session.coach, field: "coach")
        try Store.checkId(session.location, field: "location")
        guard session.span.start < session.span.end, session.span.seconds <= 12 * 3600 else {
            throw .invalid(field: "end", reason: Text("a session runs from its start for up to 12 hours"))
        }
        guard (1...50).contains(session.seats) else { throw .invalid(field: "seats", reason: Text("\(session.seats); 1 to 50 allowed")) }
        guard session.span.seconds % (gridMinutes * 60) == 0 else {
            throw .invalid(field: "end", reason: Text("the session's length is not a multiple of the \(gridMinutes)-minute grid"))
        }
        if let problem = session.reservationProblem(gridMinutes: gridMinutes) { throw .invalid(field: "reserved", reason: problem) }
        return try write { db in
            guard try SessionTable.session(db, id: session.id) == nil else {
                throw StoreError.conflict(Text("session \(session.id) exists already"))
            }
            try db.run("INSERT OR IGNORE INTO coach (id) VALUES (?)", [session.coach])
            try db.run("INSERT OR IGNORE INTO location (id) VALUES (?)", [session.location])
            try db.run(
                #"INSERT INTO session (coach_id, location_id, day, start, "end", seats, languages, reserved, id, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'manual')"#,
                SessionTable.values(of: session) + [session.id])
            try AuditLog.record(db, at: now, actor: actor, action: "add session", subject: session.id, detail: "\(zone.local(at: session.span.start))")
            return try backfill(db, freed: [session.id], now: now, actor: actor)
        }
    }

    /// Sets what session `id` keeps from ordinary booking (walk-in time or seats, seats held back for
    /// urgent bookings), in place of what it kept. Refused when an appointment booked already would
    /// lose its seat: move or cancel it first. Returns the session as stored.
    @discardableResult
    public func reserve(_ id: String, _ reserved: [Reservation], at now: Instant, actor: String) throws(StoreError) -> Session {
        try write { db in
            guard var session = try SessionTable.sessionWithBookings(db, id: id)?.session else { throw StoreError.unknown(kind: Text("session"), id: id) }
            session.reserved = reserved
            if let problem = session.reservationProblem(gridMinutes: gridMinutes) { throw StoreError.invalid(field: "reserved", reason: problem) }
            if let moment = session.overbooked(today: zone.local(at: now).date) {
                throw StoreError.conflict(
                    Text("appointments booked in \(id) at \(weekday: zone.local(at: moment)) would lose their seat; move or cancel them first"))
            }
            try db.run("UPDATE session SET reserved = ? WHERE id = ?", [SessionTable.reservedText(reserved), id])
            try AuditLog.record(
                db, at: now, actor: actor, action: "reserve", subject: id,
                detail: reserved.isEmpty ? "nothing kept" : reserved.map { "\($0.channel.rawValue) \($0.seats) seat(s) \(zone.local(at: $0.span.start).hourMinute)-\(zone.local(at: $0.span.end).hourMinute)" }.joined(separator: ", "))
            return session
        }
    }

    /// Session `id` (open or cancelled), or `nil`.
    public func session(_ id: String) throws(StoreError) -> Session? {
        try read { db in try SessionTable.session(db, id: id) }
    }

    /// Closes a session (illness, a holiday the calendars miss): its booked appointments are cancelled
    /// with it and returned, so the consultants can book them again.
    public func cancelSession(_ id: String, at now: Instant, actor: String) throws(StoreError) -> [BookedAppointment] {
        try write { db in
            guard try SessionTable.session(db, id: id) != nil else { throw StoreError.unknown(kind: Text("session"), id: id) }
            let affected = try AppointmentTable.fetch(db, where: "a.session_id = ? AND a.status = 'booked' ORDER BY a.start", [id])
            try db.run("UPDATE session SET cancelled = 1 WHERE id = ?", [id])
            try AppointmentTable.cancel(db, where: "session_id = ?", [id], cause: CancellationCause(by: .coach, reason: .sessionClosed), now: now)
            try AuditLog.record(db, at: now, actor: actor, action: "cancel session", subject: id, detail: "\(affected.count) appointment(s) cancelled")
            return affected
        }
    }
}

/// Where the zitdagen's calendars are: a setting of the database, given once to `sync`, so that it
/// does not depend on the folder a command is run from.
extension Store {
    /// The folder of .ics files defining the zitdagen, as last given, or `nil`.
    public func calendarsFolder() throws(StoreError) -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'calendars'") }
    }

    /// Remembers the calendars' folder (an absolute path).
    public func setCalendarsFolder(_ path: String, at now: Instant, actor: String) throws(StoreError) {
        try write { db in
            try db.run("INSERT INTO setting (key, value) VALUES ('calendars', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", [path])
            try AuditLog.record(db, at: now, actor: actor, action: "set calendars", subject: "setting", detail: path)
        }
    }
}
