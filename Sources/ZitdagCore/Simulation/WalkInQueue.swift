import Foundation

/// Walk-in hours of one half-day as a queue: people arrive at random (Poisson) while the door is
/// open, wait in order of arrival for one of the seats kept for walk-in, and are helped for a
/// random (exponential) or fixed time. At closing, those still waiting go home unhelped; those
/// being helped are finished. An M/M/c queue (M/D/c with fixed service) that starts empty and
/// closes its door.
public struct WalkInQueue: Sendable, Hashable {
    /// Arrivals per hour while the door is open.
    public var perHour: Double
    /// Mean minutes of help per visitor.
    public var serviceMinutes: Double
    /// Exponential service times; otherwise every visitor takes `serviceMinutes`.
    public var exponential: Bool

    public init(perHour: Double, serviceMinutes: Double, exponential: Bool = true) {
        self.perHour = perHour
        self.serviceMinutes = serviceMinutes
        self.exponential = exponential
    }

    /// One visitor: when they came (seconds after opening) and how long they waited; `nil` when the
    /// door closed before their turn.
    public struct Visit: Sendable, Hashable {
        public var arrival: Double
        public var waitSeconds: Double?
    }

    /// The visitors of `seconds` of open door with `servers` seats, in order of arrival.
    public func visits(open seconds: Int, servers: Int, using random: inout some RandomNumberGenerator) -> [Visit] {
        guard servers > 0, perHour > 0, seconds > 0 else { return [] }
        let rate = perHour / 3600
        var free = [Double](repeating: 0, count: servers)  // when each seat is free again
        var visits: [Visit] = []
        var clock = Self.exponential(rate, using: &random)
        while clock < Double(seconds) {
            // The seat free soonest takes the next in line (first come, first served).
            let seat = free.indices.min { free[$0] < free[$1] }!
            let start = max(clock, free[seat])
            if start >= Double(seconds) {
                visits.append(Visit(arrival: clock, waitSeconds: nil))
            } else {
                let service = exponential ? Self.exponential(1 / (serviceMinutes * 60), using: &random) : serviceMinutes * 60
                free[seat] = start + service
                visits.append(Visit(arrival: clock, waitSeconds: start - clock))
            }
            clock += Self.exponential(rate, using: &random)
        }
        return visits
    }

    /// An exponential draw with `rate` per second.
    static func exponential(_ rate: Double, using random: inout some RandomNumberGenerator) -> Double {
        -log(1 - Double.random(in: 0..<1, using: &random)) / rate
    }

    /// Erlang C: the mean wait in seconds of an M/M/c queue in steady state, or `nil` when it has
    /// none (arrivals at or above what `servers` can serve).
    public func erlangCWait(servers: Int) -> Double? {
        let lambda = perHour / 3600
        let mu = 1 / (serviceMinutes * 60)
        let load = lambda / mu
        guard servers > 0, load < Double(servers) else { return nil }
        var term = 1.0  // load^k / k!
        var sum = 0.0
        for k in 0..<servers {
            sum += term
            term *= load / Double(k + 1)
        }
        let last = term * Double(servers) / (Double(servers) - load)
        let waitProbability = last / (sum + last)
        return waitProbability / (Double(servers) * mu - lambda)
    }
}
