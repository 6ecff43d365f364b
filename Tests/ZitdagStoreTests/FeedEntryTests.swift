import Testing
import ZitdagCore
import ZitdagStore

/// Feeds from the store: stable UIDs, growing SEQUENCE, cancelled entries that linger, then go.
@Suite struct FeedEntryTests {
    let fixture: Fixture
    init() throws { fixture = try Fixture() }

    func entries(_ audience: FeedAudience, now: Instant = Fixture.now) throws -> [CalendarEntry] {
        try fixture.store.feedEntries(for: audience, from: Fixture.monday, to: Fixture.monday.adding(days: 30), now: now)
            .filter { $0.uid.hasPrefix("appointment-") }
    }

    @Test func aMovedAppointmentKeepsItsUIDWithAHigherSequence() throws {
        defer { fixture.remove() }
        let booked = try fixture.desk.book(RequestDraft(jobSeeker: "J1", topic: "itsme"), at: [SlotChoice(start: Fixture.at(Fixture.tuesday, 9))], actor: "K1")
        let before = try entries(.coach("C1"))
        _ = try fixture.desk.move(appointment: booked[0].id, to: SlotChoice(start: Fixture.at(Fixture.nextTuesday, 9)), actor: "K1")
        let after = try entries(.coach("C1"))
        #expect(before.map(\.uid) == after.map(\.uid))
        #expect(before[0].sequence == 0 && after[0].sequence == 1)
        #expect(after[0].span.start == Fixture.at(Fixture.nextTuesday, 9))
        #expect(after[0].summary.description == "Coaching AB (1/1): itsme")
    }

    @Test func aCancelledAppointmentStaysAsCancelledForTwoWeeksThenDropsOut() throws {
        defer { fixture.remove() }
        let booked = try fixture.desk.book(RequestDraft(jobSeeker: "J1"), at: [SlotChoice(start: Fixture.at(Fixture.nextTuesday, 9))], actor: "K1")
        _ = try fixture.desk.cancel(appointment: booked[0].id, actor: "K1")
        let soon = try entries(.coach("C1"))
        #expect(soon.map(\.cancelled) == [true] && soon[0].sequence == 1)
        #expect(try entries(.coach("C1"), now: Fixture.now.adding(seconds: 15 * 86_400)).isEmpty)
    }

    @Test func coachesSeeInitialsAndConsultantsThePseudonymToo() throws {
        defer { fixture.remove() }
        _ = try fixture.desk.book(RequestDraft(jobSeeker: "J1", consultant: "K1"), at: [SlotChoice(start: Fixture.at(Fixture.tuesday, 9))], actor: "K1")
        #expect(try entries(.coach("C1")).map(\.summary.description) == ["Coaching AB (1/1)"])
        #expect(try entries(.consultant("K1")).map(\.summary.description) == ["Coaching J1 (AB) (1/1)"])
        #expect(try entries(.consultant("K2")).isEmpty)
    }
}
