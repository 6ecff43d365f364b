import Foundation
import Testing
import ZitdagCore
import ZitdagStore
import ZitdagTestSupport

/// The consultant's desk: slots, booking, changes, under the booking rules.
@Suite final class DeskTests {
    let fixture: Fixture
    var desk: Desk { fixture.desk }

    init() throws { fixture = try Fixture() }

    deinit { fixture.remove() }

    func starts(_ offers: Offers) -> [Instant] { offers.options.map { $0.assignments[0].span.start } }

    @Test func slotsAreRankedEarliestFirstAndSkipToday() throws {
        let offers = try desk.slots(for: RequestDraft(jobSeeker: "J1"), count: 3)
        // Tuesday 24 November is tomorrow, the earliest the default rule allows.
        #expect(starts(offers) == [Fixture.at(Fixture.tuesday, 9), Fixture.at(Fixture.monday.adding(days: 3), 13), Fixture.at(Fixture.nextTuesday, 9)])
    }

    @Test func aBookedSlotIsNoLongerOffered() throws {
        let booked = try desk.book(RequestDraft(jobSeeker: "J1"), at: [SlotChoice(start: Fixture.at(Fixture.tuesday, 9))], actor: "K1")
        #expect(booked.count == 1 && booked[0].status == .booked && booked[0].session == "C1-\(Fixture.tuesday)-0900")
        let offers = try desk.slots(for: RequestDraft(jobSeeker: "J2"), count: 1)
        #expect(starts(offers) == [Fixture.at(Fixture.tuesday, 10)])
    }

    @Test func aSeriesFromItsFirstStartGetsTheRestPlacedWithTheSameCoach() throws {
        let draft = RequestDraft(jobSeeker: "J1", appointments: 3, gapDays: 7...14)
        let booked = try desk.book(draft, at: [SlotChoice(start: Fixture.at(Fixture.tuesday, 9))], actor: "K1")
        #expect(booked.map(\.index) == [0, 1, 2])
        #expect(Set(booked.map(\.coach)) == ["C1"])
        #expect(booked.map { Fixture.zone.local(at: $0.span.start).date } == [0, 7, 14].map { Fixture.tuesday.adding(days: $0) })
    }

    /// A booking returns its appointments without reading them back: they are what the store holds.
    @Test func aBookingReturnsItsAppointmentsAsTheStoreHoldsThem() throws {
        let series = RequestDraft(jobSeeker: "J1", consultant: "K1", attendance: .preferred, appointments: 3, gapDays: 7...14, topic: "cv")
        let single = RequestDraft(jobSeeker: "J2", consultant: "K2", attendance: .required, durationMinutes: 90)
        let booked = try desk.book(series, at: [SlotChoice(start: Fixture.at(Fixture.tuesday, 9))], actor: "K1")
            + desk.book(single, at: [SlotChoice(start: Fixture.at(Fixture.monday.adding(days: 3), 13))], actor: "K2")
        #expect(booked.count == 4)
        for appointment in booked {
            #expect(try fixture.store.appointment(appointment.id) == appointment)
        }
    }

