/// What the booking rules make of a set of sessions on one day: the sessions open for booking, shaped
/// so that the allocator's own constraints honour the rules, and the request shaped to match.
///
/// A buffer is kept by lengthening: every appointment (booked or new) counts as `buffer` minutes
/// longer, and each session as `buffer` minutes longer, so no appointment starts within the buffer
/// after another. Buffers are whole multiples of the grid (the store checks). New appointments are lengthened by the largest buffer among the sessions, so
/// where buffers differ the rule is kept conservatively (a longer gap, never a shorter one).
///
/// The sessions' channels are closed here too (``Session/forBooking(today:urgent:)``): walk-in time
/// and held-back seats not released by `today` count as booked, unless the booking is `urgent`
/// (a coordinator's), which may take the held-back seats. Reservations get no buffer.
public struct BookingWindow: Sendable {
    public let today: LocalDate
    /// Whether the booking is a coordinator's urgent one.
    public let urgent: Bool
    public let rules: RuleBook
    /// The sessions open for booking, buffers included.
    public let sessions: [Session]
    /// Seconds added to every new appointment.
    public let padding: Int

    public init(sessions: [Session], rules: RuleBook, today: LocalDate, urgent: Bool = false) {
        self.today = today
        self.urgent = urgent
        self.rules = rules
        let open = sessions.compactMap { session -> (Session, Int)? in
            let sessionRules = rules.rules(for: session)
            guard sessionRules.allows(day: session.day, today: today) else { return nil }
            return (session, sessionRules.bufferMinutes * 60)
        }
        let padding = open.map(\.1).max() ?? 0
        self.padding = padding
        self.sessions = open.map { session, buffer in
            var padded = session
            padded.span.end = session.span.end.adding(seconds: padding)
            padded.booked = session.booked.map { Span(start: $0.start, end: $0.end.adding(seconds: buffer)) }
            padded.bookedUrgent = session.bookedUrgent.map { Span(start: $0.start, end: $0.end.adding(seconds: buffer)) }
            return padded.forBooking(today: today, urgent: urgent)
        }
    }

    /// The request as the allocator must see it: each appointment lengthened by the padding.
    public func shape(_ request: Request) -> Request {
        var shaped = request
        shaped.duration += padding
        return shaped
    }

    /// An assignment found for a shaped request, back at its real length.
    public func unshape(_ assignment: Assignment, duration: Int) -> Assignment {
        var real = assignment
        real.span.end = assignment.span.start.adding(seconds: duration)
        return real
    }
}
