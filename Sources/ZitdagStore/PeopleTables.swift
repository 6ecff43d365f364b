import GRDB
import ZitdagCore

/// Consultants with their agendas: imported busy times plus the appointments they come along to.
enum ConsultantTable {
    /// The consultant's agenda between `from` and `to`, excluding appointment `except`.
    static func consultant(_ db: Database, id: String, from: Instant, to: Instant, except: Set<Int64> = []) throws -> Consultant {
        var spans = try spans(db, sql: #"SELECT start, "end" FROM busy WHERE consultant_id = ? AND "end" > ? AND start < ?"#, [id, from.seconds, to.seconds])
        spans += try self.spans(
            db,
            sql: #"""
                SELECT a.start, a."end", a.id FROM appointment a JOIN request r ON r.id = a.request_id
                WHERE r.consultant_id = ? AND a.consultant_attends = 1 AND a.status != 'cancelled' AND a."end" > ? AND a.start < ?
                """#, [id, from.seconds, to.seconds], except: except)
        return Consultant(id: id, busy: BusyCalendar(spans))
    }

    /// Every consultant's agenda between `from` and `to`.
    static func all(_ db: Database, from: Instant, to: Instant) throws -> [Consultant] {
        var agendas: [String: [Span]] = [:]
        for id in try String.fetchAll(db, sql: "SELECT id FROM consultant") { agendas[id] = [] }
        let rows = try db.cursor(#"""
                SELECT consultant_id, start, "end" FROM busy WHERE "end" > ? AND start < ?
                UNION ALL
                SELECT r.consultant_id, a.start, a."end" FROM appointment a JOIN request r ON r.id = a.request_id
                WHERE a.consultant_attends = 1 AND a.status != 'cancelled' AND a."end" > ? AND a.start < ? AND r.consultant_id IS NOT NULL
                """#, [from.seconds, to.seconds, from.seconds, to.seconds])
        while let row = try rows.next() {
            agendas[row[0], default: []].append(Span(start: Instant(seconds: row[1]), end: Instant(seconds: row[2])))
        }
        return agendas.keys.sorted().map { Consultant(id: $0, busy: BusyCalendar(agendas[$0]!)) }
    }

    /// Spans from rows of (start, end[, appointment id]), leaving out the appointments in `except`.
    static func spans(_ db: Database, sql: String, _ arguments: StatementArguments, except: Set<Int64> = []) throws -> [Span] {
        try db.rows(sql, arguments).compactMap { row in
            if !except.isEmpty, except.contains(row[2]) { return nil }
            return Span(start: Instant(seconds: row[0]), end: Instant(seconds: row[1]))
        }
    }
}

/// Job seekers: a pseudonymous id, initials for the coach, and what the coaching needs.
enum JobSeekerTable {
    static func profile(_ db: Database, _ id: String) throws -> JobSeeker? {
        try db.row("SELECT id, initials, language, digital_level, loan_from, loan_until, consultant_id FROM job_seeker WHERE id = ?", [id]
        ).map { row in
            JobSeeker(
                id: row[0], initials: row[1], language: row[2], digitalLevel: row[3],
                loanFrom: (row[4] as Int?).map(LocalDate.init(daysSinceEpoch:)), loanUntil: (row[5] as Int?).map(LocalDate.init(daysSinceEpoch:)), consultant: row[6])
        }
    }

    /// When the job seeker already has appointments (excluding appointment `except`).
    static func booked(_ db: Database, _ id: String, except: Set<Int64> = []) throws -> [Span] {
        try ConsultantTable.spans(
            db,
            sql: #"""
                SELECT a.start, a."end", a.id FROM appointment a JOIN request r ON r.id = a.request_id
                WHERE r.job_seeker_id = ? AND a.status != 'cancelled'
                """#, [id], except: except)
    }
}
