import Testing
import ZitdagCore
import ZitdagStore

/// A cancellation's freed place filled from the waiting list where the rules say so, in the
/// cancellation's own transaction; elsewhere it stays free.
@Suite struct BackfillStoreTests {
    static let session = "C1-2026-11-24-0900"
    static func at(_ hour: Int) -> Instant { Fixture.at(Fixture.tuesday, hour) }

    /// Tuesday's half-day (09:00-12:00, one seat) full with J1, J4 and J5; J2 (priority 2) and J3
    /// (priority 4) waiting in the queue.
    static func fullTuesday(backfill: BackfillPolicy) throws -> (Fixture, [BookedAppointment]) {
        let fixture = try Fixture(jobSeekers: 5, inMemory: true)
        if backfill != .off { try fixture.store.setRules(BookingRules(backfill: backfill), for: .location("L1"), at: Fixture.now, actor: "test") }
        var booked: [BookedAppointment] = []
        for (j, hour) in [(1, 9), (4, 10), (5, 11)] {
            booked += try fixture.desk.book(RequestDraft(jobSeeker: "J\(j)"), at: [SlotChoice(start: Self.at(hour))], actor: "K1")
        }
        _ = try fixture.store.queue(RequestDraft(jobSeeker: "J2", priority: 2), at: Fixture.now, actor: "K1")
        _ = try fixture.store.queue(RequestDraft(jobSeeker: "J3", priority: 4), at: Fixture.now, actor: "K2")
        return (fixture, booked)
    }

    @Test func withBackfillOnTheFreedHourGoesToTheWaitingRequestWorthMost() throws {
        let (fixture, booked) = try Self.fullTuesday(backfill: .book)
        let cancellation = try fixture.desk.cancelling(appointment: booked[0].id, actor: "K1")
        #expect(cancellation.cancelled.map(\.id) == [booked[0].id])
        #expect(cancellation.filled.appointments.map(\.jobSeeker) == ["J3"])
        #expect(cancellation.filled.appointments.first?.span.start == Self.at(9) && cancellation.filled.appointments.first?.session == Self.session)
        // J3's request left the queue; J2's still waits.
        #expect(try fixture.store.queuedRequests().map(\.draft.jobSeeker) == ["J2"])
        // The next cancellation serves J2.
        #expect(try fixture.desk.cancelling(appointment: booked[1].id, actor: "K1").filled.appointments.map(\.jobSeeker) == ["J2"])
        #expect(try fixture.store.queuedRequests().isEmpty)
        let agenda = try fixture.store.agenda(of: .coach("C1"), from: Fixture.tuesday, to: Fixture.tuesday)
        let standing = agenda.flatMap(\.appointments).filter { $0.status == .booked }
        #expect(standing.compactMap(\.jobSeeker).sorted() == ["J2", "J3", "J5"], "one seat: never two at once")
    }

    @Test func withBackfillOffTheFreedHourStaysFree() throws {
        let (fixture, booked) = try Self.fullTuesday(backfill: .off)
        #expect(try fixture.desk.cancelling(appointment: booked[0].id, actor: "K1").filled.appointments.isEmpty)
        #expect(try fixture.store.queuedRequests().map(\.draft.jobSeeker) == ["J2", "J3"])
    }

    @Test func aNewHalfDayFillsFromTheWaitingListToo() throws {
        let (fixture, _) = try Self.fullTuesday(backfill: .book)
        let wednesday = Fixture.monday.adding(days: 2)
        let filled = try fixture.store.addSession(
            Session(
                id: "C1-extra", coach: "C1", location: "L1", span: Span(start: Fixture.at(wednesday, 9), end: Fixture.at(wednesday, 11)),
                day: wednesday),
            at: Fixture.now, actor: "coordinator")
        #expect(filled.appointments.map(\.jobSeeker) == ["J3", "J2"], "two hours: the one worth most first, then the other")
        #expect(try fixture.store.queuedRequests().isEmpty)
    }

