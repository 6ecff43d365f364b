import GRDB
import ZitdagCore

/// An appointment booked elsewhere (a previous system, a paper agenda), to bring into the store.
public struct ImportedAppointment: Sendable, Hashable {
    public var jobSeeker: String
    public var consultant: String?
    public var session: String
    public var span: Span
    public var consultantAttends: Bool

    public init(jobSeeker: String, consultant: String?, session: String, span: Span, consultantAttends: Bool) {
        self.jobSeeker = jobSeeker
        self.consultant = consultant
        self.session = session
        self.span = span
        self.consultantAttends = consultantAttends
    }
}

extension Store {
    /// Brings appointments booked elsewhere into the store in one transaction: each becomes a booked
    /// request of one appointment. Job seekers and consultants are created as needed (initials "?").
    /// Sessions must exist. Seats are not re-checked: the other system was the authority.
    public func importAppointments(_ appointments: [ImportedAppointment], at now: Instant, actor: String) throws(StoreError) {
        try write { db in
            var seekers = Set<String>()
            var consultants = Set<String>()
            for item in appointments {
                if seekers.insert(item.jobSeeker).inserted {
                    try db.run("INSERT OR IGNORE INTO job_seeker (id, initials) VALUES (?, '?')", [item.jobSeeker])
                }
                if let consultant = item.consultant, consultants.insert(consultant).inserted {
                    try db.run("INSERT OR IGNORE INTO consultant (id) VALUES (?)", [consultant])
                }
                guard let session = try SessionTable.session(db, id: item.session) else {
                    throw StoreError.unknown(kind: Text("session"), id: item.session)
                }
                let draft = RequestDraft(
                    jobSeeker: item.jobSeeker, consultant: item.consultant, attendance: item.consultantAttends ? .required : .none,
                    durationMinutes: item.span.seconds / 60)
                let request = draft.request(id: "", release: session.day, language: nil, unavailable: [])
                let id = try RequestTable.insert(db, draft, request: request, status: "booked", created: now)
                try AppointmentTable.insert(
                    db, request: id,
                    Assignment(request: "", index: 0, session: item.session, span: item.span, consultantAttends: item.consultantAttends),
                    changed: now)
            }
            try AuditLog.record(db, at: now, actor: actor, action: "import appointments", subject: "", detail: "\(appointments.count) appointment(s)")
        }
    }
}
