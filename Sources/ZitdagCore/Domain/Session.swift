/// One coach at one location for one half-day: a *zitdag*.
///
/// `seats` appointments can run at the same moment (1 is strictly one-to-one).
public struct Session: Sendable, Hashable, Identifiable {
    public var id: String
    public var coach: String
    public var location: String
    public var span: Span
    /// The local calendar date the session starts on.
    public var day: LocalDate
    public var seats: Int
    /// The languages served; `nil` serves every language.
    public var languages: Set<String>?
    /// Appointments already booked in the session outside the problem at hand: each takes a seat
    /// for its span. The booking store fills this in so that new requests plan around them.
    public var booked: [Span]
    /// Appointments already booked as urgent by a coordinator: they take the seats held back for
    /// urgent bookings first (see ``forBooking(today:urgent:)``).
    public var bookedUrgent: [Span]
    /// Time or seats kept from ordinary booking (walk-in, held back).
    public var reserved: [Reservation]

    public init(
        id: String, coach: String, location: String, span: Span, day: LocalDate, seats: Int = 1,
        languages: Set<String>? = nil, booked: [Span] = [], bookedUrgent: [Span] = [], reserved: [Reservation] = []
    ) {
        self.id = id
        self.coach = coach
        self.location = location
        self.span = span
        self.day = day
        self.seats = seats
        self.languages = languages
        self.booked = booked
        self.bookedUrgent = bookedUrgent
        self.reserved = reserved
    }

    /// Whether the session serves a request's language (`nil`: any session will do).
    /// Matching is exact and case-sensitive.
    public func serves(_ language: String?) -> Bool {
        guard let language, let languages else { return true }
        return languages.contains(language)
    }

    /// Whether an appointment of `duration` seconds may start at `start`:
    /// inside the session and on its grid of `gridSeconds`.
    public func admits(start: Instant, duration: Int, gridSeconds: Int) -> Bool {
        let offset = start - span.start
        return offset >= 0 && offset % gridSeconds == 0 && start.adding(seconds: duration) <= span.end
    }
}
