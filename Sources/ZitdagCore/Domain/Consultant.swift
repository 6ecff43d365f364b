/// An employment consultant (*arbeidsconsulent*), who guides job seekers and
/// ideally comes along to their appointments.
public struct Consultant: Sendable, Hashable, Identifiable {
    public var id: String
    /// The consultant's own agenda: when they cannot attend.
    public var busy: BusyCalendar

    public init(id: String, busy: BusyCalendar = BusyCalendar()) {
        self.id = id
        self.busy = busy
    }
}
