/// Where a booked appointment stands: booked until it takes place (attended or no-show) or is cancelled.
public enum AppointmentStatus: String, Sendable, CaseIterable {
    case booked, cancelled, attended
    case noShow = "no_show"

    /// "no show", for messages.
    public var words: String { String(rawValue.map { $0 == "_" ? " " : $0 }) }
}
