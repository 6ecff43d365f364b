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
        return needed(by: request, firstStart: firstStart, in: reopened(consultants: consultants, zone: zone, gridMinutes: gridMinutes))
    }

    /// Why requests a plan left out do not fit, where it is for want of cancelled half-days: the
    /// plan's appointments (`placed`, at their real length, of `requests`) count as booked seats and
    /// as busy times of their consultants and job seekers. Keyed by request id.
    public func reasons(
        forLeftOut left: [Request], around placed: [Assignment], of requests: [Request], consultants: [Consultant], zone: Zone,
        gridMinutes: Int
    ) -> [String: Text] {
        guard !sessions.isEmpty, !left.isEmpty else { return [:] }
        let byId = Dictionary(requests.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var seats: [String: [Span]] = [:]
        for assignment in placed { seats[assignment.session, default: []].append(assignment.span) }
        let booked = open.map { session in
            var session = session
            session.booked += seats[session.id] ?? []
            return session
        }
        let along = consultants.map { consultant in
            let spans = placed.filter { $0.consultantAttends && byId[$0.request]?.consultant == consultant.id }.map(\.span)
            return Consultant(id: consultant.id, busy: BusyCalendar(consultant.busy.spans + spans))
        }
        let withPlan = CancelledHalfDays(open: booked, cancelled: sessions, rules: rules, today: today)
        // One model for every request left out: each finds its own consultant in it by id.
        let reopened = withPlan.reopened(consultants: along, zone: zone, gridMinutes: gridMinutes)
        var reasons: [String: Text] = [:]
        for request in left {
            var request = request
            let own = placed.filter { byId[$0.request]?.jobSeeker == request.jobSeeker }.map(\.span)
            if !own.isEmpty { request.unavailable = BusyCalendar(request.unavailable.spans + own) }
            if let reason = Self.text(withPlan.needed(by: request, firstStart: nil, in: reopened), zone: zone) {
                reasons[request.id] = reason
            }
        }
        return reasons
    }

    /// Why `request` does not fit, when it is for want of cancelled half-days.
    public func reason(
        for request: Request, firstStart: Instant? = nil, consultants: [Consultant], zone: Zone, gridMinutes: Int
    ) -> Text? {
        Self.text(needed(by: request, firstStart: firstStart, consultants: consultants, zone: zone, gridMinutes: gridMinutes), zone: zone)
    }

    /// The open sessions with the cancelled ones held again, under the booking rules, and the
    /// allocator's model of them. Built only when asked: refusals are rare, and most days have
    /// nothing cancelled.
    private func reopened(consultants: [Consultant], zone: Zone, gridMinutes: Int) -> (window: BookingWindow, availability: Availability) {
        let all = (open + sessions).sorted { ($0.span.start, $0.id) < ($1.span.start, $1.id) }
        let window = BookingWindow(sessions: all, rules: rules, today: today)
        return (window, Availability(sessions: window.sessions, consultants: consultants, zone: zone, gridMinutes: gridMinutes))
    }

    private func needed(
        by request: Request, firstStart: Instant?, in reopened: (window: BookingWindow, availability: Availability)
    ) -> [Session] {
        let offers = reopened.availability.offers(for: reopened.window.shape(request), count: 1, firstStart: firstStart)
        guard let offer = offers.options.first else { return [] }
        let used = Set(offer.assignments.map(\.session))
        return sessions.filter { used.contains($0.id) }
    }

    private static func text(_ needed: [Session], zone: Zone) -> Text? {
        guard !needed.isEmpty else { return nil }
        let named = needed.map { session in
            Text("\(weekday: zone.local(at: session.span.start))-\(zone.local(at: session.span.end).hourMinute) (\(session.coach), \(session.location))")
        }
        let what = needed.count == 1
            ? Text("the half-day of \(named[0]), which is cancelled") : Text("the half-days of \(Text.joined(named, separator: ", ")), which are cancelled")
        return Text("it would fit only with \(what) (taken out of the coach's calendar by EXDATE, moved, closed, or cancelled at the desk)")
    }
}
