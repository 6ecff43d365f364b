import Foundation
import Testing
import ZitdagCore
import ZitdagStore

/// A half-day's reservations in the store: set, kept, honoured by slots, bookings, moves and the
/// week's plan, refused where they would take an appointment's seat, and shown in the coach's feed.
@Suite struct ChannelStoreTests {
    static let session = "C1-2026-11-24-0900"
    static func at(_ hour: Int, _ minute: Int = 0) -> Instant { Fixture.at(Fixture.tuesday, hour, minute) }
    static let tuesday = Span(start: at(9), end: at(12))
    /// Tuesday's last hour kept for walk-in (its one seat).
    static let lastHour = Reservation(.walkIn, span: Span(start: at(11), end: at(12)), seats: 1)

    static func fixture(seats: Int = 1) throws -> Fixture { try Fixture(seats: seats, jobSeekers: 6, inMemory: true) }

    @Test func walkInTimeIsNeverOfferedNorBooked() throws {
        let fixture = try Self.fixture()
        try fixture.store.reserve(Self.session, [Self.lastHour], at: Fixture.now, actor: "coordinator")
        #expect(try fixture.store.session(Self.session)?.reserved == [Self.lastHour])
        var draft = RequestDraft(jobSeeker: "J1")
        draft.from = Fixture.tuesday
        draft.due = Fixture.tuesday
        let offered = try fixture.desk.slots(for: draft, count: 10).options.flatMap(\.assignments).filter { $0.session == Self.session }
        #expect(!offered.isEmpty && offered.allSatisfy { $0.span.end <= Self.at(11) }, "\(offered.map(\.span))")
        #expect(throws: StoreError.self) { try fixture.desk.book(RequestDraft(jobSeeker: "J1"), at: [SlotChoice(start: Self.at(11))], actor: "K1") }
        do {
            _ = try fixture.desk.book(RequestDraft(jobSeeker: "J1"), at: [SlotChoice(start: Self.at(11))], actor: "K1")
        } catch {
            #expect(error.description.contains("keeps 11:00-12:00 for walk-in"), "\(error)")
        }
        let booked = try fixture.desk.book(RequestDraft(jobSeeker: "J1"), at: [SlotChoice(start: Self.at(10))], actor: "K1")
        #expect(throws: StoreError.self) { try fixture.desk.move(appointment: booked[0].id, to: SlotChoice(start: Self.at(11)), actor: "K1") }
    }

    @Test func heldBackSeatsGoToUrgentBookingsUntilTheirRelease() throws {
        let fixture = try Self.fixture()
        // Tuesday 24 November, seen on Monday the 23rd: released 0 days before, so still held.
        try fixture.store.reserve(Self.session, [Reservation(.urgent, span: Self.tuesday, seats: 1, releaseDays: 0)], at: Fixture.now, actor: "coordinator")
        #expect(throws: StoreError.self) { try fixture.desk.book(RequestDraft(jobSeeker: "J1"), at: [SlotChoice(start: Self.at(9))], actor: "K1") }
        var urgent = RequestDraft(jobSeeker: "J1")
        urgent.urgent = true
        let made = try fixture.desk.book(urgent, at: [SlotChoice(start: Self.at(9))], actor: "coordinator")
        #expect(made.map(\.urgent) == [true])
        #expect(try fixture.store.agenda(of: .coach("C1"), from: Fixture.tuesday, to: Fixture.tuesday).flatMap(\.appointments).map(\.urgent) == [true])
        // Released from the day before on: anyone may book what is left.
        try fixture.store.reserve(Self.session, [Reservation(.urgent, span: Self.tuesday, seats: 1, releaseDays: 1)], at: Fixture.now, actor: "coordinator")
        #expect(try fixture.desk.book(RequestDraft(jobSeeker: "J2"), at: [SlotChoice(start: Self.at(10))], actor: "K1").count == 1)
    }

    @Test func onTheirReleaseDayHeldBackSeatsGoToTheWaitingList() throws {
        let fixture = try Self.fixture()
        try fixture.store.setRules(BookingRules(backfill: .book), for: .standard, at: Fixture.now, actor: "coordinator")
        // Tuesday's one seat is held back until the day before: Monday.
        try fixture.store.reserve(Self.session, [Reservation(.urgent, span: Self.tuesday, seats: 1, releaseDays: 1)], at: Fixture.now, actor: "coordinator")
        var draft = RequestDraft(jobSeeker: "J1")
        (draft.from, draft.due) = (Fixture.tuesday, Fixture.tuesday)
        let sunday = Desk(store: fixture.store, now: { Fixture.at(Fixture.monday.adding(days: -1), 10) })
        _ = try fixture.store.queue(draft, at: Fixture.at(Fixture.monday.adding(days: -1), 10), actor: "K1")
        try sunday.settleOffers(actor: "zitdag serve")
        #expect(try fixture.store.queuedRequests().count == 1, "still held on Sunday")
        // Monday: released, and the waiting request is booked into it at once.
        #expect(try fixture.desk.settleOffers(actor: "zitdag serve"))
        #expect(try fixture.store.queuedRequests().isEmpty)
        let booked = try fixture.store.agenda(of: .coach("C1"), from: Fixture.tuesday, to: Fixture.tuesday).flatMap(\.appointments)
        #expect(booked.map(\.jobSeeker) == ["J1"])
        // Once a day: a second look writes nothing.
        #expect(try fixture.desk.settleOffers(actor: "zitdag serve") == false)
    }

