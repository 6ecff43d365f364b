/// What a place freed by a cancellation does, per location or coach.
public enum BackfillPolicy: String, Sendable, Hashable, CaseIterable {
    /// It stays free until someone books it.
    case off
    /// It goes at once to the waiting request it serves best, booked for its consultant.
    case book
    /// It is held for the waiting request it serves best and offered to its consultant, who accepts
    /// or declines before the offer expires (see ``PlaceOffer``); declined or expired, it goes to the next.
    case offer
}

/// Fills places a cancellation freed from the waiting list (the queued requests), without moving
/// anyone already booked: in turn, the waiting request whose best series through a freed session
/// earns most by the ``Objective`` (the oldest in the queue on a tie) is placed there, until no
/// waiting request fits a freed session. Each choice takes its seats, its job seeker's time and,
/// when the consultant comes along, the consultant's, before the next is chosen.
public struct Backfill: Sendable {
    public var sessions: [Session]
    public var consultants: [Consultant]
    public var zone: Zone
    public var gridMinutes: Int
    public var weights: Weights

    /// `sessions` open for booking, with what is booked in them (``BookingWindow/sessions``).
    public init(sessions: [Session], consultants: [Consultant], zone: Zone, gridMinutes: Int, weights: Weights = .standard) {
        self.sessions = sessions
        self.consultants = consultants
        self.zone = zone
        self.gridMinutes = gridMinutes
        self.weights = weights
    }

    /// The series booked, in the order chosen, each for one of `waiting` (oldest first) and using at
    /// least one of the `freed` sessions, never one of the sessions `refused` lists for it (by
    /// request id: offers of those it declined or let expire).
    public func fill(freed: Set<String>, waiting: [Request], refused: [String: Set<String>] = [:]) -> [Offer] {
        var sessions = sessions
        var consultants = consultants
        var waiting = waiting
        var chosen: [Offer] = []
        let sessionIndex = Dictionary(uniqueKeysWithValues: sessions.enumerated().map { ($1.id, $0) })
        while !waiting.isEmpty {
            // The whole window, compiled only when a series waits.
            let availability = waiting.contains { $0.appointments > 1 }
                ? Availability(sessions: sessions, consultants: consultants, zone: zone, gridMinutes: gridMinutes, weights: weights) : nil
            // A single appointment can only go in a freed session: searched among those alone, it costs
            // a few sessions' search instead of the whole window's.
            let freedOnly = Availability(
                sessions: sessions.filter { freed.contains($0.id) }, consultants: consultants, zone: zone, gridMinutes: gridMinutes, weights: weights)
            var best: (offer: Offer, index: Int)?
            for (i, request) in waiting.enumerated() {
                // One option per first session, best first: the best that goes through a freed session.
                let options = request.appointments == 1
                    ? freedOnly.offers(for: request, count: max(1, freed.count)).options
                    : availability!.offers(for: request, count: max(1, sessions.count)).options
                let declined = refused[request.id] ?? []
                guard
                    let offer = options.first(where: { option in
                        option.assignments.contains { freed.contains($0.session) } && !option.assignments.contains { declined.contains($0.session) }
                    })
                else { continue }
                if offer.value > best?.offer.value ?? Int.min { best = (offer, i) }
            }
            guard let best else { break }
            chosen.append(best.offer)
            let request = waiting.remove(at: best.index)
            let spans = best.offer.assignments.map(\.span)
            for assignment in best.offer.assignments {
                sessions[sessionIndex[assignment.session]!].booked.append(assignment.span)
            }
            if let consultant = request.consultant, let c = consultants.firstIndex(where: { $0.id == consultant }) {
                let along = best.offer.assignments.filter(\.consultantAttends).map(\.span)
                if !along.isEmpty { consultants[c].busy = BusyCalendar(consultants[c].busy.spans + along) }
            }
            for i in waiting.indices where waiting[i].jobSeeker == request.jobSeeker {
                waiting[i].unavailable = BusyCalendar(waiting[i].unavailable.spans + spans)
            }
        }
        return chosen
    }
}
