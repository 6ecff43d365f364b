/// One way a plan breaks the rules, in words a coordinator can follow.
public struct Violation: Sendable, Hashable, CustomStringConvertible, TextConvertible {
    /// Which rule is broken: the numbered hard constraints of the format, plus the plan's own bookkeeping.
    public enum Rule: String, Sendable, Hashable {
        case reference = "unknown id"
        case completeness = "all or nothing"
        case window = "window and grid"
        case seats
        case jobSeeker = "job seeker"
        case series
        case releaseAndDue = "release and due"
        case coAttendance = "co-attendance"
        case language
        case objective

        /// The rule's name for people.
        public var name: Text {
            switch self {
            case .reference: Text("unknown id")
            case .completeness: Text("all or nothing")
            case .window: Text("window and grid")
            case .seats: Text("seats")
            case .jobSeeker: Text("job seeker")
            case .series: Text("series")
            case .releaseAndDue: Text("release and due")
            case .coAttendance: Text("co-attendance")
            case .language: Text("language")
            case .objective: Text("objective")
            }
        }
    }

    public var rule: Rule
    /// The request it concerns, when there is one.
    public var request: String?
    public var message: Text

    public init(_ rule: Rule, request: String? = nil, _ message: Text) {
        self.rule = rule
        self.request = request
        self.message = message
    }

    public var text: Text {
        if let request { return Text("[\(rule.name)] \(request): \(message)") }
        return Text("[\(rule.name)] \(message)")
    }
    public var description: String { text.description }
}

/// What ``PlanChecker`` found.
public struct PlanReport: Sendable {
    public var violations: [Violation]
    /// The objective recomputed from the assignments.
    public var objective: Int
    /// How many requests the plan schedules.
    public var scheduled: Int

    /// No violation, and the stated objective is right (an objective mismatch is a violation too).
    public var isValid: Bool { violations.isEmpty }
}
