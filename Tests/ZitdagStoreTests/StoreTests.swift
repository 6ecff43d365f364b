import Foundation
import Testing
import ZitdagCore
import ZitdagStore

/// The store itself: never double-booked, planning, exports, erasure, bad files.
@Suite struct StoreTests {
    @Test func fiftyTasksRacingForTheLastSeatEndWithOneBooking() async throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let start = Fixture.at(Fixture.tuesday, 9)
        let path = fixture.store.path
        // Each task opens its own store, as separate processes would: separate SQLite connections.
        let outcomes = try await withThrowingTaskGroup(of: String.self) { group in
            for j in 1...50 {
                group.addTask {
                    let desk = Desk(store: try Store(path: path), now: { Fixture.now })
                    do {
                        _ = try desk.book(RequestDraft(jobSeeker: "J\(j)", durationMinutes: 180), at: [SlotChoice(start: start)], actor: "K1")
                        return "booked"
                    } catch {
                        return "\(error)"
                    }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(outcomes.filter { $0 == "booked" }.count == 1)
        let others = outcomes.filter { $0 != "booked" }
        #expect(others.count == 49)
        #expect(others.allSatisfy { $0.hasPrefix("the slot at Tue 2026-11-24 09:00 is taken; next free: Thu 2026-11-26 13:00") }, "\(others.first ?? "")")
        let agenda = try fixture.store.agenda(of: .coach("C1"), from: Fixture.tuesday, to: Fixture.tuesday)
        #expect(agenda.flatMap(\.appointments).count == 1)
    }

    @Test func theWeekPlanBooksPendingRequestsAroundExistingBookings() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let existing = try fixture.desk.book(RequestDraft(jobSeeker: "J1"), at: [SlotChoice(start: Fixture.at(Fixture.tuesday, 9))], actor: "K1")
        for j in 2...9 {
            _ = try fixture.store.queue(RequestDraft(jobSeeker: "J\(j)", durationMinutes: 60), at: Fixture.now, actor: "K1")
        }
        let week = (Fixture.monday, Fixture.monday.adding(days: 6))
        let dryRun = try fixture.desk.plan(from: week.0, to: week.1, dryRun: true, actor: "coordinator")
        #expect(!dryRun.committed && dryRun.requests == 8)
        #expect(try fixture.store.agenda(of: .coach("C1"), from: week.0, to: week.1).flatMap(\.appointments).count == 1)

        let plan = try fixture.desk.plan(from: week.0, to: week.1, dryRun: false, actor: "coordinator")
        // One seat: Tuesday has room for two more hours after J1, Thursday for three.
        #expect(plan.committed && plan.scheduled == 5)
        let booked = try fixture.store.agenda(of: .coach("C1"), from: week.0, to: week.1).flatMap(\.appointments)
            + fixture.store.agenda(of: .coach("C2"), from: week.0, to: week.1).flatMap(\.appointments)
        #expect(booked.count == 6)
        #expect(booked.contains { $0.id == existing[0].id && $0.span == existing[0].span })
        let again = try fixture.desk.plan(from: week.0, to: week.1, dryRun: false, actor: "coordinator")
        #expect(again.requests == 3 && again.scheduled == 0)
    }

    /// A language only one coach serves is offered and planned with that coach, never said to be
    /// served by no session (issue 12, item 4: "no session ... serves language ar" while one did).
    @Test func aRequestInArabicIsOfferedAndPlannedWithTheCoachWhoServesIt() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let draft = RequestDraft(jobSeeker: "J3", language: "ar")
        let offers = try fixture.desk.slots(for: draft, count: 3)
        #expect(offers.options.count == 3 && offers.options.allSatisfy { $0.assignments.allSatisfy { $0.session.hasPrefix("C2-") } })
        _ = try fixture.store.queue(draft, at: Fixture.now, actor: "K1")
        let plan = try fixture.desk.plan(from: Fixture.monday, to: Fixture.monday.adding(days: 6), dryRun: false, actor: "coordinator")
        #expect(plan.scheduled == 1, "\(plan.plan.unscheduled)")
        #expect(plan.plan.assignments.count == 1 && plan.plan.assignments.allSatisfy { $0.session.hasPrefix("C2-") })
    }

