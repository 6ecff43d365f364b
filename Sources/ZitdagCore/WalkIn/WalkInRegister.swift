/// The walk-in hours of one half-day: who may arrive, who is called next, how a visit ends, and how
/// long each one waiting can expect to wait. Pure: the store loads it, calls it and saves what it
/// returns, so the CLI and the API cannot decide differently.
public struct WalkInRegister: Sendable {
    /// The half-day, with the spans of the appointments booked in it (they take seats first).
    public let session: Session
    public let cancelled: Bool
    /// The session's visits so far.
    public let visits: [WalkInVisit]
    /// How long helping one walk-in usually takes, in minutes.
    public let usualMinutes: Int

    /// Arrivals are taken from this long before the session starts (people come early).
    public static let earlyArrival = 30 * 60
    /// The usual duration when the location has no helped visits to learn it from.
    public static let defaultMinutes = 20

    public init(session: Session, cancelled: Bool = false, visits: [WalkInVisit], usualMinutes: Int = Self.defaultMinutes) {
        self.session = session
        self.cancelled = cancelled
        self.visits = visits
        self.usualMinutes = max(1, usualMinutes)
    }

    /// A new arrival (its id is the store's to give), or why none can arrive now.
    public func arrival(initials: String?, topic: WalkInTopic?, at now: Instant) throws(BookingRefusal) -> WalkInVisit {
        if cancelled { throw BookingRefusal(.conflict, Text("session \(session.id) is cancelled")) }
        let opens = session.span.start.adding(seconds: -Self.earlyArrival)
        guard now >= opens, now < session.span.end else {
            throw BookingRefusal(
                .conflict, Text("session \(session.id) takes walk-ins from 30 minutes before it starts until it ends, not at this time"))
        }
        var checked: String?
        if let initials {
            guard let valid = Initials.checked(initials) else { throw BookingRefusal(.invalid, field: "initials", Initials.refusal(initials)) }
            checked = valid
        }
        return WalkInVisit(id: 0, session: session.id, arrived: now, initials: checked, topic: topic)
    }

    /// The one waiting longest, called in now; refused while every seat's walk-in still awaits an outcome.
    public func callNext(at now: Instant) throws(BookingRefusal) -> WalkInVisit {
        let helped = visits.filter { $0.state == .beingHelped }.sorted { $0.id < $1.id }
        if helped.count >= session.seats {
            let open = helped.map { String($0.id) }.joined(separator: ", ")
            throw BookingRefusal(
                .conflict, helped.count == 1 ? Text("visit \(open) still has no outcome; record it first") : Text("visits \(open) still have no outcome; record them first"))
        }
        guard var next = waiting.first else { throw BookingRefusal(.conflict, Text("nobody is waiting in session \(session.id)")) }
        next.called = max(now, next.arrived)
        return next
    }

    /// Visit `id` ended with `outcome`, now. Only someone called in can be helped or referred on;
    /// someone waiting may also have left.
    public func finish(_ id: Int, outcome: WalkInOutcome, topic: WalkInTopic?, at now: Instant) throws(BookingRefusal) -> WalkInVisit {
        guard var visit = visits.first(where: { $0.id == id }) else {
            throw BookingRefusal(.invalid, field: "visit", Text("no visit \(id) in session \(session.id)"))
        }
        switch visit.state {
        case .done: throw BookingRefusal(.conflict, Text("visit \(id) already ended: \(visit.outcome!.rawValue)"))
        case .waiting where outcome != .left:
            throw BookingRefusal(.conflict, Text("visit \(id) is still waiting: call it in first, or record that they left"))
        default: break
        }
        visit.outcome = outcome
        visit.finished = max(now, visit.called ?? visit.arrived)
        if let topic { visit.topic = topic }
        return visit
    }

    /// The register with `visit` recorded (added, or in place of the one with its id): what the
    /// store holds once it has written a decision, without reading it back.
    public func recording(_ visit: WalkInVisit) -> WalkInRegister {
        WalkInRegister(
            session: session, cancelled: cancelled, visits: visits.filter { $0.id != visit.id } + [visit], usualMinutes: usualMinutes)
    }

    /// Those waiting, longest first.
    public var waiting: [WalkInVisit] {
        visits.filter { $0.state == .waiting }.sorted { ($0.arrived, $0.id) < ($1.arrived, $1.id) }
    }

    /// One person's place in the queue.
    public struct Turn: Sendable, Hashable {
        public var visit: WalkInVisit
        /// 1 for the next one to be called.
        public var position: Int
        /// When their turn is expected, or `nil` when the free time left in the session does not reach them.
        public var expected: Instant?
    }

    /// The queue with an expected turn for each: the session's seats over the time left, minus the
    /// booked appointments and those being helped (each for the usual duration from their call, at
    /// least until now), given to those waiting in order, each for the usual duration.
    public func board(at now: Instant) -> [Turn] {
        let from = max(now, session.span.start)
        let minutes = max(0, (session.span.end.seconds - from.seconds) / 60)
        var used = [Int](repeating: 0, count: minutes)
        func occupy(_ start: Int, _ end: Int) {
            let lower = max(0, (start - from.seconds) / 60)
            let upper = min(minutes, (end - from.seconds + 59) / 60)
            if lower < upper { for m in lower..<upper { used[m] += 1 } }
        }
        for span in session.booked { occupy(span.start.seconds, span.end.seconds) }
        for visit in visits where visit.state == .beingHelped {
            occupy(from.seconds, max(visit.called!.seconds + usualMinutes * 60, now.seconds + 60))
        }
        var turns: [Turn] = []
        var earliest = 0
        for (i, visit) in waiting.enumerated() {
            var start: Int?
            var m = earliest
            while m + usualMinutes <= minutes {
                if let busy = (m..<(m + usualMinutes)).last(where: { used[$0] >= session.seats }) {
                    m = busy + 1
                } else {
                    start = m
                    break
                }
            }
            if let start {
                for k in start..<(start + usualMinutes) { used[k] += 1 }
                // Called in order: no one is expected before the one ahead of them.
                earliest = start
            } else {
                earliest = minutes
            }
            turns.append(Turn(visit: visit, position: i + 1, expected: start.map { from.adding(seconds: $0 * 60) }))
        }
        return turns
    }
}
