/// Where a booked appointment stands: booked until it takes place (attended or no-show) or is cancelled.
public enum AppointmentStatus: String, Sendable, CaseIterable {
    case booked, cancelled, attended
    case noShow = "no_show"

    /// "no show", for messages.
    public var words: Text {
        switch self {
        case .booked: Text("booked")
        case .cancelled: Text("cancelled")
        case .attended: Text("attended")
        case .noShow: Text("no show")
        }
    }
}