    @Test func theRuleIsShownAndKept() throws {
        let fixture = try Fixture(jobSeekers: 1, inMemory: true)
        try fixture.store.setRules(BookingRules(backfill: .book), for: .coach("C2"), at: Fixture.now, actor: "test")
        #expect(try fixture.store.ruleBook().byCoach["C2"]?.backfill == .book)
        #expect(try fixture.store.ruleBook().standard.backfill == .off)
    }
}

/// A no-show that ends the series, where the rules say so: its later appointments freed for the
/// waiting list; elsewhere a no-show changes nothing but itself.
extension BackfillStoreTests {
    @Test("a no-show ends the series only where the rules say so", arguments: [true, false])
    func aNoShowEndsTheSeriesWhereTheRulesSaySo(ends: Bool) throws {
        let fixture = try Fixture(jobSeekers: 3, inMemory: true)
        try fixture.store.setRules(BookingRules(backfill: .book, noShowEndsSeries: ends), for: .standard, at: Fixture.now, actor: "test")
        var series = RequestDraft(jobSeeker: "J1", appointments: 3, gapDays: 7...7)
        series.from = Fixture.tuesday
        let booked = try fixture.desk.book(series, at: [SlotChoice(start: Self.at(9))], actor: "K1")
        // J2 waits for an hour on the second Tuesday, which J1's series holds (one seat).
        var waiting = RequestDraft(jobSeeker: "J2", durationMinutes: 180)
        (waiting.from, waiting.due) = (Fixture.nextTuesday, Fixture.nextTuesday)
        _ = try fixture.store.queue(waiting, at: Fixture.now, actor: "K2")
        let afterwards = Desk(store: fixture.store, now: { Self.at(11) })
        let marking = try afterwards.marking(appointment: booked[0].id, as: .noShow, actor: "K1")
        #expect(marking.marked.status == .noShow)
        let standing = try fixture.store.agenda(of: .coach("C1"), from: Fixture.tuesday, to: Fixture.tuesday.adding(days: 14), includeCancelled: true)
            .flatMap(\.appointments)
        let j1 = standing.filter { $0.jobSeeker == "J1" }.map(\.status)
        if ends {
            #expect(marking.ended.map(\.id) == [booked[1].id, booked[2].id] && marking.ended.allSatisfy { $0.status == .cancelled })
            #expect(j1 == [.noShow, .cancelled, .cancelled])
            #expect(marking.filled.appointments.map(\.jobSeeker) == ["J2"] && marking.filled.appointments.first?.span.start == Fixture.at(Fixture.nextTuesday, 9))
        } else {
            #expect(marking.ended.isEmpty && marking.filled.appointments.isEmpty)
            #expect(j1 == [.noShow, .booked, .booked])
            #expect(try fixture.store.queuedRequests().count == 1)
        }
    }
}

/// A booked series waiting for an earlier place: it stands until a freed place (or the week's plan)
/// books its twin, then it is replaced in the same transaction and its own place goes on.
extension BackfillStoreTests {
    @Test func aBookingWaitingForAnEarlierPlaceIsReplacedWhenOneFrees() throws {
        let fixture = try Fixture(jobSeekers: 3, inMemory: true)
        try fixture.store.setRules(BookingRules(backfill: .book), for: .standard, at: Fixture.now, actor: "test")
        let full = try fixture.desk.book(RequestDraft(jobSeeker: "J2", durationMinutes: 180), at: [SlotChoice(start: Self.at(9))], actor: "K1")
        let later = try fixture.desk.book(RequestDraft(jobSeeker: "J1"), at: [SlotChoice(start: Fixture.at(Fixture.nextTuesday, 9))], actor: "K1")
        var other = RequestDraft(jobSeeker: "J3")
        (other.from, other.due) = (Fixture.nextTuesday, Fixture.nextTuesday)
        _ = try fixture.store.queue(other, at: Fixture.now, actor: "K2")
        let twin = try fixture.store.waitForEarlier(request: later[0].request, at: Fixture.now, actor: "K1")
        #expect(throws: StoreError.self) { try fixture.store.waitForEarlier(request: later[0].request, at: Fixture.now, actor: "K1") }
        // Until a place frees, J1's booking stands.
        #expect(try fixture.store.appointment(later[0].id)?.status == .booked)

        let cancellation = try fixture.desk.cancelling(appointment: full[0].id, actor: "K1")
        // J1 moves up to this Tuesday; its old place next Tuesday goes to J3, who waited for it.
        #expect(cancellation.filled.appointments.map(\.jobSeeker) == ["J1", "J3"], "\(cancellation.filled.appointments.map(\.jobSeeker))")
        #expect(cancellation.filled.appointments.first?.request == twin && cancellation.filled.appointments.first?.span.start == Self.at(9))
        #expect(try fixture.store.appointment(later[0].id)?.status == .cancelled)
        #expect(cancellation.filled.appointments.last?.span.start == Fixture.at(Fixture.nextTuesday, 9))
        #expect(try fixture.store.queuedRequests().isEmpty)
    }