    @Test func aTakenSlotSaysSoAndNamesTheNextFreeOnes() throws {
        _ = try desk.book(RequestDraft(jobSeeker: "J1", durationMinutes: 180), at: [SlotChoice(start: Fixture.at(Fixture.tuesday, 9))], actor: "K1")
        #expect {
            try desk.book(RequestDraft(jobSeeker: "J2"), at: [SlotChoice(start: Fixture.at(Fixture.tuesday, 9))], actor: "K2")
        } throws: { error in
            guard let error = error as? StoreError, error.code == .taken else { return false }
            let next = error.next
            return !next.isEmpty && "\(error)".contains("is taken; next free: Thu 2026-11-26 13:00")
        }
    }

    @Test func aRefusedBookingLeavesTheStoreAsItWas() throws {
        _ = try desk.book(RequestDraft(jobSeeker: "J1", durationMinutes: 180), at: [SlotChoice(start: Fixture.at(Fixture.tuesday, 9))], actor: "K1")
        let revision = try fixture.store.revision()
        let audit = try fixture.store.auditText()
        #expect(throws: StoreError.self) {
            try desk.book(RequestDraft(jobSeeker: "J2"), at: [SlotChoice(start: Fixture.at(Fixture.tuesday, 10))], actor: "K2")
        }
        #expect(throws: StoreError.self) {
            try desk.book(RequestDraft(jobSeeker: "J2", durationMinutes: 45), at: [SlotChoice(start: Fixture.at(Fixture.tuesday, 9))], actor: "K2")
        }
        #expect(try fixture.store.revision() == revision)
        #expect(try fixture.store.auditText() == audit)
    }

    @Test func aRequiredConsultantWhoIsBusyIsNamedWithTheFirstSlotWithoutThem() throws {
        try fixture.store.replaceBusy(
            of: "K1", with: [Span(start: Fixture.at(Fixture.tuesday, 8), end: Fixture.at(Fixture.monday.adding(days: 60), 8))], source: "test",
            at: Fixture.now, actor: "K1")
        let offers = try desk.slots(for: RequestDraft(jobSeeker: "J1", consultant: "K1", attendance: .required), count: 3)
        #expect(offers.options.isEmpty)
        #expect(offers.reason?.description.contains("consultant K1 is not free (busy, or along to another appointment) at every one of") == true)
        #expect(offers.reason?.description.contains("first free slot is Tue 2026-11-24 09:00 in C1-2026-11-24-0900 without K1") == true)
    }

    @Test func movingKeepsTheAppointmentAndBumpsItsSequence() throws {
        let booked = try desk.book(RequestDraft(jobSeeker: "J1"), at: [SlotChoice(start: Fixture.at(Fixture.tuesday, 9))], actor: "K1")
        let moved = try desk.move(appointment: booked[0].id, to: SlotChoice(start: Fixture.at(Fixture.nextTuesday, 10)), actor: "K1")
        #expect(moved.id == booked[0].id)
        #expect(moved.sequence == 1 && moved.span.start == Fixture.at(Fixture.nextTuesday, 10))
        // The old seat is free again.
        #expect(starts(try desk.slots(for: RequestDraft(jobSeeker: "J2"), count: 1)) == [Fixture.at(Fixture.tuesday, 9)])
    }

    @Test func aMoveThatBreaksTheSeriesGapIsRefused() throws {
        let booked = try desk.book(
            RequestDraft(jobSeeker: "J1", appointments: 2, gapDays: 7...7), at: [SlotChoice(start: Fixture.at(Fixture.tuesday, 9))], actor: "K1")
        #expect(throws: StoreError.self) {
            try desk.move(appointment: booked[1].id, to: SlotChoice(start: Fixture.at(Fixture.monday.adding(days: 15), 9)), actor: "K1")
        }
    }

    @Test func cancellingFreesTheSeatAndKeepsTheRowAsCancelled() throws {
        let booked = try desk.book(
            RequestDraft(jobSeeker: "J1", durationMinutes: 180), at: [SlotChoice(start: Fixture.at(Fixture.tuesday, 9))], actor: "K1")
        let cancelled = try desk.cancel(appointment: booked[0].id, actor: "K1")
        #expect(cancelled.map(\.status) == [.cancelled] && cancelled[0].sequence == 1)
        #expect(starts(try desk.slots(for: RequestDraft(jobSeeker: "J2"), count: 1)) == [Fixture.at(Fixture.tuesday, 9)])
        #expect(throws: StoreError.self) { try desk.cancel(appointment: booked[0].id, actor: "K1") }
    }

    /// `cancel --series` on the second appointment of three: the second and the third go, the first
    /// stays booked (issue 12, item 1: it cancelled the first too).
    @Test func cancellingTheRestOfASeriesKeepsTheEarlierAppointments() throws {
        let draft = RequestDraft(jobSeeker: "J1", appointments: 3, gapDays: 7...14)
        let booked = try desk.book(draft, at: [SlotChoice(start: Fixture.at(Fixture.tuesday, 9))], actor: "K1")
        let cancelled = try desk.cancel(appointment: booked[1].id, wholeSeries: true, actor: "K1")
        #expect(cancelled.map(\.id) == [booked[1].id, booked[2].id] && cancelled.allSatisfy { $0.status == .cancelled })
        // The first is still booked: cancelling it alone works, and then nothing of the series is left.
        #expect(try desk.cancel(appointment: booked[0].id, actor: "K1").map(\.status) == [.cancelled])
        #expect(throws: StoreError.self) { try desk.cancel(appointment: booked[2].id, actor: "K1") }
    }

    @Test func anAppointmentCannotBeMarkedBeforeItStarts() throws {
        let booked = try desk.book(RequestDraft(jobSeeker: "J1"), at: [SlotChoice(start: Fixture.at(Fixture.tuesday, 9))], actor: "K1")
        #expect(throws: StoreError.self) { try desk.mark(appointment: booked[0].id, as: .attended, actor: "K1") }
        let later = Desk(store: fixture.store, now: { Fixture.at(Fixture.tuesday, 11) })
        #expect(try later.mark(appointment: booked[0].id, as: .noShow, actor: "K1").status == .noShow)
    }

    @Test func unknownPeopleAndPastDatesAreNamed() throws {
        #expect { try desk.slots(for: RequestDraft(jobSeeker: "J999")) } throws: { "\($0)" == "no job seeker J999" }
        #expect { try desk.slots(for: RequestDraft(jobSeeker: "J1", consultant: "K9")) } throws: { "\($0)" == "no consultant K9" }
        #expect { try desk.slots(for: RequestDraft(jobSeeker: "J1", from: Fixture.monday.adding(days: -1))) } throws: {
            "\($0)" == "from: 2026-11-22 is in the past"
        }
        #expect { try desk.slots(for: RequestDraft(jobSeeker: "J1", durationMinutes: 50)) } throws: { "\($0)" == "duration_minutes: 50 is not a multiple of the 15-minute grid" }
    }

    /// A start off the grid is bad input naming the grid (it answered "nothing starts at ... for this
    /// request", exit 3), and a start when the job seeker is already booked says so (issue 12, items 4, 7).
    @Test func anOffGridStartOrTheJobSeekersOwnAppointmentIsNamed() throws {
        #expect { try desk.book(RequestDraft(jobSeeker: "J1"), at: [SlotChoice(start: Fixture.at(Fixture.tuesday, 9, 7))], actor: "K1") } throws: {
            guard let error = $0 as? StoreError, error.code == .invalid else { return false }
            return error.field == "start" && error.message.description.contains("off the 15-minute grid") && error.message.description.contains("starts at 09:00")
        }
        _ = try desk.book(RequestDraft(jobSeeker: "J1"), at: [SlotChoice(start: Fixture.at(Fixture.tuesday, 9))], actor: "K1")
        #expect { try desk.book(RequestDraft(jobSeeker: "J1"), at: [SlotChoice(start: Fixture.at(Fixture.tuesday, 9, 30))], actor: "K1") } throws: {
            "\($0)".contains("J1 already has an appointment, or is unavailable, during Tue 2026-11-24 09:30-10:30")
        }
    }

    @Test func aBookingOutsideEverySessionChangesNothing() throws {
        #expect { try desk.book(RequestDraft(jobSeeker: "J1"), at: [SlotChoice(start: Fixture.at(Fixture.tuesday, 18))], actor: "K1") } throws: {
            "\($0)".contains("no open session runs at Tue 2026-11-24 18:00")
        }
        #expect(try fixture.store.agenda(of: .coach("C1"), from: Fixture.monday, to: Fixture.monday.adding(days: 60)).allSatisfy(\.appointments.isEmpty))
    }

    @Test func aBufferKeepsTimeBetweenAppointments() throws {
        try fixture.store.setRules(BookingRules(bufferMinutes: 15), for: .location("L1"), at: Fixture.now, actor: "coordinator")
        _ = try desk.book(RequestDraft(jobSeeker: "J1"), at: [SlotChoice(start: Fixture.at(Fixture.tuesday, 9))], actor: "K1")
        let offers = try desk.slots(for: RequestDraft(jobSeeker: "J2"), count: 1)
        #expect(starts(offers) == [Fixture.at(Fixture.tuesday, 10, 15)])
        #expect(offers.options[0].assignments[0].span.seconds == 3600)
    }

    @Test func theHorizonRuleHidesLaterSessions() throws {
        try fixture.store.setRules(BookingRules(horizonWeeks: 1), for: .standard, at: Fixture.now, actor: "coordinator")
        let offers = try desk.slots(for: RequestDraft(jobSeeker: "J1"), count: 10)
        // Up to Monday 30 November: this Tuesday and this Thursday only.
        #expect(offers.options.map { $0.assignments[0].session } == ["C1-2026-11-24-0900", "C2-2026-11-26-1300"])
    }
}

