import GRDB
import ZitdagCore

/// Sessions in the database, with the appointments already booked in them.
enum SessionTable {
    static let columns = #"s.id, s.coach_id, s.location_id, s.day, s.start, s."end", s.seats, s.languages, s.reserved"#

    /// The language codes the open sessions name (none when every session serves every language).
    static func languages(_ db: Database) throws -> Set<String> {
        Set(try String.fetchAll(db, sql: "SELECT DISTINCT languages FROM session WHERE languages IS NOT NULL AND cancelled = 0").flatMap { list in
            list.split(separator: ",").map(String.init)
        })
    }

    /// `text` as a language code the sessions use, or a refusal naming them (field `language`).
    static func code(of text: String, _ db: Database) throws -> String {
        switch LanguageCode.resolve(text, among: try languages(db)) {
        case .success(let code): return code
        case .failure(let refusal): throw StoreError.invalid(field: "language", reason: refusal.text)
        }
    }

    /// The open sessions on days `days` (days since the epoch), in (day, start) order.
    static func sessions(_ db: Database, days: ClosedRange<Int>, except: Set<Int64> = []) throws -> [Session] {
        let sessions = try db.records(
            SessionRecord.self, "SELECT \(columns) FROM session s WHERE s.day BETWEEN ? AND ? AND s.cancelled = 0 ORDER BY s.day, s.start, s.id",
            [days.lowerBound, days.upperBound]
        ).map(\.session)
        let booked = try bookedSpans(
            db,
            sql: #"SELECT a.session_id AS owner, a.start, a."end", a.id AS appointment, a.urgent FROM appointment a JOIN session s ON s.id = a.session_id WHERE s.day BETWEEN ? AND ? AND a.status != 'cancelled'"#,
            arguments: [days.lowerBound, days.upperBound], except: except)
        return attach(booked, to: sessions)
    }

    /// The cancelled sessions on days `days`, by start.
    static func cancelled(_ db: Database, days: ClosedRange<Int>) throws -> [Session] {
        // Sorted here, not by SQLite: with an ORDER BY it walks every session of the days instead of
        // the partial index of cancelled ones (this runs for every booking).
        try db.records(
            SessionRecord.self, "SELECT \(columns) FROM session s WHERE s.day BETWEEN ? AND ? AND s.cancelled = 1", [days.lowerBound, days.upperBound]
        ).map(\.session).sorted { ($0.span.start, $0.id) < ($1.span.start, $1.id) }
    }

    /// The open sessions running at `instant` (only `id`, when given).
    static func sessions(_ db: Database, at instant: Instant, id: String?, except: Set<Int64> = []) throws -> [Session] {
        var sql = #"SELECT \#(columns) FROM session s WHERE s.start <= ? AND s."end" > ? AND s.cancelled = 0"#
        var arguments: StatementArguments = [instant.seconds, instant.seconds]
        if let id {
            sql += " AND s.id = ?"
            arguments += [id]
        }
        let sessions = try db.records(SessionRecord.self, sql + " ORDER BY s.id", arguments).map(\.session)
        var booked: Booked = [:]
        for session in sessions { booked.merge(try bookedSpans(db, in: session.id, except: except), uniquingKeysWith: { a, b in (a.0 + b.0, a.1 + b.1) }) }
        return attach(booked, to: sessions)
    }

    static func session(_ db: Database, id: String) throws -> Session? {
        try db.record(SessionRecord.self, "SELECT \(columns) FROM session s WHERE s.id = ?", [id])?.session
    }

    /// Session `id` with the appointments booked in it, and whether it is cancelled.
    static func sessionWithBookings(_ db: Database, id: String) throws -> (session: Session, cancelled: Bool)? {
        guard let session = try session(db, id: id) else { return nil }
        let cancelled = try Bool.fetchOne(db.cachedStatement(sql: "SELECT cancelled FROM session WHERE id = ?"), arguments: [id]) ?? false
        return (attach(try bookedSpans(db, in: id, except: []), to: [session])[0], cancelled)
    }

    /// Per session: its ordinary appointments' spans and its urgent ones'.
    private typealias Booked = [String: (ordinary: [Span], urgent: [Span])]

    private static func bookedSpans(_ db: Database, in session: String, except: Set<Int64>) throws -> Booked {
        try bookedSpans(
            db, sql: #"SELECT session_id AS owner, start, "end", id AS appointment, urgent FROM appointment WHERE session_id = ? AND status != 'cancelled'"#,
            arguments: [session], except: except)
    }

    private static func bookedSpans(
        _ db: Database, sql: String, arguments: StatementArguments, except: Set<Int64>
    ) throws -> Booked {
        var booked: Booked = [:]
        for record in try db.records(SpanRecord.self, sql, arguments) {
            if !except.isEmpty, let appointment = record.appointment, except.contains(appointment) { continue }
            guard let owner = record.owner else { continue }
            if record.urgent { booked[owner, default: ([], [])].urgent.append(record.span) } else { booked[owner, default: ([], [])].ordinary.append(record.span) }
        }
        return booked
    }

