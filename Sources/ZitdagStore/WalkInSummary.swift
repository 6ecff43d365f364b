import ZitdagCore

/// A walk-in visit as the CLI's `--json` and the API show it: initials at most, times in local wall-clock time.
public struct WalkInSummary: Codable, Sendable, Hashable {
    public var id: Int
    public var session: String
    public var arrived: String
    public var initials: String?
    public var topic: String?
    public var state: String
    public var called: String?
    public var finished: String?
    public var outcome: String?
    /// In the queue: 1 for the next one called.
    public var position: Int?
    /// In the queue: when their turn is expected, if the session's time left reaches them.
    public var expected: String?

    public init(_ visit: WalkInVisit, turn: WalkInRegister.Turn? = nil, zone: Zone) {
        id = visit.id
        session = visit.session
        arrived = zone.local(at: visit.arrived).description
        initials = visit.initials
        topic = visit.topic?.rawValue
        state = visit.state.rawValue
        called = visit.called.map { zone.local(at: $0).description }
        finished = visit.finished.map { zone.local(at: $0).description }
        outcome = visit.outcome?.rawValue
        position = turn?.position
        expected = turn?.expected.map { zone.local(at: $0).description }
    }
}

/// A half-day's walk-in queue as `--json` and the API show it.
public struct WalkInQueueSummary: Codable, Sendable, Hashable {
    public var session: String
    /// Minutes one walk-in usually takes there, from which the expected turns follow.
    public var usualMinutes: Int
    public var beingHelped: [WalkInSummary]
    /// Longest waiting first, each with a position and an expected turn.
    public var waiting: [WalkInSummary]

    enum CodingKeys: String, CodingKey {
        case session, usualMinutes = "usual_minutes", beingHelped = "being_helped", waiting
    }

    public init(_ register: WalkInRegister, turns: [WalkInRegister.Turn], zone: Zone) {
        session = register.session.id
        usualMinutes = register.usualMinutes
        beingHelped = register.visits.filter { $0.state == .beingHelped }.sorted { $0.id < $1.id }.map { WalkInSummary($0, zone: zone) }
        waiting = turns.map { WalkInSummary($0.visit, turn: $0, zone: zone) }
    }
}

/// One row of the walk-in report as `--json` and the API show it: counts only.
public struct WalkInReportSummary: Codable, Sendable, Hashable {
    public var month: String
    public var location: String
    public var session: String?
    public var arrivals, helped, left, referred, open: Int
    public var medianWaitMinutes: Int?
    /// Visits per topic code, for the topics recorded.
    public var topics: [String: Int]

    enum CodingKeys: String, CodingKey {
        case month, location, session, arrivals, helped, left, referred, open, topics
        case medianWaitMinutes = "median_wait_minutes"
    }

    public init(_ row: WalkInReport.Row) {
        (month, location, session) = (row.month, row.location, row.session)
        (arrivals, helped, left, referred, open) = (row.arrivals, row.helped, row.left, row.referred, row.open)
        medianWaitMinutes = row.medianWaitMinutes
        topics = Dictionary(uniqueKeysWithValues: row.topics.map { ($0.key.rawValue, $0.value) })
    }
}
