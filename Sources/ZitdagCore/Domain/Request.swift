/// A consultant's request for a series of coaching appointments for one job seeker.
public struct Request: Sendable, Hashable, Identifiable {
    public var id: String
    /// The pseudonymous job seeker id: several requests may share one.
    public var jobSeeker: String
    public var consultant: String?
    public var attendance: Attendance
    /// Length of each appointment in seconds.
    public var duration: Int
    /// How many appointments the series has.
    public var appointments: Int
    /// Calendar days allowed between consecutive appointments.
    public var gapDays: ClosedRange<Int>
    /// The first appointment falls on or after this date...
    public var release: LocalDate
    /// ...and, when set, on or before this one.
    public var due: LocalDate?
    /// 1 (default) to 5.
    public var priority: Int
    /// The language the session must serve; `nil` takes any session.
    public var language: String?
    /// When the job seeker cannot come.
    public var unavailable: BusyCalendar

    public init(
        id: String, jobSeeker: String, consultant: String? = nil, attendance: Attendance = .none,
        duration: Int, appointments: Int = 1, gapDays: ClosedRange<Int> = 7...21, release: LocalDate,
        due: LocalDate? = nil, priority: Int = 1, language: String? = nil,
        unavailable: BusyCalendar = BusyCalendar()
    ) {
        self.id = id
        self.jobSeeker = jobSeeker
        self.consultant = consultant
        self.attendance = attendance
        self.duration = duration
        self.appointments = appointments
        self.gapDays = gapDays
        self.release = release
        self.due = due
        self.priority = priority
        self.language = language
        self.unavailable = unavailable
    }

    /// Whether the first appointment may fall on `day` (release and due).
    public func admitsFirst(day: LocalDate) -> Bool {
        day >= release && due.map { day <= $0 } ?? true
    }

    /// Whether one appointment may follow another `days` calendar days later.
    public func admitsGap(days: Int) -> Bool {
        gapDays.contains(days)
    }
}