    private static func attach(_ booked: Booked, to sessions: [Session]) -> [Session] {
        sessions.map { session in
            var session = session
            session.booked = booked[session.id]?.ordinary ?? []
            session.bookedUrgent = booked[session.id]?.urgent ?? []
            return session
        }
    }

    /// A session's reservations as the `reserved` column keeps them: `channel start end seats
    /// release_days` (instants in seconds), `;` between them; `nil` for none.
    static func reservedText(_ reserved: [Reservation]) -> String? {
        reserved.isEmpty ? nil : reserved.map {
            "\($0.channel.rawValue) \($0.span.start.seconds) \($0.span.end.seconds) \($0.seats) \($0.releaseDays)"
        }.joined(separator: ";")
    }

    /// The reservations of a `reserved` column (see ``reservedText(_:)``).
    static func reservations(_ text: String?) -> [Reservation] {
        guard let text else { return [] }
        return text.split(separator: ";").compactMap { item in
            let parts = item.split(separator: " ")
            guard parts.count == 5, let channel = Reservation.Channel(rawValue: String(parts[0])),
                let start = Int(parts[1]), let end = Int(parts[2]), let seats = Int(parts[3]), let release = Int(parts[4])
            else { return nil }
            return Reservation(channel, span: Span(start: Instant(seconds: start), end: Instant(seconds: end)), seats: seats, releaseDays: release)
        }
    }

    /// Stores `sessions` from the calendars, and cancels calendar sessions on `days` that are gone
    /// from them (a closure added after the fact). Returns how many were added, changed and cancelled.
    /// Half-days the calendars take back (`closed`) are stored as cancelled sessions, not counted.
    static func sync(
        _ db: Database, _ sessions: [Session], closed: [Session] = [], days: ClosedRange<Int>
    ) throws -> (added: Int, changed: Int, cancelled: Int) {
        for session in closed where days.contains(session.day.daysSinceEpoch) {
            try registerPlaces(of: session, db)
            try db.run(insertIfNew, values(of: session) + [session.id, true])
        }
        var added = 0
        var changed = 0
        for session in sessions {
            try registerPlaces(of: session, db)
            let values = values(of: session)
            try db.run(#"""
                    UPDATE session SET coach_id = ?, location_id = ?, day = ?, start = ?, "end" = ?, seats = ?, languages = ?, reserved = ?, cancelled = 0
                    WHERE id = ? AND (coach_id, location_id, day, start, "end", seats, coalesce(languages, ''), coalesce(reserved, ''), cancelled)
                        IS NOT (?, ?, ?, ?, ?, ?, coalesce(?, ''), coalesce(?, ''), 0)
                    """#, values + [session.id] + values)
            changed += db.changesCount
            try db.run(insertIfNew, values + [session.id, false])
            added += db.changesCount
        }
        let ids = Set(sessions.map(\.id))
        var cancelled = 0
        for id in try String.fetchAll(
            db, sql: "SELECT id FROM session WHERE origin = 'calendar' AND cancelled = 0 AND day BETWEEN ? AND ?",
            arguments: [days.lowerBound, days.upperBound]) where !ids.contains(id)
        {
            try db.run("UPDATE session SET cancelled = 1 WHERE id = ?", [id])
            cancelled += 1
        }
        return (added, changed, cancelled)
    }

    /// A calendar session, stored unless its id is: its columns (``values(of:)``), id and cancelled flag.
    private static let insertIfNew = #"""
        INSERT OR IGNORE INTO session (coach_id, location_id, day, start, "end", seats, languages, reserved, id, origin, cancelled)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'calendar', ?)
        """#

    /// Coach, location, day, start, end, seats, languages and reservations, as the session table stores them.
    static func values(of session: Session) -> StatementArguments {
        [
            session.coach, session.location, session.day.daysSinceEpoch, session.span.start.seconds, session.span.end.seconds,
            session.seats, session.languages.map { $0.sorted().joined(separator: ",") }, reservedText(session.reserved),
        ]
    }

    /// The session's coach and location, which it refers to, stored first.
    private static func registerPlaces(of session: Session, _ db: Database) throws {
        try db.run("INSERT OR IGNORE INTO coach (id) VALUES (?)", [session.coach])
        try db.run("INSERT OR IGNORE INTO location (id) VALUES (?)", [session.location])
    }
}

/// A row of the `session` table, as the core's ``Session`` (without its bookings).
struct SessionRecord: FetchableRecord {
    var session: Session

    enum Columns {
        static let id = Column("id")
        static let coach = Column("coach_id")
        static let location = Column("location_id")
        static let day = Column("day")
        static let start = Column("start")
        static let end = Column("end")
        static let seats = Column("seats")
        static let languages = Column("languages")
        static let reserved = Column("reserved")
    }

    init(row: Row) {
        let languages: String? = row[Columns.languages]
        session = Session(
            id: row[Columns.id], coach: row[Columns.coach], location: row[Columns.location],
            span: Span(start: Instant(seconds: row[Columns.start]), end: Instant(seconds: row[Columns.end])),
            day: LocalDate(daysSinceEpoch: row[Columns.day]), seats: row[Columns.seats],
            languages: languages.map { Set($0.split(separator: ",").map(String.init)) },
            reserved: SessionTable.reservations(row[Columns.reserved]))
    }
}
