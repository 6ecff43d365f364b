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
        try db.record(RequestRecord.self, "SELECT * FROM request WHERE id = ?", [id])?.draft
    }

    /// Pending requests released by `latest`, as core requests with ids `R<id>`.
    static func pending(_ db: Database, releasedBy latest: LocalDate) throws -> [Request] {
        try db.records(
            RequestRecord.self, "SELECT * FROM request WHERE status = 'pending' AND release <= ? AND job_seeker_id IS NOT NULL ORDER BY id",
            [latest.daysSinceEpoch]
        ).compactMap(\.request)
    }
}

/// A row of the `request` table.
struct RequestRecord: FetchableRecord {
    var id: Int64
    /// `nil` once the job seeker is erased.
    var jobSeeker: String?
    var consultant: String?
    var attendance: Attendance
    /// Seconds.
    var duration: Int
    var appointments: Int
    var gapDays: ClosedRange<Int>
    var release: LocalDate
    var due: LocalDate?
    var priority: Int
    var language: String?
    var topic: String?

    init(row: Row) {
        id = row["id"]
        jobSeeker = row["job_seeker_id"]
        consultant = row["consultant_id"]
        attendance = Attendance(rawValue: row["attendance"]) ?? .none
        duration = row["duration"]
        appointments = row["appointments"]
        gapDays = (row["gap_min"] as Int)...(row["gap_max"] as Int)
        release = LocalDate(daysSinceEpoch: row["release"])
        due = (row["due"] as Int?).map(LocalDate.init(daysSinceEpoch:))
        priority = row["priority"]
        language = row["language"]
        topic = row["topic"]
    }

    /// The draft it was made from, without a `from` (its release was that day's); `nil` once its job
    /// seeker is erased.
    var draft: RequestDraft? {
        jobSeeker.map { jobSeeker in
            RequestDraft(
                jobSeeker: jobSeeker, consultant: consultant, attendance: attendance, durationMinutes: duration / 60, appointments: appointments,
                gapDays: gapDays, due: due, priority: priority, language: language, topic: topic)
        }
    }

    /// The core's request, `R<id>`; `nil` once its job seeker is erased.
    var request: Request? {
        jobSeeker.map { jobSeeker in
            Request(
                id: RequestTable.problemID(id), jobSeeker: jobSeeker, consultant: consultant, attendance: attendance, duration: duration,
                appointments: appointments, gapDays: gapDays, release: release, due: due, priority: priority, language: language)
        }
    }
}

/// Appointments: one row per appointment of a request, with its life cycle.
enum AppointmentTable {
    /// Cancels the booked appointments `condition` selects (on `appointment`), recording who and why.
    static func cancel(_ db: Database, where condition: String, _ arguments: StatementArguments, cause: CancellationCause, now: Instant) throws {
        let set: StatementArguments = [now.seconds, cause.by.rawValue, cause.reason.rawValue]
        try db.run(
            """
            UPDATE appointment SET status = 'cancelled', sequence = sequence + 1, changed = ?, cancelled_by = ?, cancel_reason = ?
            WHERE status = 'booked' AND \(condition)
            """, set + arguments)
    }

    /// Inserts a booked appointment; returns its id.
    @discardableResult
    /// `urgent`: booked by a coordinator for an urgent case (it may sit in held-back seats).
    static func insert(_ db: Database, request: Int64, _ assignment: Assignment, changed: Instant, urgent: Bool = false) throws -> Int64 {
        try db.run("""
                INSERT INTO appointment (request_id, series_index, session_id, start, "end", consultant_attends, status, sequence, changed, urgent)
                VALUES (?, ?, ?, ?, ?, ?, 'booked', 0, ?, ?)
                """, [
                request, assignment.index, assignment.session, assignment.span.start.seconds, assignment.span.end.seconds,
                assignment.consultantAttends, changed.seconds, urgent,
            ])
        return db.lastInsertedRowID
    }

    static func appointments(_ db: Database, request: Int64) throws -> [BookedAppointment] {
        try fetch(db, where: "a.request_id = ? ORDER BY a.series_index", [request])
    }

    static func appointment(_ db: Database, id: Int64) throws -> BookedAppointment? {
        try fetch(db, where: "a.id = ?", [id]).first
    }

    static func fetch(_ db: Database, where condition: String, _ arguments: StatementArguments) throws -> [BookedAppointment] {
        try db.records(BookedAppointment.self, "SELECT \(BookedAppointment.columns) \(BookedAppointment.joins) WHERE \(condition)", arguments)
    }
}
