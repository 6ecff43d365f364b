/// One event of a published calendar feed: a half-day or an appointment.
public struct CalendarEntry: Sendable, Hashable {
    /// Stable across plans: an appointment keeps its UID when it moves.
    public var uid: String
    public var span: Span
    public var summary: Text
    public var location: String?
    public var description: Text?
    public var cancelled: Bool
    /// Held but not yet confirmed (a freed place offered to a consultant): STATUS:TENTATIVE.
    public var tentative: Bool
    /// Grows with every change of the entry.
    public var sequence: Int
    /// A day, not a time (a loan's last day): `span` runs from that day's midnight to the next.
    public var allDay = false

    public init(
        uid: String, span: Span, summary: Text, location: String? = nil, description: Text? = nil,
        cancelled: Bool = false, tentative: Bool = false, sequence: Int = 0, allDay: Bool = false
    ) {
        self.allDay = allDay
        self.tentative = tentative
        self.uid = uid
        self.span = span
        self.summary = summary
        self.location = location
        self.description = description
        self.cancelled = cancelled
        self.sequence = sequence
    }
}
