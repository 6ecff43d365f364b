/// Where a consultant wants an appointment: a start time, and the session when several run then.
public struct SlotChoice: Sendable, Hashable {
    public var start: Instant
    public var session: String?

    public init(start: Instant, session: String? = nil) {
        self.start = start
        self.session = session
    }
}
