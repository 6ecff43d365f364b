/// The rules a service sets for booking a session: how much notice, how far ahead, and how much
/// breathing room the coach keeps between appointments.
public struct BookingRules: Sendable, Hashable {
    /// Days between today and the earliest bookable session: 1 forbids same-day bookings.
    public var minimumNoticeDays: Int
    /// How many weeks ahead sessions can be booked.
    public var horizonWeeks: Int
    /// Minutes kept free after each appointment in a session.
    public var bufferMinutes: Int
    /// What happens to a place a cancellation frees (see ``Backfill``).
    public var backfill: BackfillPolicy
    /// How long an offer of a freed place holds it for the consultant (`backfill offer`).
    public var offerHours: Int
    /// Days before a half-day its seats held back for urgent bookings open to every booking, where
    /// a reservation is made without saying (see ``Reservation/releaseDays``).
    public var releaseDays: Int
    /// Whether a no-show ends the job seeker's series: its later appointments are cancelled, and
    /// their places go to the waiting list as the backfill rule says.
    public var noShowEndsSeries: Bool

    public init(
        minimumNoticeDays: Int = 1, horizonWeeks: Int = 8, bufferMinutes: Int = 0, backfill: BackfillPolicy = .off, offerHours: Int = 24,
        releaseDays: Int = 2, noShowEndsSeries: Bool = false
    ) {
        self.noShowEndsSeries = noShowEndsSeries
        self.releaseDays = releaseDays
        self.minimumNoticeDays = minimumNoticeDays
        self.horizonWeeks = horizonWeeks
        self.bufferMinutes = bufferMinutes
        self.backfill = backfill
        self.offerHours = offerHours
    }

    public static let standard = BookingRules()

    /// Whether a session on `day` may be booked `today`.
    public func allows(day: LocalDate, today: LocalDate) -> Bool {
        day >= today.adding(days: minimumNoticeDays) && day <= today.adding(days: 7 * horizonWeeks)
    }
}

/// Booking rules by scope: a coach's rules win over their location's, which win over the default.
public struct RuleBook: Sendable, Hashable {
    public var standard: BookingRules
    public var byLocation: [String: BookingRules]
    public var byCoach: [String: BookingRules]

    public init(
        standard: BookingRules = .standard, byLocation: [String: BookingRules] = [:], byCoach: [String: BookingRules] = [:]
    ) {
        self.standard = standard
        self.byLocation = byLocation
        self.byCoach = byCoach
    }

    public func rules(for session: Session) -> BookingRules {
        byCoach[session.coach] ?? byLocation[session.location] ?? standard
    }
}
