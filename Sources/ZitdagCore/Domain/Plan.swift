/// One appointment of a request placed in a session.
public struct Assignment: Sendable, Hashable {
    public var request: String
    /// The appointment's place in its series, from 0, in time order.
    public var index: Int
    public var session: String
    public var span: Span
    public var consultantAttends: Bool

    public init(request: String, index: Int, session: String, span: Span, consultantAttends: Bool) {
        self.request = request
        self.index = index
        self.session = session
        self.span = span
        self.consultantAttends = consultantAttends
    }
}

/// A request the plan leaves out, with a reason a consultant can act on.
public struct Unscheduled: Sendable, Hashable {
    public var request: String
    public var reason: Text

    public init(request: String, reason: Text) {
        self.request = request
        self.reason = reason
    }
}

/// For every request, either all of its appointments or none.
public struct Plan: Sendable, Hashable {
    public var assignments: [Assignment]
    public var unscheduled: [Unscheduled]
    /// The objective the plan claims; ``PlanChecker`` recomputes it.
    public var objective: Int

    public init(assignments: [Assignment], unscheduled: [Unscheduled], objective: Int) {
        self.assignments = assignments
        self.unscheduled = unscheduled
        self.objective = objective
    }
}
