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

    enum Columns {
        static let start = Column("start")
        static let end = Column("end")
        static let owner = Column("owner")
        static let appointment = Column("appointment")
    }

    init(row: Row) {
        span = Span(start: Instant(seconds: row[Columns.start]), end: Instant(seconds: row[Columns.end]))
        // Optional columns a query does not name read as nil.
        owner = row[Columns.owner]
        appointment = row[Columns.appointment]
    }
}
