import GRDB
import ZitdagCore

/// An appointment in the store, with what the agenda, exports and feeds show of it.
public struct BookedAppointment: Sendable, Hashable {
    public typealias Status = AppointmentStatus

    public var id: Int64
    public var request: Int64
    /// Its place in the series, from 0.
    public var index: Int
    public var seriesLength: Int
    public var session: String
    public var coach: String
    public var location: String
    public var span: Span
    public var consultantAttends: Bool
    public var status: Status
    /// Grows with every change, for calendar feeds.
    public var sequence: Int
    /// When it last changed.
    public var changed: Instant
    /// `nil` once the job seeker is erased.
    public var jobSeeker: String?
    public var initials: String?
    public var consultant: String?
    public var topic: String?
    /// Booked by a coordinator for an urgent case: it may sit in seats held back for urgent bookings.
    public var urgent: Bool
    /// Who cancelled it and why, once cancelled (`nil` for those cancelled before this was kept).
    public var cause: CancellationCause?

    /// What the core's ``AppointmentRules`` need of it.
    var standing: AppointmentRules.Standing { AppointmentRules.Standing(id: id, status: status, start: span.start) }

    static let columns = #"""
        a.id, a.request_id, a.series_index, r.appointments AS series_length, a.session_id, s.coach_id, s.location_id, a.start,
        a."end", a.consultant_attends, a.status, a.sequence, a.changed, r.job_seeker_id, j.initials, r.consultant_id, r.topic,
        a.urgent, a.cancelled_by, a.cancel_reason
        """#
    static let joins = "FROM appointment a JOIN request r ON r.id = a.request_id JOIN session s ON s.id = a.session_id LEFT JOIN job_seeker j ON j.id = r.job_seeker_id"
}

extension BookedAppointment {
    /// An appointment as just booked (status booked, sequence 0): what reading it back would give.
    init(id: Int64, request: Int64, draft: RequestDraft, assignment: Assignment, session: Session, initials: String, changed: Instant) {
        self.id = id
        self.request = request
        index = assignment.index
        seriesLength = draft.appointments
        self.session = session.id
        coach = session.coach
        location = session.location
        span = assignment.span
        consultantAttends = assignment.consultantAttends
        status = .booked
        sequence = 0
        self.changed = changed
        jobSeeker = draft.jobSeeker
        self.initials = initials
        consultant = draft.consultant
        topic = draft.topic
        urgent = draft.urgent
    }
}

/// Read with ``columns`` and ``joins``: an appointment row with its request, session and job seeker.
extension BookedAppointment: FetchableRecord {
    public init(row: Row) {
        id = row["id"]
        request = row["request_id"]
        index = row["series_index"]
        seriesLength = row["series_length"]
        session = row["session_id"]
        coach = row["coach_id"]
        location = row["location_id"]
        span = Span(start: Instant(seconds: row["start"]), end: Instant(seconds: row["end"]))
        consultantAttends = row["consultant_attends"]
        status = Status(rawValue: row["status"]) ?? .booked
        sequence = row["sequence"]
        changed = Instant(seconds: row["changed"])
        jobSeeker = row["job_seeker_id"]
        initials = row["initials"]
        consultant = row["consultant_id"]
        topic = row["topic"]
        urgent = row["urgent"]
        let by: String? = row["cancelled_by"]
        let reason: String? = row["cancel_reason"]
        cause = by.flatMap(CancellationCause.Party.init(rawValue:)).map {
            CancellationCause(by: $0, reason: reason.flatMap(CancellationCause.Reason.init(rawValue:)) ?? .notGiven)
        }
    }
}
