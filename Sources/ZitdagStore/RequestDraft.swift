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
    /// A coordinator's booking for an urgent case: it may take seats held back for urgent bookings.
    /// Who may say so is the edge's to decide (the API allows coordinators only).
    public var urgent: Bool
    /// The booker gave no series (appointments, duration, gaps): the job seeker's level's default
    /// series replaces it, where they have a level (see ``Store/presetting(_:)``).
    public var seriesByLevel = false

    public init(
        jobSeeker: String, consultant: String? = nil, attendance: Attendance = .none,
        durationMinutes: Int = RequestSpecification.durationMinutes.defaultValue,
        appointments: Int = RequestSpecification.appointments.defaultValue, gapDays: ClosedRange<Int> = RequestSpecification.gapDays,
        from: LocalDate? = nil, due: LocalDate? = nil, priority: Int = RequestSpecification.priority.defaultValue,
        language: String? = nil, topic: String? = nil, urgent: Bool = false
    ) {
        self.urgent = urgent
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

    /// Checks the draft's own fields against the ``RequestSpecification``, naming the first that is
    /// wrong by its name in the problem format and the API (the command line maps it to its option).
    func validate(gridMinutes: Int) throws(StoreError) {
        if let problem = Identifier.problem(with: jobSeeker) { throw .invalid(field: "job_seeker", reason: problem) }
        if let consultant, let problem = Identifier.problem(with: consultant) { throw .invalid(field: "consultant", reason: problem) }
        if let language, let problem = Identifier.problem(with: language) { throw .invalid(field: "language", reason: problem) }
        if let problem = RequestSpecification.durationProblem(durationMinutes, gridMinutes: gridMinutes) {
            throw .invalid(field: RequestSpecification.durationMinutes.key, reason: problem)
        }
        if let problem = RequestSpecification.appointments.problem(with: appointments) {
            throw .invalid(field: RequestSpecification.appointments.key, reason: problem)
        }
        if let (key, problem) = RequestSpecification.gapProblem(min: gapDays.lowerBound, max: gapDays.upperBound) {
            throw .invalid(field: key, reason: problem)
        }
        if let problem = RequestSpecification.priority.problem(with: priority) {
            throw .invalid(field: RequestSpecification.priority.key, reason: problem)
        }
        if consultant == nil && attendance != .none {
            throw .invalid(field: "attendance", reason: Text("\(attendance.rawValue) needs a consultant"))
        }
        if let from, let due, due < from { throw .invalid(field: "due", reason: Text("\(due) is before \(from)")) }
    }

    /// The request the allocator sees.
    func request(id: String, release: LocalDate, language: String?, unavailable: [Span]) -> Request {
        Request(
            id: id, jobSeeker: jobSeeker, consultant: consultant, attendance: attendance, duration: durationMinutes * 60,
            appointments: appointments, gapDays: gapDays, release: release, due: due, priority: priority, language: language,
            unavailable: BusyCalendar(unavailable))
    }
}