    @Test func forgettingAJobSeekerKeepsOnlyAnonymousCounts() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        var draft = RequestDraft(jobSeeker: "J7", appointments: 2)
        draft.topic = "CV in Word"
        _ = try fixture.desk.book(draft, at: [SlotChoice(start: Fixture.at(Fixture.tuesday, 9))], actor: "K1")
        let erasure = try fixture.store.forget(jobSeeker: "J7", at: Fixture.now, actor: "K1")
        #expect(erasure.appointments == 2 && erasure.cancelled == 2)
        #expect(try fixture.store.jobSeeker("J7") == nil)
        let csv = try fixture.store.appointmentsCSV(from: Fixture.monday, to: Fixture.monday.adding(days: 30))
        #expect(!csv.contains("J7") && csv.contains("(erased)"))
        #expect(try !fixture.store.auditText().contains("J7"))
    }

    @Test func exportsAreCSVWithAHeader() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        _ = try fixture.desk.book(RequestDraft(jobSeeker: "J1", durationMinutes: 90), at: [SlotChoice(start: Fixture.at(Fixture.tuesday, 9))], actor: "K1")
        let occupancy = try fixture.store.occupancyCSV(from: Fixture.tuesday, to: Fixture.tuesday)
        #expect(occupancy == """
            session,date,start,end,coach,location,seats,appointments,booked_minutes,capacity_minutes,occupancy_percent\r
            C1-2026-11-24-0900,2026-11-24,09:00,12:00,C1,L1,1,1,90,180,50.0\r

            """)
        let appointments = try fixture.store.appointmentsCSV(from: Fixture.tuesday, to: Fixture.tuesday)
        #expect(appointments.split(separator: "\r\n").count == 2)
        #expect(appointments.contains(",2026-11-24,09:00,10:30,C1-2026-11-24-0900,C1,L1,J1,,no,booked"))
    }

    @Test func aFileThatIsNotADatabaseIsRefusedClearly() throws {
        let path = NSTemporaryDirectory() + "zitdag-not-a-db-\(UUID().uuidString).sqlite"
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect { try Store(path: path) } throws: { "\($0)" == "database \(path): not a zitdag database, or damaged" }
    }

    @Test func theStoreIsCreatedOnFirstUseAndReopens() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let reopened = try Store(path: fixture.store.path)
        #expect(try reopened.jobSeeker("J1")?.initials == "AB")
    }

    @Test func aNameIsNotAcceptedAsInitials() throws {
        let fixture = try Fixture(jobSeekers: 1)
        defer { fixture.remove() }
        #expect(throws: StoreError.self) {
            try fixture.store.saveJobSeeker(JobSeeker(id: "J2", initials: "Fatima"), at: Fixture.now, actor: "K1")
        }
    }
}

extension StoreTests {
    @Test func aOneOffSessionCanBeBookedAndClosingItCancelsItsAppointments() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let wednesday = Fixture.monday.adding(days: 2)
        let session = Session(
            id: "C1-extra", coach: "C1", location: "L1", span: Span(start: Fixture.at(wednesday, 9), end: Fixture.at(wednesday, 11)),
            day: wednesday)
        try fixture.store.addSession(session, at: Fixture.now, actor: "coordinator")
        let booked = try fixture.desk.book(RequestDraft(jobSeeker: "J1"), at: [SlotChoice(start: Fixture.at(wednesday, 9))], actor: "K1")
        #expect(booked[0].session == "C1-extra")
        let affected = try fixture.store.cancelSession("C1-extra", at: Fixture.now, actor: "coordinator")
        #expect(affected.map(\.id) == booked.map(\.id))
        #expect(try fixture.store.agenda(of: .coach("C1"), from: wednesday, to: wednesday).isEmpty)
        #expect(try fixture.desk.slots(for: RequestDraft(jobSeeker: "J1"), count: 1).options[0].assignments[0].session != "C1-extra")
    }

    @Test func aDatabaseLockedTooLongGivesALockedError() throws {
        let fixture = try Fixture(jobSeekers: 2)
        defer { fixture.remove() }
        // Another connection holds the write lock for two seconds.
        let holder = try Store(path: fixture.store.path, stallBeforeCommit: 2_000)
        let thread = Thread { _ = try? holder.addConsultant("K3", at: Fixture.now, actor: "other") }
        thread.start()
        Thread.sleep(forTimeInterval: 0.5)
        #expect { try Store(path: fixture.store.path, busyTimeout: 0.2).addConsultant("K4", at: Fixture.now, actor: "K1") } throws: {
            "\($0)" == "database \(fixture.store.path) is locked by another process; try again in a moment"
        }
        Thread.sleep(forTimeInterval: 2)
    }
}
