/// The desk's rules for an appointment that exists: which may still be moved or cancelled, which
/// may be marked, and what cancelling the rest of a series takes. Pure: the store reads the
/// appointments in its transaction, asks, and writes the answer.
public enum AppointmentRules {
    /// What the rules need of an appointment.
    public struct Standing: Sendable, Hashable {
        public var id: Int64
        public var status: AppointmentStatus
        public var start: Instant

        public init(id: Int64, status: AppointmentStatus, start: Instant) {
            self.id = id
            self.status = status
            self.start = start
        }
    }

    /// An appointment may be moved or cancelled while it is booked and has not started.
    public static func checkChangeable(_ appointment: Standing, now: Instant, zone: Zone) throws(BookingRefusal) {
        guard appointment.status == .booked else {
            throw BookingRefusal(.conflict, Text("appointment \(appointment.id) is \(appointment.status.words), not booked"))
        }
        guard appointment.start > now else {
            throw BookingRefusal(.conflict, Text("appointment \(appointment.id) started \(weekday: zone.local(at: appointment.start)): it can no longer change"))
        }
    }

    /// An appointment is marked attended or no-show once it has started, unless it was cancelled.
    public static func checkMarkable(_ appointment: Standing, as status: AppointmentStatus, now: Instant, zone: Zone) throws(BookingRefusal) {
        guard status == .attended || status == .noShow else {
            throw BookingRefusal(.invalid, field: "status", Text("\(status.rawValue); attended or no_show expected"))
        }
        guard appointment.status != .cancelled else { throw BookingRefusal(.conflict, Text("appointment \(appointment.id) was cancelled")) }
        guard appointment.start <= now else {
            throw BookingRefusal(
                .conflict, Text("appointment \(appointment.id) starts \(weekday: zone.local(at: appointment.start)): it cannot be marked before it starts"))
        }
    }

    /// The appointments a no-show ends where the rules say so (``BookingRules/noShowEndsSeries``):
    /// the booked ones of its `series` after it.
    public static func endedByNoShow(_ target: Standing, series: [Standing]) -> [Int64] {
        series.filter { $0.status == .booked && $0.start > target.start }.map(\.id)
    }

    /// The appointments a cancellation takes: the one asked for; with `rest`, also every booked one
    /// of its `series` from it on. The earlier ones, which may have taken place, stay.
    public static func cancelling(_ target: Standing, series: [Standing], rest: Bool) -> [Int64] {
        guard rest else { return [target.id] }
        return series.filter { $0.id == target.id || ($0.status == .booked && $0.start >= target.start) }.map(\.id)
    }
}
