/// The free room in a set of sessions around what is already booked (``Session/booked``, the
/// consultants' agendas): answers "where can this request go?" with the allocator's own search,
/// constraints and ``Objective``, so that a slot offered at the desk is one the allocator would accept.
///
/// Built once, it answers each question without compiling the sessions again:
///
/// ```swift
/// let availability = Availability(sessions: sessions, consultants: consultants)
/// let offers = availability.offers(for: request, count: 5)
/// ```
public struct Availability: Sendable {
    private let schedule: Schedule
    public var zone: Zone { schedule.model.problem.zone }

    public init(
        sessions: [Session], consultants: [Consultant], zone: Zone = .brussels, gridMinutes: Int = 15,
        weights: Weights = .standard
    ) {
        // Sessions come as the desk's window opens them (``Session/forBooking(today:urgent:)``);
        // any reservation left keeps its seats, held-back ones included.
        let problem = Problem(
            zone: zone, gridMinutes: gridMinutes, weights: weights, sessions: sessions.map { $0.forBooking(today: nil) },
            consultants: consultants, requests: [])
        schedule = Schedule(model: Model(problem))
    }

    /// The best places for the request's whole series, at most one starting in each session: the
    /// highest objective first, then the earliest. When none fits, ``Offers/reason`` says why.
    ///
    /// - Parameter firstStart: only series whose first appointment starts at this instant.
    public func offers(for request: Request, count: Int, firstStart: Instant? = nil, nodeBudget: Int = 20_000) -> Offers {
        var schedule = schedule
        let r = schedule.add(request)
        let search = PlacementSearch(schedule: schedule, nodeBudget: nodeBudget)
        let placements = search.ranked(for: r, count: count, firstStart: firstStart)
        let model = schedule.model
        let options = placements.map { placement in
            Offer(
                assignments: placement.slots.enumerated().map { index, slot in
                    Assignment(
                        request: request.id, index: index, session: model.problem.sessions[Int(slot.session)].id,
                        span: schedule.span(of: slot, cells: model.requestCells[r]), consultantAttends: slot.attends)
                }, value: placement.value)
        }
        let reason = options.isEmpty ? Diagnosis(schedule: schedule, nodeBudget: nodeBudget).reason(for: r) : nil
        return Offers(options: options, reason: reason)
    }
}

/// The answer to a slot question: options, best first, or why there are none.
public struct Offers: Sendable {
    public var options: [Offer]
    /// Set when there are no options.
    public var reason: Text?

    public init(options: [Offer], reason: Text?) {
        self.options = options
        self.reason = reason
    }
}

/// One way to place a request's whole series, and what it earns in the ``Objective``.
public struct Offer: Sendable, Hashable {
    public var assignments: [Assignment]
    public var value: Int

    public init(assignments: [Assignment], value: Int) {
        self.assignments = assignments
        self.value = value
    }
}
