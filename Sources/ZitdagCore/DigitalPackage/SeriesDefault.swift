/// The series a request gets when its booker does not say: by the job seeker's level, per location
/// (a location may set its own; the rest take the city's).
public struct SeriesDefault: Sendable, Hashable {
    public var appointments: Int
    public var durationMinutes: Int
    /// Days between appointments of the series.
    public var gapDays: ClosedRange<Int>

    public init(appointments: Int, durationMinutes: Int, gapDays: ClosedRange<Int>) {
        self.appointments = appointments
        self.durationMinutes = durationMinutes
        self.gapDays = gapDays
    }

    /// The city's defaults: starters 3 x 60 minutes 7-14 days apart, basic 2 x 60 minutes 7-21 days
    /// apart, advanced one hour.
    public static func standard(for level: DigitalLevel) -> SeriesDefault {
        switch level {
        case .starter: SeriesDefault(appointments: 3, durationMinutes: 60, gapDays: 7...14)
        case .basic: SeriesDefault(appointments: 2, durationMinutes: 60, gapDays: 7...21)
        case .advanced: SeriesDefault(appointments: 1, durationMinutes: 60, gapDays: 7...21)
        }
    }

    /// The default, checked: 1-10 appointments of 15-240 minutes, gaps 1-90 days.
    public static func checked(appointments: Int, durationMinutes: Int, gapDays: ClosedRange<Int>) throws(BookingRefusal) -> SeriesDefault {
        guard (1...10).contains(appointments) else { throw BookingRefusal(.invalid, field: "appointments", Text("\(appointments) is not 1 to 10")) }
        guard (15...240).contains(durationMinutes) else {
            throw BookingRefusal(.invalid, field: "duration_minutes", Text("\(durationMinutes) is not 15 to 240"))
        }
        guard gapDays.lowerBound >= 1, gapDays.upperBound <= 90 else {
            throw BookingRefusal(.invalid, field: "gap_days", Text("\(gapDays.lowerBound)..\(gapDays.upperBound) is not within 1..90"))
        }
        return SeriesDefault(appointments: appointments, durationMinutes: durationMinutes, gapDays: gapDays)
    }
}
