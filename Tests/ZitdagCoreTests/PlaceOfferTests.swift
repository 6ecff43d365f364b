import Testing
import ZitdagCore

/// An offer of a freed place: open until its consultant answers or it expires, answered once.
@Suite struct PlaceOfferTests {
    static let zone = Zone.brussels
    static func at(_ text: String) -> Instant { zone.instant(for: LocalDateTime(iso: text)!)! }
    static let now = at("2026-11-23T10:00:00")

    @Test func anOfferHoldsItsPlaceForADayButNeverPastTheFirstAppointment() {
        let later = PlaceOffer.made(request: 7, sessions: ["S"], appointments: [1], firstStart: Self.at("2026-12-01T09:00:00"), at: Self.now)
        #expect(later.expires == Self.at("2026-11-24T10:00:00") && later.state == .open)
        let soon = PlaceOffer.made(request: 7, sessions: ["S"], appointments: [1], firstStart: Self.at("2026-11-23T15:00:00"), at: Self.now)
        #expect(soon.expires == Self.at("2026-11-23T15:00:00"))
        #expect(!later.hasExpired(at: Self.at("2026-11-24T09:59:00")) && later.hasExpired(at: Self.at("2026-11-24T10:00:00")))
    }

    @Test func anOfferDetailIsAnsweredOnceBeforeItExpires() throws {
        var offer = PlaceOffer.made(request: 7, sessions: ["S"], appointments: [1], firstStart: Self.at("2026-12-01T09:00:00"), at: Self.now)
        offer.id = 3
        let accepted = try offer.deciding(.accept, at: Self.at("2026-11-23T12:00:00"), zone: Self.zone)
        #expect(accepted.state == .accepted && accepted.decided == Self.at("2026-11-23T12:00:00"))
        #expect(throws: BookingRefusal(.conflict, Text("offer 3 was accepted already"))) {
            try accepted.deciding(.decline, at: Self.at("2026-11-23T12:01:00"), zone: Self.zone)
        }
        #expect(try offer.deciding(.decline, at: Self.at("2026-11-23T12:00:00"), zone: Self.zone).state == .declined)
        #expect(throws: BookingRefusal(.conflict, Text("offer 3 expired at Tue 2026-11-24 10:00; its place went to the next waiting request"))) {
            try offer.deciding(.accept, at: Self.at("2026-11-24T10:00:00"), zone: Self.zone)
        }
    }
}
