import Dispatch
import Synchronization
import Testing
import ZitdagCore
import ZitdagStore

/// Freed places offered to consultants (`backfill offer`): held until accepted, declined or expired;
/// declined or expired, they go to the next waiting request, never back to the same one.
@Suite struct OfferStoreTests {
    /// A clock the test moves.
    final class Clock: Sendable {
        let now = Mutex(Fixture.now)
        func advance(to instant: Instant) { now.withLock { $0 = instant } }
    }

    /// Next Tuesday's half-day (09:00-12:00, one seat) full with J1, J4 and J5; waiting: J2 for K1
    /// (priority 2) and J3 for K2 (priority 4). Offers on at L1.
    static func world(inMemory: Bool = true) throws -> (Fixture, Desk, Clock, [BookedAppointment]) {
        let fixture = try Fixture(jobSeekers: 5, inMemory: inMemory)
        let clock = Clock()
        let desk = Desk(store: fixture.store, now: { clock.now.withLock { $0 } })
        try fixture.store.setRules(BookingRules(backfill: .offer), for: .location("L1"), at: Fixture.now, actor: "test")
        var booked: [BookedAppointment] = []
        for (j, hour) in [(1, 9), (4, 10), (5, 11)] {
            booked += try desk.book(RequestDraft(jobSeeker: "J\(j)"), at: [SlotChoice(start: Fixture.at(Fixture.nextTuesday, hour))], actor: "K1")
        }
        _ = try fixture.store.queue(RequestDraft(jobSeeker: "J2", consultant: "K1", priority: 2), at: Fixture.now, actor: "K1")
        _ = try fixture.store.queue(RequestDraft(jobSeeker: "J3", consultant: "K2", priority: 4), at: Fixture.now, actor: "K2")
        return (fixture, desk, clock, booked)
    }

    @Test func theFreedPlaceIsHeldForTheConsultantUntilAccepted() throws {
        let (fixture, desk, _, booked) = try Self.world()
        let filled = try desk.cancelling(appointment: booked[0].id, actor: "K1").filled
        #expect(filled.offers.count == 1 && filled.appointments.map(\.jobSeeker) == ["J3"])
        let offer = try #require(filled.offers.first)
        #expect(offer.expires == Fixture.now.adding(seconds: 24 * 3600) && offer.sessions == ["C1-2026-12-01-0900"])
        #expect(try desk.offers(consultant: "K2", actor: "K2").map(\.offer.id) == [offer.id])
        #expect(try desk.offers(consultant: "K1", actor: "K1").isEmpty)
        // The consultant's feed shows the held appointment as tentative until the offer is answered.
        func held() throws -> CalendarEntry? {
            try fixture.store.feedEntries(for: .consultant("K2"), from: Fixture.monday, to: Fixture.nextTuesday, now: Fixture.now)
                .first { $0.uid == "appointment-\(offer.appointments[0])@zitdag" }
        }
        #expect(try held()?.tentative == true && held()?.summary.description.hasPrefix("Offer: ") == true)
        let accepted = try desk.decide(offer: offer.id, .accept, actor: "K2")
        #expect(accepted.offer.state == .accepted && accepted.appointments.map(\.status) == [.booked])
        #expect(try held()?.tentative == false)
        #expect(try desk.offers(consultant: nil, actor: "coordinator").isEmpty)
        #expect(throws: StoreError.self) { try desk.decide(offer: offer.id, .decline, actor: "K2") }
        #expect(try fixture.store.queuedRequests().map(\.draft.jobSeeker) == ["J2"])
    }

