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
