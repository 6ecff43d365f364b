import GRDB
import ZitdagCore

/// Requests: what consultants asked for, booked at the desk or waiting for the week's plan.
enum RequestTable {
    /// A stored request's id as the allocator and its plans name it: `R12` for request 12.
    static func problemID(_ id: Int64) -> String { "R\(id)" }

    /// The stored request a plan's id names (the inverse of ``problemID(_:)``).
    static func storeID(_ problemID: String) -> Int64? {
        problemID.first == "R" ? Int64(problemID.dropFirst()) : nil
    }

    @discardableResult
    static func insert(_ db: Database, _ draft: RequestDraft, request: Request, status: String, created: Instant) throws -> Int64 {
        try db.run("""
                INSERT INTO request (job_seeker_id, consultant_id, attendance, duration, appointments, gap_min, gap_max, release, due,
                    priority, language, topic, status, created)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [
                draft.jobSeeker, draft.consultant, draft.attendance.rawValue, request.duration, request.appointments,
                request.gapDays.lowerBound, request.gapDays.upperBound, request.release.daysSinceEpoch, request.due?.daysSinceEpoch,
                request.priority, request.language, draft.topic, status, created.seconds,
            ])
        return db.lastInsertedRowID
    }

    /// The draft a stored request was made from; `nil` once its job seeker is erased.
    static func draft(_ db: Database, _ id: Int64) throws -> RequestDraft? {
        guard let row = try db.row("SELECT job_seeker_id, consultant_id, attendance, duration, appointments, gap_min, gap_max, due, priority, language, topic FROM request WHERE id = ?", [id]), let jobSeeker = row[0] as String?
        else { return nil }
        return RequestDraft(
            jobSeeker: jobSeeker, consultant: row[1], attendance: Attendance(rawValue: row[2]) ?? .none, durationMinutes: (row[3] as Int) / 60,
            appointments: row[4], gapDays: (row[5] as Int)...(row[6] as Int), due: (row[7] as Int?).map(LocalDate.init(daysSinceEpoch:)),
            priority: row[8], language: row[9], topic: row[10])
    }

    /// Pending requests released by `latest`, as core requests with ids `R<id>`.
    static func pending(_ db: Database, releasedBy latest: LocalDate) throws -> [Request] {
        try db.rows("""
                SELECT id, job_seeker_id, consultant_id, attendance, duration, appointments, gap_min, gap_max, release, due, priority, language
                FROM request WHERE status = 'pending' AND release <= ? AND job_seeker_id IS NOT NULL ORDER BY id
                """, [latest.daysSinceEpoch]
        ).map { row in
            Request(
                id: RequestTable.problemID(row[0]), jobSeeker: row[1], consultant: row[2], attendance: Attendance(rawValue: row[3]) ?? .none,
                duration: row[4], appointments: row[5], gapDays: (row[6] as Int)...(row[7] as Int),
                release: LocalDate(daysSinceEpoch: row[8]), due: (row[9] as Int?).map(LocalDate.init(daysSinceEpoch:)), priority: row[10],
                language: row[11])
        }
    }
}

/// Appointments: one row per appointment of a request, with its life cycle.
enum AppointmentTable {
    static func insert(_ db: Database, request: Int64, _ assignment: Assignment, changed: Instant) throws {
        try db.run("""
                INSERT INTO appointment (request_id, series_index, session_id, start, "end", consultant_attends, status, sequence, changed)
                VALUES (?, ?, ?, ?, ?, ?, 'booked', 0, ?)
                """, [
                request, assignment.index, assignment.session, assignment.span.start.seconds, assignment.span.end.seconds,
                assignment.consultantAttends, changed.seconds,
            ])
    }

    static func appointments(_ db: Database, request: Int64) throws -> [BookedAppointment] {
        try fetch(db, where: "a.request_id = ? ORDER BY a.series_index", [request])
    }

    static func appointment(_ db: Database, id: Int64) throws -> BookedAppointment? {
        try fetch(db, where: "a.id = ?", [id]).first
    }

    static func fetch(_ db: Database, where condition: String, _ arguments: StatementArguments) throws -> [BookedAppointment] {
        try db.rows("SELECT \(BookedAppointment.columns) \(BookedAppointment.joins) WHERE \(condition)", arguments)
            .map(BookedAppointment.init(row:))
    }
}
