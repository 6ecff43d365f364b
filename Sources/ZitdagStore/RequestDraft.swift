import ZitdagCore

/// What a consultant asks for at the desk: a series of appointments for one job seeker. It becomes a
/// stored request when booked (or when queued for the week's plan).
public struct RequestDraft: Sendable, Hashable {
    public var jobSeeker: String
    public var consultant: String?
    public var attendance: Attendance
    /// Minutes per appointment.
    public var durationMinutes: Int
    public var appointments: Int
    public var gapDays: ClosedRange<Int>
    /// The first appointment on or after this day (default: the earliest the rules allow).
    public var from: LocalDate?
    public var due: LocalDate?
    public var priority: Int
    /// The language sessions must serve (default: the job seeker's).
    public var language: String?
    /// What the appointments work on, for the coach: "CV in Word", "itsme".
    public var topic: String?

    public init(
        jobSeeker: String, consultant: String? = nil, attendance: Attendance = .none, durationMinutes: Int = 60,
        appointments: Int = 1, gapDays: ClosedRange<Int> = 7...14, from: LocalDate? = nil, due: LocalDate? = nil,
        priority: Int = 1, language: String? = nil, topic: String? = nil
    ) {
        self.jobSeeker = jobSeeker
        self.consultant = consultant
        self.attendance = attendance
        self.durationMinutes = durationMinutes
        self.appointments = appointments
        self.gapDays = gapDays
        self.from = from
        self.due = due
        self.priority = priority
        self.language = language
        self.topic = topic
    }

    /// Checks the draft's own fields, naming the first that is wrong.
    func validate(gridMinutes: Int) throws(StoreError) {
        if let problem = Identifier.problem(with: jobSeeker) { throw .invalid(field: "job_seeker", reason: problem) }
        if let consultant, let problem = Identifier.problem(with: consultant) { throw .invalid(field: "consultant", reason: problem) }
        guard durationMinutes > 0, durationMinutes % gridMinutes == 0, durationMinutes <= 600 else {
            throw .invalid(field: "duration", reason: "\(durationMinutes) minutes is not a positive multiple of \(gridMinutes) up to 600")
        }
        guard (1...20).contains(appointments) else { throw .invalid(field: "series", reason: "\(appointments) appointments; 1 to 20 allowed") }
        guard gapDays.lowerBound >= 0, gapDays.upperBound <= 365 else {
            throw .invalid(field: "gap", reason: "\(gapDays.lowerBound)..\(gapDays.upperBound) days; 0 to 365 allowed")
        }
        guard (1...5).contains(priority) else { throw .invalid(field: "priority", reason: "\(priority); 1 to 5 allowed") }
        if consultant == nil && attendance != .none {
            throw .invalid(field: "attendance", reason: "\(attendance.rawValue) needs a consultant")
        }
        if let from, let due, due < from { throw .invalid(field: "due", reason: "\(due) is before \(from)") }
    }

    /// The request the allocator sees.
    func request(id: String, release: LocalDate, language: String?, unavailable: [Span]) -> Request {
        Request(
            id: id, jobSeeker: jobSeeker, consultant: consultant, attendance: attendance, duration: durationMinutes * 60,
            appointments: appointments, gapDays: gapDays, release: release, due: due, priority: priority, language: language,
            unavailable: BusyCalendar(unavailable))
    }
}

/// Where a consultant wants an appointment: a start time, and the session when several run then.
public struct SlotChoice: Sendable, Hashable {
    public var start: Instant
    public var session: String?

    public init(start: Instant, session: String? = nil) {
        self.start = start
        self.session = session
    }
}
