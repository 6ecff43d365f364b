/// A capacity question a coordinator asks: these half-days, this demand, these habits; how long
/// will people wait? Read from a `zitdag-scenario/1` file (see the README) and run by ``Simulation``.
public struct Scenario: Sendable {
    /// A half-day that recurs every week.
    public struct WeeklySession: Sendable, Hashable {
        public var coach: String
        public var location: String
        /// 1 Monday ... 7 Sunday.
        public var weekday: Int
        /// Seconds after midnight, local time.
        public var start: Int
        public var end: Int
        public var seats: Int
        public var languages: Set<String>?

        public init(coach: String, location: String, weekday: Int, start: Int, end: Int, seats: Int = 1, languages: Set<String>? = nil) {
            self.coach = coach
            self.location = location
            self.weekday = weekday
            self.start = start
            self.end = end
            self.seats = seats
            self.languages = languages
        }
    }

    /// A digital level: how much coaching its requests need.
    public struct Level: Sendable, Hashable {
        public var name: String
        public var share: Double
        public var appointments: Int
        public var durationMinutes: Int
        public var gapDays: ClosedRange<Int>

        public init(name: String, share: Double, appointments: Int, durationMinutes: Int, gapDays: ClosedRange<Int>) {
            self.name = name
            self.share = share
            self.appointments = appointments
            self.durationMinutes = durationMinutes
            self.gapDays = gapDays
        }
    }

    /// Walk-in hours on every half-day: what they keep from appointments, and who comes.
    public struct WalkIn: Sendable, Hashable {
        /// Minutes at the end of each half-day kept for walk-in on every seat (with `seats` nil).
        public var minutes: Int
        /// Seats kept for walk-in the whole half-day, instead of a time.
        public var seats: Int?
        /// Who comes, and how long they are helped.
        public var queue: WalkInQueue

        public init(minutes: Int = 0, seats: Int? = nil, queue: WalkInQueue) {
            self.minutes = minutes
            self.seats = seats
            self.queue = queue
        }

        /// The reservation it makes in `session` (none when it keeps nothing there).
        func reservation(in session: Session) -> Reservation? {
            if let seats {
                return Reservation(.walkIn, span: session.span, seats: min(seats, session.seats))
            }
            let kept = min(minutes * 60, session.span.seconds)
            guard kept > 0 else { return nil }
            return Reservation(.walkIn, span: Span(start: session.span.end.adding(seconds: -kept), end: session.span.end), seats: session.seats)
        }
    }

    /// Seats of every half-day held back for urgent bookings until `releaseDays` before it, and the
    /// urgent cases a coordinator books into them.
    public struct HeldBack: Sendable, Hashable {
        public var seats: Int
        public var releaseDays: Int
        /// Urgent cases a week (Poisson, on weekdays): each takes the first held-back seat still
        /// held, from the notice on, for its half-day.
        public var urgentPerWeek: Double

        public init(seats: Int, releaseDays: Int, urgentPerWeek: Double = 0) {
            self.seats = seats
            self.releaseDays = releaseDays
            self.urgentPerWeek = urgentPerWeek
        }
    }

    public enum Policy: String, Sendable, CaseIterable {
        /// Each request takes the best free slot when it arrives, as consultants do at the desk.
        case online
        /// The allocator plans each week's requests in one batch, from the next week on.
        case weekly
    }

    public var zone: Zone
    /// The Monday the simulation starts.
    public var start: LocalDate
    public var horizonWeeks: Int
    /// Weeks left out of the figures while the queue fills up.
    public var warmupWeeks: Int
    public var replications: Int
    public var seed: UInt64
    public var policy: Policy
    public var gridMinutes: Int
    public var sessions: [WeeklySession]
    /// When the half-days come from calendars instead: their folder (as the file names it) and, once
    /// the caller has expanded them over the horizon, the sessions.
    public var calendarFolder: String?
    public var calendarSessions: [Session]?
    /// New requests per week, from week 0; `rateChanges` changes it from a week on.
    public var ratePerWeek: Double
    public var rateChanges: [(fromWeek: Int, ratePerWeek: Double)]
    public var levels: [Level]
    /// Shares of required, preferred and no consultant attendance.
    public var attendance: (required: Double, preferred: Double, none: Double)
    public var consultants: Int
    /// The share of half-days each consultant is busy for.
    public var consultantBusyShare: Double
    /// Language shares; empty when language does not matter.
    public var languages: [(language: String, share: Double)]
    public var minimumNoticeDays: Int
    /// First appointments only from the Monday after arrival.
    public var serviceFromNextWeek: Bool
    /// Days after arrival a first appointment should come by (for the "missed its due date" share).
    public var dueDays: Int
    public var noShowRate: Double
    /// The share of requests cancelled (the job seeker drops out) before their first appointment.
    public var cancellationRate: Double
    /// Whether seats freed by cancellations go back into the booking system.
    public var rebookFreed: Bool
    /// Weeks after the horizon in which the half-days go on but no one new arrives, so that those who
    /// came in the last weeks can still be booked: without them, the figures of the last weeks would
    /// show an end of the world that does not come (utilisation dipping, requests left unbooked).
    public var cooldownWeeks = 13
    /// Weeks with sessions: the horizon and the cool-down.
    public var simulatedWeeks: Int { horizonWeeks + cooldownWeeks }
    /// What the allocator weighs when it places a request (the problem format's `weights`).
    public var weights: Weights = .standard
    /// Walk-in hours on every half-day (none: appointments only).
    public var walkIn: WalkIn?
    /// Seats held back for urgent bookings (none: every seat open to booking), and the urgent cases
    /// that take them; a held seat no urgent case took opens to everyone on its release day.
    public var heldBack: HeldBack?