    @Test func theRulesSayHowLongAnOfferHolds() throws {
        let (fixture, desk, _, booked) = try Self.world()
        try fixture.store.setRules(BookingRules(backfill: .offer, offerHours: 2), for: .location("L1"), at: Fixture.now, actor: "test")
        let offer = try #require(try desk.cancelling(appointment: booked[0].id, actor: "K1").filled.offers.first)
        #expect(offer.expires == Fixture.now.adding(seconds: 2 * 3600))
        let refusal = #expect(throws: StoreError.self) {
            try fixture.store.setRules(BookingRules(backfill: .offer, offerHours: 0), for: .standard, at: Fixture.now, actor: "test")
        }
        #expect(refusal?.field == "offer_hours")
    }

    @Test func aDeclinedPlaceGoesToTheNextAndNeverBackToTheSame() throws {
        let (fixture, desk, _, booked) = try Self.world()
        let first = try #require(try desk.cancelling(appointment: booked[0].id, actor: "K1").filled.offers.first)
        let declined = try desk.decide(offer: first.id, .decline, actor: "K2")
        #expect(declined.offer.state == .declined && declined.appointments.map(\.status) == [.cancelled])
        // J2's request is offered the place now, and J3 waits again.
        let next = try desk.offers(consultant: nil, actor: "coordinator")
        #expect(next.map(\.consultant) == ["K1"] && next.first?.appointments.map(\.jobSeeker) == ["J2"])
        #expect(try fixture.store.queuedRequests().map(\.draft.jobSeeker) == ["J3"])
        // Declined again: J3 declined this half-day before, so the place stays free.
        _ = try desk.decide(offer: try #require(next.first).offer.id, .decline, actor: "K1")
        #expect(try desk.offers(consultant: nil, actor: "coordinator").isEmpty)
        #expect(try fixture.store.queuedRequests().map(\.draft.jobSeeker).sorted() == ["J2", "J3"])
    }

    /// What `zitdag serve` runs every minute: it writes only when an offer is due, so the store's
    /// revision, and the feeds that follow it, stay as they are otherwise.
    @Test func settlingWritesOnlyWhenAnOfferIsDue() throws {
        let (fixture, desk, clock, booked) = try Self.world()
        let offer = try #require(try desk.cancelling(appointment: booked[0].id, actor: "K1").filled.offers.first)
        let revision = try fixture.store.revision()
        #expect(try desk.settleOffers(actor: "serve") == false)
        #expect(try desk.offers(consultant: nil, actor: "coordinator").count == 1)
        #expect(try fixture.store.revision() == revision)
        clock.advance(to: offer.expires)
        #expect(try desk.settleOffers(actor: "serve") == true)
        #expect(try fixture.store.revision() > revision)
        #expect(try desk.offers(consultant: nil, actor: "coordinator").map(\.consultant) == ["K1"], "on to J2's request")
    }

    @Test func anExpiredOfferIsSettledAtTheNextChangeAndCannotBeAccepted() throws {
        let (_, desk, clock, booked) = try Self.world()
        let offer = try #require(try desk.cancelling(appointment: booked[0].id, actor: "K1").filled.offers.first)
        clock.advance(to: offer.expires.adding(seconds: 60))
        let refusal = #expect(throws: StoreError.self) { try desk.decide(offer: offer.id, .accept, actor: "K2") }
        #expect(refusal?.code == .conflict && refusal?.message.description.contains("was expired already") == true, "\(String(describing: refusal))")
        // The place went on to J2's request when the expired offer was settled.
        let open = try desk.offers(consultant: nil, actor: "coordinator")
        #expect(open.map(\.consultant) == ["K1"] && open.first?.offer.expires == offer.expires.adding(seconds: 60 + 24 * 3600))
    }

    @Test func anOfferWhoseAppointmentIsCancelledIsWithdrawn() throws {
        let (_, desk, _, booked) = try Self.world()
        let offer = try #require(try desk.cancelling(appointment: booked[0].id, actor: "K1").filled.offers.first)
        // K2 cancels the held appointment instead of answering.
        _ = try desk.cancelling(appointment: offer.appointments[0], actor: "K2")
        let refusal = #expect(throws: StoreError.self) { try desk.decide(offer: offer.id, .accept, actor: "K2") }
        #expect(refusal?.message.description == "offer \(offer.id) was withdrawn already")
        #expect(try desk.offers(consultant: "K2", actor: "K2").isEmpty)
    }

    /// Fifty answers to one offer at once, from as many threads: one wins, every other is refused,
    /// and the place is booked once.
    @Test func fiftyAnswersToOneOfferAtOnceEndWithOne() throws {
        let (fixture, desk, _, booked) = try Self.world(inMemory: false)
        defer { fixture.remove() }
        let offer = try #require(try desk.cancelling(appointment: booked[0].id, actor: "K1").filled.offers.first)
        let outcomes = Mutex<[Bool]>([])
        DispatchQueue.concurrentPerform(iterations: 50) { i in
            let decided = (try? desk.decide(offer: offer.id, i % 2 == 0 ? .accept : .decline, actor: "K2")) != nil
            outcomes.withLock { $0.append(decided) }
        }
        #expect(outcomes.withLock { $0.filter { $0 }.count } == 1)
        let tuesday = try fixture.store.agenda(of: .coach("C1"), from: Fixture.nextTuesday, to: Fixture.nextTuesday).flatMap(\.appointments)
        let nine = tuesday.filter { $0.status == .booked && $0.span.start == Fixture.at(Fixture.nextTuesday, 9) }
        #expect(nine.count == 1, "one seat, one booking at 09:00: \(nine.map(\.jobSeeker))")
    }
}
