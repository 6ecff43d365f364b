/// One person who walked in during a half-day's walk-in hours ("vrije inloop"): anonymous or known
/// by initials only, waiting, being helped, or done with an outcome.
public struct WalkInVisit: Sendable, Hashable, Identifiable {
    public var id: Int
    public var session: String
    public var arrived: Instant
    public var initials: String?
    public var topic: WalkInTopic?
    /// When the host called them in; `nil` while they wait.
    public var called: Instant?
    /// When the outcome was recorded.
    public var finished: Instant?
    public var outcome: WalkInOutcome?

    public init(
        id: Int, session: String, arrived: Instant, initials: String? = nil, topic: WalkInTopic? = nil, called: Instant? = nil,
        finished: Instant? = nil, outcome: WalkInOutcome? = nil
    ) {
        self.id = id
        self.session = session
        self.arrived = arrived
        self.initials = initials
        self.topic = topic
        self.called = called
        self.finished = finished
        self.outcome = outcome
    }

    public enum State: String, Sendable {
        case waiting
        case beingHelped = "being_helped"
        case done
    }

    public var state: State { outcome != nil ? .done : called != nil ? .beingHelped : .waiting }
}

/// How a walk-in visit ended.
public enum WalkInOutcome: String, Sendable, CaseIterable {
    case helped
    /// Left before being helped (or while being helped, without an answer).
    case left
    /// Sent on to someone better placed: the consultant, the OCMW, a Digipunt with an appointment.
    case referred
}

/// What a walk-in came for, in categories a funder's report can count.
public enum WalkInTopic: String, Sendable, CaseIterable {
    case email
    case jobSearch = "job_search"
    case government
    case device
    case internet
    case other

    public static var codes: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