/// A refusal for want of a half-day the calendar took back names it, and only when that is true
/// (issue 12, item 4).
@Suite final class CancelledHalfDayTests {
    let fixture: Fixture
    var desk: Desk { fixture.desk }
    /// Only C2's Thursdays serve ar; the second of them is taken back by the calendar.
    let thursday = Fixture.monday.adding(days: 3)
    var taken: Session { DeskWorld.sessions().first { $0.id == "C2-\(thursday.adding(days: 7))-1300" }! }
    /// Eight weekly appointments in Arabic: every Thursday of the eight weeks.
    let draft = RequestDraft(jobSeeker: "J1", appointments: 8, gapDays: 7...7, language: "ar")

    init() throws {
        fixture = try Fixture(inMemory: true)
        try syncTakingBack([taken])
    }

    deinit { fixture.remove() }

    func syncTakingBack(_ closed: [Session]) throws {
        let ids = Set(closed.map(\.id))
        _ = try fixture.store.syncSessions(
            DeskWorld.sessions().filter { !ids.contains($0.id) }, closed: closed, from: Fixture.monday, to: Fixture.monday.adding(days: 60),
            at: Fixture.now, actor: "test")
    }

    @Test func aSeriesThatNeedsTheHalfDayIsRefusedNamingIt() throws {
        #expect {
            try desk.book(draft, at: [SlotChoice(start: Fixture.at(thursday, 13))], actor: "K1")
        } throws: { error in
            guard let error = error as? StoreError, error.code == .noRoom else { return false }
            return "\(error)".contains("only with the half-day of Thu 2026-12-03 13:00-16:00 (C2, L2), which is cancelled")
        }
        #expect(try desk.slots(for: draft).reason?.description.contains("the half-day of Thu 2026-12-03 13:00-16:00 (C2, L2), which is cancelled") == true)
        // Booking at the taken-back half-day itself names it too.
        #expect {
            try desk.book(RequestDraft(jobSeeker: "J2"), at: [SlotChoice(start: Fixture.at(thursday.adding(days: 7), 13))], actor: "K1")
        } throws: { error in
            "\(error)".contains("no open session runs at Thu 2026-12-03 13:00 (C2-2026-12-03-1300 then is cancelled)")
        }
    }

    @Test func theWeeksPlanNamesItForTheSeriesItLeavesOut() throws {
        _ = try fixture.store.queue(draft, at: Fixture.now, actor: "K1")
        // A single appointment in Arabic fits beside it: its reason is not the half-day's.
        _ = try fixture.store.queue(RequestDraft(jobSeeker: "J2", language: "ar"), at: Fixture.now, actor: "K1")
        let plan = try desk.plan(from: Fixture.monday, to: Fixture.monday.adding(days: 6), dryRun: true, actor: "coordinator")
        #expect(plan.scheduled == 1 && plan.plan.unscheduled.count == 1)
        #expect(
            plan.plan.unscheduled.first?.reason.description.contains("the half-day of Thu 2026-12-03 13:00-16:00 (C2, L2), which is cancelled") == true,
            "\(plan.plan.unscheduled)")
        try syncTakingBack([])
        let again = try desk.plan(from: Fixture.monday, to: Fixture.monday.adding(days: 6), dryRun: true, actor: "coordinator")
        #expect(again.scheduled == 2, "\(again.plan.unscheduled)")
    }

    @Test func onceTheCalendarGivesItBackTheSameSeriesIsBooked() throws {
        try syncTakingBack([])
        let booked = try desk.book(draft, at: [SlotChoice(start: Fixture.at(thursday, 13))], actor: "K1")
        #expect(booked.count == 8 && booked[1].session == taken.id)
    }

    @Test func aRefusalWithAnotherCauseDoesNotNameIt() throws {
        // Nine weekly appointments do not fit in eight weeks, half-day or not.
        var longer = draft
        longer.appointments = 9
        #expect(try !(desk.slots(for: longer).reason?.description ?? "").contains("cancelled"))
        #expect {
            try desk.book(longer, at: [SlotChoice(start: Fixture.at(thursday, 13))], actor: "K1")
        } throws: { error in
            (error as? StoreError)?.code == .noRoom && !"\(error)".contains("cancelled")
        }
    }
}
