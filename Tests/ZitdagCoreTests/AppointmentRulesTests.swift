import Testing
import ZitdagCore

/// What may happen to an appointment that exists, decided in the core.
@Suite struct AppointmentRulesTests {
    static let zone = Zone.brussels
    static func at(_ text: String) -> Instant { zone.instant(for: LocalDateTime(iso: text)!)! }
    static let now = at("2026-12-01T10:00:00")

    static func standing(_ id: Int64, _ status: AppointmentStatus, _ start: String) -> AppointmentRules.Standing {
        AppointmentRules.Standing(id: id, status: status, start: at(start))
    }

    @Test func aBookedAppointmentChangesUntilItStarts() throws {
        try AppointmentRules.checkChangeable(Self.standing(1, .booked, "2026-12-01T10:15:00"), now: Self.now, zone: Self.zone)
        #expect(throws: BookingRefusal(.conflict, Text("appointment 1 started Tue 2026-12-01 10:00: it can no longer change"))) {
            try AppointmentRules.checkChangeable(Self.standing(1, .booked, "2026-12-01T10:00:00"), now: Self.now, zone: Self.zone)
        }
        #expect(throws: BookingRefusal(.conflict, Text("appointment 2 is no show, not booked"))) {
            try AppointmentRules.checkChangeable(Self.standing(2, .noShow, "2026-12-08T10:00:00"), now: Self.now, zone: Self.zone)
        }
    }

    @Test func onlyAnAppointmentThatStartedIsMarkedAndNeverACancelledOne() throws {
        try AppointmentRules.checkMarkable(Self.standing(1, .booked, "2026-12-01T10:00:00"), as: .attended, now: Self.now, zone: Self.zone)
        try AppointmentRules.checkMarkable(Self.standing(1, .attended, "2026-12-01T09:00:00"), as: .noShow, now: Self.now, zone: Self.zone)
        #expect(throws: BookingRefusal(.conflict, Text("appointment 1 starts Tue 2026-12-01 10:15: it cannot be marked before it starts"))) {
            try AppointmentRules.checkMarkable(Self.standing(1, .booked, "2026-12-01T10:15:00"), as: .attended, now: Self.now, zone: Self.zone)
        }
        #expect(throws: BookingRefusal(.conflict, Text("appointment 1 was cancelled"))) {
            try AppointmentRules.checkMarkable(Self.standing(1, .cancelled, "2026-12-01T09:00:00"), as: .attended, now: Self.now, zone: Self.zone)
        }
        #expect(throws: BookingRefusal(.invalid, field: "status", Text("cancelled; attended or no_show expected"))) {
            try AppointmentRules.checkMarkable(Self.standing(1, .booked, "2026-12-01T09:00:00"), as: .cancelled, now: Self.now, zone: Self.zone)
        }
    }

    @Test func cancellingTheRestOfASeriesKeepsTheEarlierOnes() {
        let series = [
            Self.standing(1, .attended, "2026-11-24T10:00:00"), Self.standing(2, .booked, "2026-12-08T10:00:00"),
            Self.standing(3, .cancelled, "2026-12-15T10:00:00"), Self.standing(4, .booked, "2026-12-22T10:00:00"),
        ]
        #expect(AppointmentRules.cancelling(series[1], series: series, rest: true) == [2, 4])
        #expect(AppointmentRules.cancelling(series[1], series: series, rest: false) == [2])
        #expect(AppointmentRules.cancelling(series[3], series: series, rest: true) == [4])
    }
}