    @Test func waitingForAnEarlierPlaceIsRefusedWhereItCannotBe() throws {
        let fixture = try Fixture(jobSeekers: 2, inMemory: true)
        let tomorrow = try fixture.desk.book(RequestDraft(jobSeeker: "J1"), at: [SlotChoice(start: Self.at(9))], actor: "K1")
        // Its first appointment is tomorrow: nothing can come earlier (the notice is a day).
        do {
            _ = try fixture.store.waitForEarlier(request: tomorrow[0].request, at: Fixture.now, actor: "K1")
            Issue.record("waited for a place before tomorrow")
        } catch { #expect(error.code == .conflict && error.description.contains("nothing can come earlier"), "\(error)") }
        // Once the series has begun, it no longer applies.
        let begun = Self.at(10)
        do {
            _ = try fixture.store.waitForEarlier(request: tomorrow[0].request, at: begun, actor: "K1")
            Issue.record("waited once begun")
        } catch { #expect(error.code == .conflict && error.description.contains("has begun"), "\(error)") }
        #expect(throws: StoreError.self) { try fixture.store.waitForEarlier(request: 99, at: Fixture.now, actor: "K1") }
    }

    @Test func aBookingMovedOrCancelledByHandNoLongerWaitsForAnEarlierPlace() throws {
        let fixture = try Fixture(jobSeekers: 2, inMemory: true)
        let later = try fixture.desk.book(RequestDraft(jobSeeker: "J1"), at: [SlotChoice(start: Fixture.at(Fixture.nextTuesday, 9))], actor: "K1")
        _ = try fixture.store.waitForEarlier(request: later[0].request, at: Fixture.now, actor: "K1")
        _ = try fixture.desk.move(appointment: later[0].id, to: SlotChoice(start: Fixture.at(Fixture.nextTuesday, 10)), actor: "K1")
        #expect(try fixture.store.queuedRequests().isEmpty)
        _ = try fixture.store.waitForEarlier(request: later[0].request, at: Fixture.now, actor: "K1")
        _ = try fixture.desk.cancel(appointment: later[0].id, actor: "K1")
        #expect(try fixture.store.queuedRequests().isEmpty)
    }

    @Test func theWeeksPlanReplacesABookingThatWaitsForAnEarlierPlace() throws {
        let fixture = try Fixture(jobSeekers: 2, inMemory: true)
        let later = try fixture.desk.book(RequestDraft(jobSeeker: "J1"), at: [SlotChoice(start: Fixture.at(Fixture.nextTuesday, 9))], actor: "K1")
        let twin = try fixture.store.waitForEarlier(request: later[0].request, at: Fixture.now, actor: "K1")
        _ = try fixture.desk.plan(from: Fixture.monday, to: Fixture.monday.adding(days: 6), dryRun: false, timeLimit: .milliseconds(200), actor: "coordinator")
        #expect(try fixture.store.appointment(later[0].id)?.status == .cancelled)
        let now = try fixture.store.series(of: twin)
        #expect(now.count == 1 && now[0].status == .booked && Fixture.zone.local(at: now[0].span.start).date < Fixture.nextTuesday)
    }
}
