/// Half-days that are cancelled (taken back by the coach's calendar with EXDATE, moved by a
/// RECURRENCE-ID, closed, or cancelled at the desk), and which of them a request lacks.
///
/// A refusal names them only when that is true by relaxing: with those half-days held again, empty,
/// the request fits, and the place found uses them.
public struct CancelledHalfDays: Sendable {
    /// The cancelled sessions, empty.
    public let sessions: [Session]
    private let open: [Session]
    private let rules: RuleBook
    private let today: LocalDate

    /// - Parameters:
    ///   - open: the sessions held, with their bookings.
    ///   - cancelled: the cancelled ones of the same days.
    public init(open: [Session], cancelled: [Session], rules: RuleBook, today: LocalDate) {
        // Most days have nothing cancelled: then there is nothing to compare (this runs for every booking).
        let openIds = cancelled.isEmpty ? [] : Set(open.map(\.id))
        sessions = cancelled.filter { !openIds.contains($0.id) }.map { session in
            var empty = session
            empty.booked = []
            return empty
        }
        self.open = open
        self.rules = rules
        self.today = today
    }

    /// The cancelled half-days `request` would take if they were held (from `firstStart`, when
    /// given), or none when holding them again would not let it fit.
    public func needed(
        by request: Request, firstStart: Instant? = nil, consultants: [Consultant], zone: Zone, gridMinutes: Int
    ) -> [Session] {
        guard !sessions.isEmpty else { return [] }
        // Built only when asked: refusals are rare, and most days have nothing cancelled.
        let all = (open + sessions).sorted { ($0.span.start, $0.id) < ($1.span.start, $1.id) }
        let reopened = BookingWindow(sessions: all, rules: rules, today: today)
        let availability = Availability(sessions: reopened.sessions, consultants: consultants, zone: zone, gridMinutes: gridMinutes)
        guard let offer = availability.offers(for: reopened.shape(request), count: 1, firstStart: firstStart).options.first else { return [] }
        let used = Set(offer.assignments.map(\.session))
        return sessions.filter { used.contains($0.id) }
    }

    /// Why `request` does not fit, when it is for want of cancelled half-days.
    public func reason(
        for request: Request, firstStart: Instant? = nil, consultants: [Consultant], zone: Zone, gridMinutes: Int
    ) -> String? {
        let needed = needed(by: request, firstStart: firstStart, consultants: consultants, zone: zone, gridMinutes: gridMinutes)
        guard !needed.isEmpty else { return nil }
        let named = needed.map { session in
            "\(zone.local(at: session.span.start).withWeekday)-\(zone.local(at: session.span.end).hourMinute) (\(session.coach), \(session.location))"
        }
        let what = needed.count == 1 ? "the half-day of \(named[0]), which is cancelled" : "the half-days of \(named.joined(separator: " and ")), which are cancelled"
        return "it would fit only with \(what) (taken out of the coach's calendar by EXDATE, moved, closed, or cancelled at the desk)"
    }
}