    /// Weeks a scenario may simulate at most (horizon and cool-down each): a hundred years, enough for
    /// the warm-up a queue near saturation needs.
    public static let maximumWeeks = 5_200

    public init(
        zone: Zone = .brussels, start: LocalDate, horizonWeeks: Int, warmupWeeks: Int, replications: Int, seed: UInt64, policy: Policy,
        gridMinutes: Int = 15, sessions: [WeeklySession], ratePerWeek: Double, rateChanges: [(fromWeek: Int, ratePerWeek: Double)] = [],
        levels: [Level], attendance: (required: Double, preferred: Double, none: Double), consultants: Int, consultantBusyShare: Double,
        languages: [(language: String, share: Double)] = [], minimumNoticeDays: Int, serviceFromNextWeek: Bool, dueDays: Int,
        noShowRate: Double, cancellationRate: Double, rebookFreed: Bool
    ) {
        self.zone = zone
        self.start = start
        self.horizonWeeks = horizonWeeks
        self.warmupWeeks = warmupWeeks
        self.replications = replications
        self.seed = seed
        self.policy = policy
        self.gridMinutes = gridMinutes
        self.sessions = sessions
        self.ratePerWeek = ratePerWeek
        self.rateChanges = rateChanges
        self.levels = levels
        self.attendance = attendance
        self.consultants = consultants
        self.consultantBusyShare = consultantBusyShare
        self.languages = languages
        self.minimumNoticeDays = minimumNoticeDays
        self.serviceFromNextWeek = serviceFromNextWeek
        self.dueDays = dueDays
        self.noShowRate = noShowRate
        self.cancellationRate = cancellationRate
        self.rebookFreed = rebookFreed
    }

    /// New requests expected in `week` (none in the cool-down).
    public func rate(week: Int) -> Double {
        guard week < horizonWeeks else { return 0 }
        return rateChanges.filter { $0.fromWeek <= week }.max { $0.fromWeek < $1.fromWeek }?.ratePerWeek ?? ratePerWeek
    }

    /// The concrete sessions of the horizon.
    public func concreteSessions() -> [Session] {
        if let calendarSessions { return calendarSessions.map(reserving) }
        var sessions: [Session] = []
        for week in 0..<simulatedWeeks {
            for (index, weekly) in self.sessions.enumerated() {
                let day = start.adding(days: 7 * week + weekly.weekday - 1)
                // Half-days fall in daytime, away from the night's DST changes.
                guard let from = zone.instant(for: LocalDateTime(date: day, secondOfDay: weekly.start)),
                    let to = zone.instant(for: LocalDateTime(date: day, secondOfDay: weekly.end))
                else { continue }
                sessions.append(Session(
                    id: "S\(index)-\(day)", coach: weekly.coach, location: weekly.location, span: Span(start: from, end: to), day: day,
                    seats: weekly.seats, languages: weekly.languages))
            }
        }
        return sessions.map(reserving)
    }

    /// `session` with what the scenario keeps of every half-day, in place of what its calendar
    /// kept: walk-in first, then held-back seats as far as seats are left beside walk-in.
    func reserving(_ session: Session) -> Session {
        guard walkIn != nil || heldBack != nil else { return session }
        var session = session
        session.reserved = []
        if let walkIn, let reservation = walkIn.reservation(in: session) {
            session.reserved.append(reservation)
        }
        if let heldBack {
            // Beside a walk-in time on every seat, seats are held back before it; beside walk-in
            // seats, as many as are left.
            let walkIn = session.reserved.first { $0.channel == .walkIn }
            var span = session.span
            var seats = heldBack.seats
            if let walkIn, walkIn.seats == session.seats { span.end = walkIn.span.start } else if let walkIn { seats = min(seats, session.seats - walkIn.seats) }
            seats = min(seats, session.seats)
            if seats > 0 && span.end > span.start {
                session.reserved.append(Reservation(.urgent, span: span, seats: seats, releaseDays: heldBack.releaseDays))
            }
        }
        return session
    }
}
