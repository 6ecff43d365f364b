/// Whether the consultant comes along to a request's appointments.
public enum Attendance: String, Sendable, Hashable, CaseIterable {
    /// The consultant attends every appointment.
    case required
    /// The plan chooses per appointment; attending earns a bonus.
    case preferred
    /// The consultant never attends.
    case none

    /// Whether an appointment with this attendance may have the consultant there (`attends`) or not.
    public func allows(attends: Bool) -> Bool {
        switch self {
        case .required: attends
        case .preferred: true
        case .none: !attends
        }
    }
}