    @Test func aReservationThatWouldTakeABookedSeatIsRefusedAndChangesNothing() throws {
        let fixture = try Self.fixture()
        _ = try fixture.desk.book(RequestDraft(jobSeeker: "J1"), at: [SlotChoice(start: Self.at(11))], actor: "K1")
        do {
            try fixture.store.reserve(Self.session, [Self.lastHour], at: Fixture.now, actor: "coordinator")
            Issue.record("the reservation took a booked seat")
        } catch {
            #expect(error.code == .conflict)
            #expect(error.description.contains("would lose their seat"), "\(error)")
        }
        #expect(try fixture.store.session(Self.session)?.reserved == [])
        // A reservation that leaves the booked hour alone is fine.
        let first = Reservation(.walkIn, span: Span(start: Self.at(9), end: Self.at(10)), seats: 1)
        try fixture.store.reserve(Self.session, [first], at: Fixture.now, actor: "coordinator")
        #expect(try fixture.store.session(Self.session)?.reserved == [first])
    }

    @Test("a broken reservation is refused with its field", arguments: [
        (Reservation(.walkIn, span: Span(start: at(8), end: at(10)), seats: 1), "lies outside the session"),
        (Reservation(.walkIn, span: Span(start: at(9, 10), end: at(10)), seats: 1), "off the session's 15-minute grid"),
        (Reservation(.urgent, span: tuesday, seats: 2), "keeps 2 seat(s); the session has 1"),
    ])
    func brokenReservations(reservation: Reservation, message: String) throws {
        let fixture = try Self.fixture()
        do {
            try fixture.store.reserve(Self.session, [reservation], at: Fixture.now, actor: "coordinator")
            Issue.record("accepted")
        } catch {
            #expect(error.code == .invalid && error.description.contains("reserved") && error.description.contains(message), "\(error)")
        }
    }

    @Test func theWeeksPlanLeavesKeptCapacityAlone() throws {
        let fixture = try Self.fixture()
        try fixture.store.reserve(Self.session, [Self.lastHour], at: Fixture.now, actor: "coordinator")
        for j in 1...6 {
            var draft = RequestDraft(jobSeeker: "J\(j)")
            draft.from = Fixture.tuesday
            _ = try fixture.store.queue(draft, at: Fixture.now, actor: "K1")
        }
        _ = try fixture.desk.plan(from: Fixture.monday, to: Fixture.monday.adding(days: 6), dryRun: false, timeLimit: .milliseconds(200), actor: "coordinator")
        let tuesday = try fixture.store.agenda(of: .coach("C1"), from: Fixture.tuesday, to: Fixture.tuesday).flatMap(\.appointments)
        #expect(tuesday.count == 2, "two hours left to book: \(tuesday.map(\.span))")
        #expect(tuesday.allSatisfy { $0.span.end <= Self.at(11) })
    }

    @Test func syncedReservationsAreKeptAndTheCoachSeesWalkInInTheFeed() throws {
        // As Calendars/digipunt.ics gives them: three seats with one kept for walk-in and one held
        // back; one seat whose last hour is walk-in.
        let wednesday = Fixture.monday.adding(days: 2)
        let friday = Fixture.monday.adding(days: 4)
        let afternoon = Span(start: Fixture.at(wednesday, 13, 30), end: Fixture.at(wednesday, 16, 30))
        let sessions = [
            Session(
                id: "C3-\(wednesday)-1330", coach: "C3", location: "L3", span: afternoon, day: wednesday, seats: 3,
                reserved: [Reservation(.walkIn, span: afternoon, seats: 1), Reservation(.urgent, span: afternoon, seats: 1, releaseDays: 2)]),
            Session(
                id: "C3-\(friday)-0900", coach: "C3", location: "L3", span: Span(start: Fixture.at(friday, 9), end: Fixture.at(friday, 12, 30)),
                day: friday, reserved: [Reservation(.walkIn, span: Span(start: Fixture.at(friday, 11, 30), end: Fixture.at(friday, 12, 30)), seats: 1)]),
        ]
        let store = try Store.inMemory()
        _ = try store.syncSessions(sessions, from: Fixture.monday, to: Fixture.monday.adding(days: 14), at: Fixture.now, actor: "test")
        #expect(try store.sessions(from: Fixture.monday, to: Fixture.monday.adding(days: 14)).map(\.reserved) == sessions.map(\.reserved))
        // Unchanged, a second sync changes nothing; a reservation changed in the calendar is a change.
        #expect(try store.syncSessions(sessions, from: Fixture.monday, to: Fixture.monday.adding(days: 14), at: Fixture.now, actor: "test").changed == 0)
        var edited = sessions
        edited[1].reserved = []
        #expect(try store.syncSessions(edited, from: Fixture.monday, to: Fixture.monday.adding(days: 14), at: Fixture.now, actor: "test").changed == 1)
        _ = try store.syncSessions(sessions, from: Fixture.monday, to: Fixture.monday.adding(days: 14), at: Fixture.now, actor: "test")
        let feed = try store.feedEntries(for: .coach("C3"), from: Fixture.monday, to: Fixture.monday.adding(days: 6), now: Fixture.now)
        let walkIn = feed.filter { $0.summary.description.hasPrefix("Walk-in") }
        #expect(walkIn.map(\.summary.description) == ["Walk-in (1 of 3 seats)", "Walk-in"], "\(feed.map(\.summary))")
        #expect(walkIn.last?.span == sessions[1].reserved[0].span)
        #expect(feed.contains { $0.description?.description.contains("1 held back for urgent bookings until 2026-11-23") == true })
    }
}
