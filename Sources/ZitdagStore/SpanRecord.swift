import GRDB
import ZitdagCore

/// A stretch of time read from the store: a session's booked appointment, a consultant's busy time
/// or attended appointment, a job seeker's appointment. Queries name their columns `start` and
/// `end`, and, where they have them, `owner` (the session or consultant it belongs to) and
/// `appointment` (its id, to leave one out).
struct SpanRecord: FetchableRecord {
    var span: Span
    var owner: String?
    var appointment: Int64?
    /// Whether the appointment was booked urgent (false where a query does not say).
    var urgent: Bool

    enum Columns {
        static let start = Column("start")
        static let end = Column("end")
        static let owner = Column("owner")
        static let appointment = Column("appointment")
        static let urgent = Column("urgent")
    }

    init(row: Row) {
        span = Span(start: Instant(seconds: row[Columns.start]), end: Instant(seconds: row[Columns.end]))
        // Optional columns a query does not name read as nil.
        owner = row[Columns.owner]
        appointment = row[Columns.appointment]
        urgent = (row[Columns.urgent] as Bool?) ?? false
    }
}
