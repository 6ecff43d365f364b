/// The desk's decisions on one booking state: where a new booking, or a moved appointment, goes,
/// or why it cannot go there.
///
/// A pure value. The store reads the state inside its transaction (the sessions around the time
/// asked with their bookings, the booking rules, the request's consultant with their agenda,
/// today), asks, and writes what it answers; the CLI and HTTP only present it. Every placement it
/// returns has passed ``PlanChecker`` against that state.
///
/// ```swift
/// let desk = BookingDesk(zone: .brussels, gridMinutes: 15, sessions: sessions, rules: rules, today: today, consultants: [])
/// let appointments = try desk.place(request, at: [SlotChoice(start: nineOClock)])
/// ```
public struct BookingDesk: Sendable {
    public let zone: Zone
    public let gridMinutes: Int
    /// The sessions read for the question, before the booking rules.
    public let sessions: [Session]
    /// The sessions open under the booking rules, and how a request is shaped to honour them.
    public let window: BookingWindow
    /// The request's consultant with their agenda (the appointments they attend included), or none.
    public let consultants: [Consultant]
    /// The cancelled half-days of the same days, for refusals that are for want of them.
    public let cancelled: CancelledHalfDays

    /// - Parameter urgent: the booking is a coordinator's for an urgent case: it may take seats held
    ///   back for urgent bookings before their release.
    public init(
        zone: Zone, gridMinutes: Int, sessions: [Session], cancelled: [Session] = [], rules: RuleBook, today: LocalDate,
        consultants: [Consultant], urgent: Bool = false
    ) {
        self.zone = zone
        self.gridMinutes = gridMinutes
        self.sessions = sessions
        self.window = BookingWindow(sessions: sessions, rules: rules, today: today, urgent: urgent)
        self.consultants = consultants
        self.cancelled = CancelledHalfDays(open: sessions, cancelled: cancelled, rules: rules, today: today)
    }

    /// Where `request` goes: with one choice, its whole series from that first start (the rest
    /// placed as the allocator would); with one choice per appointment, at those starts. The
    /// appointments come back at their real length.
    ///
    /// - Throws: ``BookingRefusal``: `.invalid` when no open session runs at a start, a start is
    ///   off the grid or outside the booking rules; `.taken` when the place fits the request but
    ///   its seats are booked; `.noRoom` with the reason otherwise.
    public func place(_ request: Request, at choices: [SlotChoice]) throws(BookingRefusal) -> [Assignment] {
        guard let first = choices.first, choices.count == 1 || choices.count == request.appointments else {
            throw BookingRefusal(.invalid, field: "start", Text("give the first start, or all \(request.appointments) starts of the series"))
        }
        let when = zone.local(at: first.start)
        guard sessions.contains(where: { Self.runs($0, at: first.start, named: first.session) }) else {
            let gone = cancelled.sessions.filter { Self.runs($0, at: first.start, named: first.session) }.map(\.id)
            let runs = first.session.map { Text("no open session \($0) runs at \(weekday: when)") } ?? Text("no open session runs at \(weekday: when)")
            throw BookingRefusal(
                .invalid, field: "start", gone.isEmpty ? runs : Text("\(runs) (\(gone.joined(separator: ", ")) then is cancelled)"))
        }
        // Where a session is named, the others running at the first start are left aside.
        let open = window.sessions.filter { session in
            first.session == nil || session.id == first.session || !Self.runs(session, at: first.start, named: nil)
        }
        guard open.contains(where: { Self.runs($0, at: first.start, named: first.session) }) else {
            throw BookingRefusal(.invalid, field: "start", Text("\(weekday: when) is outside the booking rules (notice or horizon)"))
        }
        let shaped = window.shape(request)
        let found: [Assignment]
        if choices.count == 1 {
            let availability = availability(of: open)
            guard let offer = availability.offers(for: shaped, count: 1, firstStart: first.start).options.first else {
                throw failure(shaped, at: first.start, in: open, availability: availability)
            }
            found = offer.assignments
        } else {
            found = try explicitSeries(shaped, choices)
        }
        // Checked by the core's checker against the whole state before anything is written.
        let problem = Problem(zone: zone, gridMinutes: gridMinutes, sessions: window.sessions, consultants: consultants, requests: [shaped])
        let violations = PlanChecker(problem: problem).check(Plan(assignments: found, unscheduled: [], objective: 0))
            .violations.filter { $0.rule != .objective }
        if violations.contains(where: { $0.rule == .seats }) { throw BookingRefusal(.taken, Text("the slot at \(weekday: when)")) }
        if let violation = violations.first { throw BookingRefusal(.invalid, field: "start", violation.message) }
        return found.map { window.unshape($0, duration: request.duration) }
    }

    /// Whether appointment `index` of a series may move to `day`: its neighbours in the series
    /// (`others`, by index, their days) must stay within the request's gaps.
    public static func checkGaps(
        of request: Request, moving index: Int, to day: LocalDate, others: [(index: Int, day: LocalDate)]
    ) throws(BookingRefusal) {
        for other in others where abs(other.index - index) == 1 {
            let (earlier, later) = other.index < index ? (other.day, day) : (day, other.day)
            let days = earlier.days(to: later)
            if !request.admitsGap(days: days) {
                throw BookingRefusal(
                    .invalid, field: "start",
                    Text("appointment #\(other.index + 1) of the series is on \(other.day): \(count: days, "day") apart is outside \(request.gapDays.lowerBound)..\(request.gapDays.upperBound)"))
            }
        }
    }

    private func availability(of sessions: [Session]) -> Availability {
        Availability(sessions: sessions, consultants: consultants, zone: zone, gridMinutes: gridMinutes)
    }

