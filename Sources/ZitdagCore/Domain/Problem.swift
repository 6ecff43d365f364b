/// A batch allocation problem: sessions, consultants and the requests to fit into them.
public struct Problem: Sendable {
    public var zone: Zone
    public var gridMinutes: Int
    public var weights: Weights
    public var sessions: [Session]
    public var consultants: [Consultant]
    public var requests: [Request]

    public init(
        zone: Zone = .brussels, gridMinutes: Int = 15, weights: Weights = .standard, sessions: [Session],
        consultants: [Consultant], requests: [Request]
    ) {
        self.zone = zone
        self.gridMinutes = gridMinutes
        self.weights = weights
        self.sessions = sessions
        self.consultants = consultants
        self.requests = requests
    }

    public var gridSeconds: Int { gridMinutes * 60 }
}
