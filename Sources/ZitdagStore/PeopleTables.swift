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
                SELECT a.start, a."end", a.id AS appointment FROM appointment a JOIN request r ON r.id = a.request_id
                WHERE r.consultant_id = ? AND a.consultant_attends = 1 AND a.status != 'cancelled' AND a."end" > ? AND a.start < ?
                """#, [id, from.seconds, to.seconds], except: except)
        return Consultant(id: id, busy: BusyCalendar(spans))
    }

    /// Every consultant's agenda between `from` and `to`.
    static func all(_ db: Database, from: Instant, to: Instant) throws -> [Consultant] {
        var agendas: [String: [Span]] = [:]
        for id in try String.fetchAll(db, sql: "SELECT id FROM consultant") { agendas[id] = [] }
        let records = try db.records(SpanRecord.self, #"""
                SELECT consultant_id AS owner, start, "end" FROM busy WHERE "end" > ? AND start < ?
                UNION ALL
                SELECT r.consultant_id, a.start, a."end" FROM appointment a JOIN request r ON r.id = a.request_id
                WHERE a.consultant_attends = 1 AND a.status != 'cancelled' AND a."end" > ? AND a.start < ? AND r.consultant_id IS NOT NULL
                """#, [from.seconds, to.seconds, from.seconds, to.seconds])
        for record in records {
            if let owner = record.owner { agendas[owner, default: []].append(record.span) }
        }
        return agendas.keys.sorted().map { Consultant(id: $0, busy: BusyCalendar(agendas[$0]!)) }
    }

    /// The spans a query of ``SpanRecord``s reads, leaving out the appointments in `except`.
    static func spans(_ db: Database, sql: String, _ arguments: StatementArguments, except: Set<Int64> = []) throws -> [Span] {
        try db.records(SpanRecord.self, sql, arguments).compactMap { record in
            if !except.isEmpty, let appointment = record.appointment, except.contains(appointment) { return nil }
            return record.span
        }
    }
}

/// Job seekers: a pseudonymous id, initials for the coach, and what the coaching needs.
enum JobSeekerTable {
    static func profile(_ db: Database, _ id: String) throws -> JobSeeker? {
        try db.record(JobSeeker.self, "SELECT * FROM job_seeker WHERE id = ?", [id])
    }

    /// When the job seeker already has appointments (excluding appointment `except`).
    static func booked(_ db: Database, _ id: String, except: Set<Int64> = []) throws -> [Span] {
        try ConsultantTable.spans(
            db,
            sql: #"""
                SELECT a.start, a."end", a.id AS appointment FROM appointment a JOIN request r ON r.id = a.request_id
                WHERE r.job_seeker_id = ? AND a.status != 'cancelled'
                """#, [id], except: except)
    }
}

/// A row of the `job_seeker` table.
extension JobSeeker: FetchableRecord {
    enum Columns {
        static let id = Column("id")
        static let initials = Column("initials")
        static let language = Column("language")
        static let digitalLevel = Column("digital_level")
        static let consultant = Column("consultant_id")
    }

    public init(row: Row) {
        self.init(
            id: row[Columns.id], initials: row[Columns.initials], language: row[Columns.language], 
            digitalLevel: (row[Columns.digitalLevel] as String?).flatMap(DigitalLevel.init(rawValue:)), consultant: row[Columns.consultant])
    }
}