    /// Whether `session` runs at `start` (and is the one named, when one is).
    private static func runs(_ session: Session, at start: Instant, named: String?) -> Bool {
        session.span.start <= start && start < session.span.end && (named == nil || session.id == named)
    }

    /// Why a search pinned to `start` found nothing, each reason a fact of the state checked in
    /// turn: off the grid, the job seeker's own appointment, the required consultant not free,
    /// no session running then serving the language or long enough, a seat taken (it fits once
    /// the sessions' seats are empty), cancelled half-days (it fits once they are held again); else
    /// the allocator's diagnosis.
    private func failure(_ request: Request, at start: Instant, in open: [Session], availability: Availability) -> BookingRefusal {
        let grid = gridMinutes * 60
        let when = zone.local(at: start)
        let span = Span(start: start, end: start.adding(seconds: request.duration))
        let until = Text("\(weekday: when)-\(zone.local(at: span.end).hourMinute)")
        let running = open.filter { Self.runs($0, at: start, named: nil) }
        if let session = running.first, running.allSatisfy({ ($0.span.start.seconds - start.seconds) % grid != 0 }) {
            return BookingRefusal(
                .invalid, field: "start",
                Text("\(weekday: when) is off the \(gridMinutes)-minute grid of \(session.id), which starts at \(zone.local(at: session.span.start).hourMinute)"))
        }
        if !request.unavailable.isFree(span) {
            return BookingRefusal(.noRoom, Text("\(request.jobSeeker) already has an appointment, or is unavailable, during \(until)"))
        }
        if request.attendance == .required, let consultant = consultants.first, !consultant.busy.isFree(span) {
            return BookingRefusal(.noRoom, Text("consultant \(consultant.id) is not free (busy, or along to another appointment) during \(until)"))
        }
        let serving = running.filter { $0.serves(request.language) }
        if serving.isEmpty, let language = request.language {
            return BookingRefusal(.noRoom, Text("no session running at \(weekday: when) serves language \(language)"))
        }
        if !serving.contains(where: { $0.span.end >= span.end }) {
            return BookingRefusal(.noRoom, Text("no session running at \(weekday: when) lasts until \(zone.local(at: span.end).hourMinute)"))
        }
        let unbooked = open.map { session in
            var session = session
            session.booked = []
            return session
        }
        if !self.availability(of: unbooked).offers(for: request, count: 1, firstStart: start).options.isEmpty {
            return reservationReason(request, at: start, span: span) ?? BookingRefusal(.taken, Text("the slot at \(weekday: when)"))
        }
        var unshaped = request
        unshaped.duration -= window.padding
        if let reason = cancelled.reason(for: unshaped, firstStart: start, consultants: consultants, zone: zone, gridMinutes: gridMinutes) {
            return BookingRefusal(.noRoom, Text("nothing starts at \(weekday: when) for this request: \(reason)"))
        }
        let reason = availability.offers(for: request, count: 1).reason
        return BookingRefusal(
            .noRoom, reason.map { Text("nothing starts at \(weekday: when) for this request; \($0)") } ?? Text("nothing starts at \(weekday: when) for this request"))
    }

    /// When what stands in the way at `start` is a half-day's reservation (it fits with the
    /// reservations lifted, booked appointments kept): which one, in words.
    private func reservationReason(_ request: Request, at start: Instant, span: Span) -> BookingRefusal? {
        let kept = sessions.filter { Self.runs($0, at: start, named: nil) && $0.reserved.contains { $0.span.overlaps(span) } }
        guard !kept.isEmpty else { return nil }
        let lifted = sessions.map { session in
            var session = session
            session.reserved = []
            return session
        }
        let open = BookingWindow(sessions: lifted, rules: window.rules, today: window.today, urgent: window.urgent).sessions
        guard !availability(of: open).offers(for: request, count: 1, firstStart: start).options.isEmpty else { return nil }
        let words = kept.flatMap { session in
            session.reserved.filter { $0.span.overlaps(span) && (window.urgent ? $0.channel == .walkIn : true) }.map {
                Text("\(session.id) keeps \($0.words(in: session, zone: zone))")
            }
        }
        return BookingRefusal(.noRoom, Text("nothing starts at \(weekday: zone.local(at: start)) for this request: \(Text.joined(words, separator: "; "))"))
    }

    /// A series at the consultant's own starts: each in the session running then (the named one, or
    /// one serving the language, the previous appointment's coach first).
    private func explicitSeries(_ request: Request, _ choices: [SlotChoice]) throws(BookingRefusal) -> [Assignment] {
        var assignments: [Assignment] = []
        var coach: String?
        for (index, choice) in choices.enumerated() {
            let running = window.sessions.filter {
                $0.span.start <= choice.start && choice.start < $0.span.end && (choice.session == nil || $0.id == choice.session)
                    && $0.serves(request.language)
            }
            guard let session = running.first(where: { $0.coach == coach }) ?? running.first else {
                throw BookingRefusal(
                    .invalid, field: "start",
                    request.language.map { Text("no open session serving \($0) runs at \(weekday: zone.local(at: choice.start))") }
                        ?? Text("no open session runs at \(weekday: zone.local(at: choice.start))"))
            }
            coach = session.coach
            let span = Span(start: choice.start, end: choice.start.adding(seconds: request.duration))
            let attends = switch request.attendance {
            case .required: true
            case .none: false
            case .preferred: consultants.first?.busy.isFree(span) ?? false
            }
            assignments.append(Assignment(request: request.id, index: index, session: session.id, span: span, consultantAttends: attends))
        }
        return assignments
    }
}
