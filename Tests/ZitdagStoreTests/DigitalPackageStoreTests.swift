import Foundation
import GRDB
import Testing
import ZitdagCore
import ZitdagStore

/// The digital package in the store: loans kept whole through lending, extending and taking back;
/// intakes setting the level and the default series; erasure leaving the devices' history; the
/// report read from what happened; and a database of the release before upgraded in place.
@Suite struct DigitalPackageStoreTests {
    static let today = Fixture.monday
    static func day(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }
    static let answers = ["computer": 1, "email": 1, "internet": 1, "forms": 0, "jobs": 0, "device": 0, "connection": 1]

    /// What a refused call says, or `nil` when it was not refused.
    static func refusal(_ body: () throws -> Any) -> String? {
        do {
            _ = try body()
            return nil
        } catch { return "\(error)" }
    }

    /// A clock the test moves on, for outcomes recorded after appointments took place.
    final class Clock: @unchecked Sendable {
        var now = Fixture.now
    }

    @Test func aDeviceGoesOutOnceComesBackAndGoesOutAgain() throws {
        let fixture = try Fixture(jobSeekers: 3)
        defer { fixture.remove() }
        let store = fixture.store
        try store.addDevice(Device(id: "L-001", kind: .laptop, bought: Self.day("2024-01-10"), location: "L1"), at: Fixture.now, actor: "co")
        #expect(Self.refusal { try store.addDevice(Device(id: "L-001", kind: .tablet, bought: Self.day("2025-01-10")), at: Fixture.now, actor: "co") } == Text("device L-001 is in the inventory already").description)
        #expect(Self.refusal { try store.addDevice(Device(id: "L-009", kind: .tablet, bought: Self.day("2025-01-10"), location: "Nowhere"), at: Fixture.now, actor: "co") } == Text("no location Nowhere").description)
        let loan = try store.lend(device: "L-001", to: "J1", at: Fixture.now, actor: "K1")
        #expect(loan.from == Self.today && loan.until == Self.day("2027-05-23") && loan.device == "L-001")
        #expect(try store.device("L-001")?.state == .onLoan)
        // One loan at a time: the second is refused and writes nothing.
        #expect(Self.refusal { try store.lend(device: "L-001", to: "J2", at: Fixture.now, actor: "K1") } == Text("device L-001 is on loan; take it back first").description)
        #expect(try store.loans(of: "J2").isEmpty)
        // The schema holds it too: a second open loan of the device cannot be written.
        let raw = try DatabaseQueue(path: fixture.folder + "/zitdag.sqlite")
        #expect(throws: DatabaseError.self) {
            try raw.write { db in try db.execute(sql: "INSERT INTO loan (device_id, job_seeker_id, start, until) VALUES ('L-001', 'J2', 1, 2)") }
        }
        try raw.close()
        let extended = try store.extendLoan(loan.id, until: Self.day("2027-08-31"), at: Fixture.now, actor: "K1")
        let again = try store.extendLoan(loan.id, at: Fixture.now, actor: "K1")
        #expect(again.until == Self.day("2028-02-29") && again.extensions.count == 2 && again.extensions[0].to == extended.until)
        #expect(try store.loan(loan.id) == again, "the extensions are stored with the loan")
        let back = try store.returnLoan(loan.id, condition: .damaged, on: Self.day("2026-12-01"), at: Fixture.now, actor: "K1")
        #expect(back.returned == Self.day("2026-12-01") && back.condition == .damaged)
        #expect(try store.device("L-001")?.state == .inRepair)
        #expect(Self.refusal { try store.lend(device: "L-001", to: "J2", at: Fixture.now, actor: "K1") } == Text("device L-001 is in repair; mark it repaired first").description)
        _ = try store.changeDevice("L-001", to: .available, at: Fixture.now, actor: "co")
        let next = try store.lend(device: "L-001", to: "J2", from: Self.day("2026-12-02"), until: Self.day("2027-01-31"), at: Fixture.now, actor: "K1")
        #expect(try store.history(ofDevice: "L-001").map(\.id) == [loan.id, next.id])
        #expect(Self.refusal { try store.changeDevice("L-001", to: .retired, at: Fixture.now, actor: "co") } == Text("device L-001 is on loan; take it back first").description)
    }

    @Test func theOverviewAndTheConsultantsListShowWhatIsDue() throws {
        let fixture = try Fixture(jobSeekers: 3, inMemory: true)
        let store = fixture.store
        _ = try store.updateJobSeeker("J1", at: Fixture.now, actor: "t") { $0.consultant = "K1" }
        _ = try store.updateJobSeeker("J2", at: Fixture.now, actor: "t") { $0.consultant = "K2" }
        try store.addDevice(Device(id: "L-1", kind: .laptop, bought: Self.day("2021-12-01")), at: Fixture.now, actor: "co")
        try store.addDevice(Device(id: "D-1", kind: .dongle, bought: Self.day("2025-01-01")), at: Fixture.now, actor: "co")
        let ending = try store.lend(device: "L-1", to: "J1", from: Self.day("2026-06-01"), until: Self.day("2026-12-10"), at: Fixture.now, actor: "K1")
        let overdue = try store.lend(device: "D-1", to: "J2", from: Self.day("2026-05-01"), until: Self.day("2026-11-20"), at: Fixture.now, actor: "K2")
        let all = try store.loanOverview(on: Self.today, weeks: 4)
        #expect(all.ending.map(\.id) == [ending.id] && all.overdue.map(\.id) == [overdue.id])
        #expect(all.dueForReplacement.map(\.id) == ["L-1"])
        let mine = try store.loanOverview(on: Self.today, weeks: 4, consultant: "K1")
        #expect(mine.ending.map(\.id) == [ending.id] && mine.overdue.isEmpty && mine.dueForReplacement.isEmpty)
        #expect(try store.openLoans(consultant: "K1")["J1"] == [Text("\(Text("laptop")) L-1 until \(Self.day("2026-12-10"))")])
        // The consultant's feed shows the loan's last day, all day; the other consultant's does not.
        let feed = try store.feedEntries(for: .consultant("K1"), from: Self.today, to: Self.today.adding(days: 30), now: Fixture.now)
        let end = try #require(feed.first { $0.uid == "loan-end-\(ending.id)@zitdag" })
        #expect(end.allDay && Fixture.zone.local(at: end.span.start) == LocalDateTime(date: Self.day("2026-12-10"), secondOfDay: 0))
        #expect(end.summary.description == "Loan ends: laptop L-1, J1 (AB)")
        let other = try store.feedEntries(for: .consultant("K2"), from: Self.today, to: Self.today.adding(days: 30), now: Fixture.now)
        #expect(!other.contains { $0.uid.hasPrefix("loan-end-\(ending.id)") })
    }

    @Test func anIntakeSetsTheLevelAndTheDefaultSeriesOfABooking() throws {
        let fixture = try Fixture(jobSeekers: 2, inMemory: true)
        let store = fixture.store
        let intake = try store.recordIntake(jobSeeker: "J1", answers: Self.answers, location: "L1", at: Fixture.now, actor: "K1")
        #expect(intake.level == .starter && intake.score == 3 && intake.taken == Self.today)
        #expect(try store.jobSeeker("J1")?.digitalLevel == .starter)
        #expect(try store.intakes(of: "J1") == [intake], "the answers are kept as answers")
        // A bad answer writes nothing.
        var bad = Self.answers
        bad["email"] = 7
        #expect(Self.refusal { try store.recordIntake(jobSeeker: "J1", answers: bad, at: Fixture.now, actor: "K1") } == Text("email: \(Text("\(7) is not an answer: give 0 to \(3)"))").description)
        #expect(try store.intakes(of: "J1").count == 1)

        // A booking that names no series gets the starter's: 3 x 60 minutes, 7-14 days apart.
        var draft = RequestDraft(jobSeeker: "J1")
        draft.seriesByLevel = true
        let offers = try fixture.desk.slots(for: draft, count: 1)
        #expect(offers.options.first?.assignments.count == 3)
        // L1 sets its own for starters; the latest intake was taken there.
        try store.setSeriesDefault(appointments: 2, durationMinutes: 90, gapDays: 7...7, for: .starter, at: "L1", now: Fixture.now, actor: "co")
        #expect(try store.seriesDefault(for: "J1") == SeriesDefault(appointments: 2, durationMinutes: 90, gapDays: 7...7))
        let booked = try fixture.desk.book(draft, at: [SlotChoice(start: Fixture.at(Fixture.tuesday, 9))], actor: "K1")
        #expect(booked.count == 2 && booked.allSatisfy { $0.span.end.seconds - $0.span.start.seconds == 90 * 60 })
        // Without a level, or with the series given, nothing changes.
        var given = RequestDraft(jobSeeker: "J2")
        given.seriesByLevel = true
        #expect(try store.presetting(given) == given)
        #expect(try store.presetting(RequestDraft(jobSeeker: "J1")).appointments == 1)
        // Thresholds are the city's: a stricter basic keeps a score of 6 a starter.
        _ = try store.setLevelThresholds(basicFrom: 7, advancedFrom: 12, at: Fixture.now, actor: "co")
        var six = Self.answers
        six["forms"] = 3
        #expect(try store.recordIntake(jobSeeker: "J2", answers: six, at: Fixture.now, actor: "K1").level == .starter)
    }

    @Test func erasureWaitsForTheDeviceAndKeepsItsHistoryWithoutThePerson() throws {
        let fixture = try Fixture(jobSeekers: 2, inMemory: true)
        let store = fixture.store
        try store.addDevice(Device(id: "T-1", kind: .tablet, bought: Self.day("2025-03-01")), at: Fixture.now, actor: "co")
        let loan = try store.lend(device: "T-1", to: "J1", at: Fixture.now, actor: "K1")
        _ = try store.recordIntake(jobSeeker: "J1", answers: Self.answers, at: Fixture.now, actor: "K1")
        #expect(Self.refusal { try store.forget(jobSeeker: "J1", at: Fixture.now, actor: "K1") } == Text("job seeker J1 still borrows \(Text("device T-1")) (loan \(loan.id)); take it back first, or record it lost").description)
        _ = try store.returnLoan(loan.id, condition: .good, at: Fixture.now, actor: "K1")
        let erasure = try store.forget(jobSeeker: "J1", at: Fixture.now, actor: "K1")
        #expect(erasure.loans == 1 && erasure.intakes == 1)
        let history = try store.history(ofDevice: "T-1")
        #expect(history.count == 1 && history[0].jobSeeker == nil && history[0].from == loan.from && history[0].returned == Self.today)
        #expect(try !store.auditText().contains("J1"), "the audit log forgets the id")
        #expect(try store.device("T-1")?.state == .available)
    }

    /// The report, from a history booked through the desk: each figure is counted here from what
    /// the test did, not from the store's rows.
    @Test func theReportCountsWhatHappened() throws {
        let fixture = try Fixture(jobSeekers: 4, inMemory: true)
        let store = fixture.store
        let clock = Clock()
        let desk = Desk(store: store, now: { clock.now })
        func book(_ j: Int, _ date: LocalDate, _ hour: Int) throws -> Int64 {
            try desk.book(RequestDraft(jobSeeker: "J\(j)"), at: [SlotChoice(start: Fixture.at(date, hour))], actor: "K1")[0].id
        }
        // Tuesdays at L1, Thursdays at L2; J1..J3 asked on Monday 23 November.
        let a1 = try book(1, Fixture.tuesday, 9)  // attended: J1 waited 1 day
        let a2 = try book(2, Fixture.tuesday, 10)  // no-show
        let a3 = try book(3, Fixture.tuesday.adding(days: 2), 13)  // attended at L2: J3 waited 3 days
        let a4 = try book(1, Self.day("2026-12-01"), 9)  // cancelled by the job seeker, ill
        let a5 = try book(2, Self.day("2026-12-03"), 13)  // attended in December: J2's first, 10 days
        _ = try book(3, Self.day("2026-12-08"), 9)  // still booked
        _ = try desk.cancel(appointment: a4, cause: CancellationCause(by: .jobSeeker, reason: .ill), actor: "K1")
        clock.now = Fixture.at(Self.day("2026-12-04"), 9)
        for id in [a1, a3, a5] { _ = try desk.mark(appointment: id, as: .attended, actor: "C1") }
        _ = try desk.mark(appointment: a2, as: .noShow, actor: "C1")
        _ = try store.recordIntake(jobSeeker: "J1", answers: Self.answers, on: Self.day("2026-11-23"), location: "L1", at: Fixture.now, actor: "K1")
        try store.addDevice(Device(id: "L-1", kind: .laptop, bought: Self.day("2025-01-01"), location: "L2"), at: Fixture.now, actor: "co")
        _ = try store.lend(device: "L-1", to: "J3", from: Self.day("2026-11-26"), at: Fixture.now, actor: "K1")

        let report = try store.fundersReport(from: Self.day("2026-11-01"), to: Self.day("2026-12-31"))
        #expect(report.rows.map { "\($0.month) \($0.location ?? "city")" } == ["2026-11 city", "2026-11 L1", "2026-11 L2", "2026-12 city", "2026-12 L1", "2026-12 L2"])
        let (november, novemberL1, novemberL2, december) = (report.rows[0], report.rows[1], report.rows[2], report.rows[3])
        #expect(november.booked == 3 && november.attended == 2 && november.noShows == 1 && november.reached == 2)
        #expect(novemberL1.booked == 2 && novemberL1.attended == 1 && novemberL2.attended == 1)
        #expect(november.intakes == [.starter: 1] && novemberL1.intakes == [.starter: 1] && novemberL2.intakes.isEmpty)
        #expect(november.waits.sorted() == [1, 3] && novemberL2.waits == [3])
        #expect(november.devicesOnLoan == 1 && novemberL2.devicesOnLoan == 1 && novemberL1.devicesOnLoan == 0)
        #expect(december.booked == 3 && december.cancelled == 1 && december.attended == 1 && december.reached == 1)
        #expect(december.cancelledBy == [.jobSeeker: 1] && december.cancelReasons == [.ill: 1])
        #expect(december.waits == [10] && december.waitMedian == 10 && december.waitP90 == 10)
        // A day of a month asks for the whole month.
        #expect(try store.fundersReport(from: Self.day("2026-11-15"), to: Self.day("2026-11-15")).rows.first == november)
        // One location alone: its rows only.
        #expect(try store.fundersReport(from: Self.day("2026-11-01"), to: Self.day("2026-11-30"), location: "L2").rows == [novemberL2])
    }

    /// A database made by the release before the digital package (schema v10; see
    /// Fixtures/make-release-db.sh) opens, upgrades in place and keeps everything.
    @Test func aDatabaseOfTheReleaseBeforeUpgradesInPlace() throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/release-v10.sqlite")
        let folder = NSTemporaryDirectory() + "zitdag-upgrade-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/zitdag.sqlite"
        try FileManager.default.copyItem(atPath: fixture.path, toPath: path)
        let before = try DatabaseQueue(path: path)
        let appointments = try before.read { db in try Row.fetchAll(db, sql: "SELECT id, status, session_id FROM appointment ORDER BY id") }
        let migrations = try before.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") }
        #expect(migrations.last == "v10: a consultant's job seekers")
        try before.close()

        let store = try Store(path: path)
        let after = try DatabaseQueue(path: path)
        defer { try? after.close() }
        #expect(try after.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") }.last == "v11: the digital package")
        #expect(try after.read { db in try Row.fetchAll(db, sql: "SELECT id, status, session_id FROM appointment ORDER BY id") } == appointments)
        // The loose loan dates became loans without a recorded device; the free-text levels, levels.
        #expect(try store.loans(of: "J1").map { "\($0.from)..\($0.until) \($0.device ?? "-")" } == ["2026-11-02..2027-05-01 -"])
        #expect(try store.loans(of: "J3").map { "\($0.from)..\($0.until)" } == ["2026-10-01..2027-03-31"])
        #expect(try store.loans(of: "J2").isEmpty)
        #expect(try store.jobSeekers().map { "\($0.id) \($0.digitalLevel?.rawValue ?? "-") \($0.consultant ?? "-")" } == ["J1 starter K1", "J2 basic K1", "J3 - K2", "J4 - K2"])
        #expect(try after.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM job_seeker WHERE loan_from IS NOT NULL OR loan_until IS NOT NULL") } == 0)
        // The upgraded store works: an old cancellation counts without a cause, a device can be lent.
        let report = try store.fundersReport(from: LocalDate(iso: "2026-11-01")!, to: LocalDate(iso: "2026-11-30")!)
        #expect(report.rows[0].booked == 6 && report.rows[0].attended == 1 && report.rows[0].noShows == 1 && report.rows[0].cancelled == 1)
        #expect(report.rows[0].devicesOnLoan == 2, "the two migrated loans")
        try store.addDevice(Device(id: "L-1", kind: .laptop, bought: LocalDate(iso: "2026-01-01")!), at: Fixture.now, actor: "co")
        #expect(try store.lend(device: "L-1", to: "J2", at: Fixture.now, actor: "K1").device == "L-1")
        #expect(try store.path(of: "J1").appointments.map(\.status) == [.attended, .booked, .booked])
    }
}
