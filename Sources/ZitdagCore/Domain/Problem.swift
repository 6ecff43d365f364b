/// A batch allocation problem: sessions, consultants and the requests to fit into them.
public struct Problem: Sendable {
    public var zone: Zone
    public var gridMinutes: Int
    public var weights: Weights
    public var sessions: [Session]
    public var consultants: [Consultant]
    public var requests: [Request]
    /// The day the plan is made: held-back seats released by then are open to it (`nil`: none are).
    public var today: LocalDate?

    public init(
        zone: Zone = .brussels, gridMinutes: Int = 15, weights: Weights = .standard, sessions: [Session],
        consultants: [Consultant], requests: [Request], today: LocalDate? = nil
    ) {
        self.today = today
        self.zone = zone
        self.gridMinutes = gridMinutes
        self.weights = weights
        self.sessions = sessions
        self.consultants = consultants
        self.requests = requests
    }

    public var gridSeconds: Int { gridMinutes * 60 }

    /// The same problem with each session as its requests see it (``Session/forBooking(today:urgent:)``):
    /// what walk-in and held-back seats keep counts as booked.
    public func closingReservations() -> Problem {
        guard sessions.contains(where: { !$0.reserved.isEmpty || !$0.bookedUrgent.isEmpty }) else { return self }
        var closed = self
        closed.sessions = sessions.map { $0.forBooking(today: today) }
        return closed
    }
}
