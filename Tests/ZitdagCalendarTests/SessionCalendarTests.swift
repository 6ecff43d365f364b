import Foundation
import Testing
import ZitdagCalendar
import ZitdagCore

/// The zitdagen shipped in `Calendars/`, expanded.
@Suite struct SessionCalendarTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Calendars")
    static let zone = Zone.brussels

    static func midnight(_ text: String) -> Instant { zone.instant(for: LocalDateTime(date: LocalDate(iso: text)!, secondOfDay: 0))! }

    static func shipped(from: String, to: String) throws -> [Session] {
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".ics") }.sorted()
            .map { (name: $0, bytes: [UInt8](try Data(contentsOf: folder.appendingPathComponent($0)))) }
        return try SessionCalendar().sessions(in: files, window: Span(start: midnight(from), end: midnight(to)))
    }

    func local(_ session: Session) -> String { "\(Self.zone.local(at: session.span.start))" }

    @Test func halfDaysKeepTheirWallTimeAcrossTheSpringChange() throws {
        let mondays = try Self.shipped(from: "2027-03-15", to: "2027-04-10").filter { $0.location == "L2" }
        // Easter Monday (29 March, the day after summer time starts) is a holiday.
        #expect(mondays.map(local) == ["2027-03-15T09:00:00", "2027-03-22T09:00:00", "2027-04-05T09:00:00"])
        #expect(mondays[2].span.start - mondays[1].span.start == 14 * 86_400 - 3600)
        #expect(mondays.allSatisfy { $0.span.seconds == 3 * 3600 && $0.seats == 2 && $0.languages == nil })
    }

    @Test func halfDaysKeepTheirWallTimeAcrossTheAutumnChange() throws {
        let tuesdays = try Self.shipped(from: "2026-10-19", to: "2026-11-01").filter { $0.coach == "C1" }
        #expect(tuesdays.map(local) == ["2026-10-20T09:00:00", "2026-10-27T09:00:00"])
        #expect(tuesdays[1].span.start - tuesdays[0].span.start == 7 * 86_400 + 3600)
    }

    @Test func exceptionsAndExtraDaysApply() throws {
        let c1 = try Self.shipped(from: "2026-12-21", to: "2027-01-04").filter { $0.coach == "C1" }
        #expect(c1.map(\.id) == ["C1-2026-12-22-0900", "C1-2026-12-30-0900"])
        #expect(c1[0].languages == ["nl", "en"] && c1[0].location == "L1")
    }

    @Test func noSessionFallsOnABelgianPublicHoliday() throws {
        let sessions = try Self.shipped(from: "2026-01-01", to: "2029-01-01")
        let holidays = Set((2026...2028).flatMap { BelgianHolidays.dates(in: $0).map(\.date) })
        #expect(!sessions.contains { holidays.contains($0.day) })
        // Armistice Day 2027 is a Thursday: C2's afternoon is gone, the weeks around it are not.
        let c2 = sessions.filter { $0.coach == "C2" && $0.location == "L1" }.map(\.day.description)
        #expect(c2.contains("2027-11-04") && !c2.contains("2027-11-11") && c2.contains("2027-11-18"))
        #expect(sessions.count > 400)
    }

    @Test func theExpandedSessionsMakeAValidProblem() throws {
        let sessions = try Self.shipped(from: "2026-11-23", to: "2027-01-18")
        let problem = Problem(sessions: sessions, consultants: [], requests: [])
        let text = JSONWriter.write(ProblemFile.encode(problem))
        #expect(try ProblemFile.decode(Array(text.utf8)).sessions == sessions)
    }

    /// The half-days a calendar takes back are kept apart, so the desk can name them (issue 12, item 4):
    /// C1's Tuesday 29 December moves to Wednesday 30 by EXDATE and RDATE.
    @Test func theShippedCalendarTakesBackC1sTuesdayBeforeNewYear() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".ics") }.sorted()
            .map { (name: $0, bytes: [UInt8](try Data(contentsOf: Self.folder.appendingPathComponent($0)))) }
        let schedule = try SessionCalendar().schedule(in: files, window: Span(start: Self.midnight("2026-12-21"), end: Self.midnight("2027-01-04")))
        #expect(schedule.closed.filter { $0.coach == "C1" }.map(\.id) == ["C1-2026-12-29-0900"])
        #expect(schedule.open.contains { $0.id == "C1-2026-12-30-0900" })
        #expect(Set(schedule.open.map(\.id)).isDisjoint(with: schedule.closed.map(\.id)))
        #expect(schedule.open == (try Self.shipped(from: "2026-12-21", to: "2027-01-04")))
    }

    /// EXDATE, an override moved to another time, a cancelled override and a closed day take their
    /// half-day back; an override at the same time (another room) does not.
    @Test func everyWayACalendarTakesAHalfDayBack() throws {
        let event = { (extra: String) in
            "BEGIN:VEVENT\r\nUID:a\r\n\(extra)X-ZITDAG-COACH:C9\r\nX-ZITDAG-LOCATION:L1\r\nEND:VEVENT\r\n"
        }
        let text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
            + event("DTSTART:20261201T080000Z\r\nDTEND:20261201T110000Z\r\nRRULE:FREQ=WEEKLY;COUNT=6\r\nEXDATE:20261208T080000Z\r\n")
            + event("RECURRENCE-ID:20261215T080000Z\r\nDTSTART:20261216T120000Z\r\nDTEND:20261216T150000Z\r\n")
            + event("RECURRENCE-ID:20261222T080000Z\r\nDTSTART:20261222T080000Z\r\nDTEND:20261222T110000Z\r\nX-ZITDAG-SEATS:2\r\n")
            + event("RECURRENCE-ID:20270105T080000Z\r\nSTATUS:CANCELLED\r\nDTSTART:20270105T080000Z\r\nDTEND:20270105T110000Z\r\n")
            + "BEGIN:VEVENT\r\nUID:b\r\nDTSTART;VALUE=DATE:20261229\r\nX-ZITDAG-CLOSED:TRUE\r\nX-ZITDAG-LOCATION:L1\r\nEND:VEVENT\r\n"
            + "END:VCALENDAR\r\n"
        let schedule = try SessionCalendar().schedule(
            in: [("c9.ics", Array(text.utf8))], window: Span(start: Self.midnight("2026-11-30"), end: Self.midnight("2027-01-11")))
        #expect(schedule.open.map(\.id) == ["C9-2026-12-01-0900", "C9-2026-12-16-1300", "C9-2026-12-22-0900"])
        #expect(schedule.open[2].seats == 2)
        #expect(schedule.closed.map(\.id) == ["C9-2026-12-08-0900", "C9-2026-12-15-0900", "C9-2026-12-29-0900", "C9-2027-01-05-0900"])
        #expect(schedule.closed.allSatisfy { $0.location == "L1" && $0.span.seconds == 3 * 3600 })
    }

    @Test func anEventWithoutACoachIsRefusedWithItsLine() {
        let text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:20261124T080000Z\r\nDTEND:20261124T110000Z\r\nX-ZITDAG-LOCATION:L1\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        let window = Span(start: Self.midnight("2026-11-01"), end: Self.midnight("2026-12-01"))
        #expect {
            try SessionCalendar().sessions(in: [("zitdagen.ics", Array(text.utf8))], window: window)
        } throws: { error in
            "\(error)" == "zitdagen.ics:3: VEVENT has no X-ZITDAG-COACH: every zitdag event names its coach and location"
        }
    }

    @Test func theDigipuntKeepsWalkInAndHeldBackCapacityOnEveryOccurrence() throws {
        let sessions = try Self.shipped(from: "2026-11-23", to: "2026-11-30").filter { $0.coach == "C3" }
        #expect(sessions.map(\.id) == ["C3-2026-11-25-1330", "C3-2026-11-27-0900"])
        let wednesday = sessions[0]
        #expect(wednesday.reserved == [
            Reservation(.walkIn, span: wednesday.span, seats: 1), Reservation(.urgent, span: wednesday.span, seats: 1, releaseDays: 2),
        ])
        let friday = sessions[1]
        let lastHour = Span(start: Self.zone.instant(for: LocalDateTime(iso: "2026-11-27T11:30:00")!)!, end: friday.span.end)
        #expect(friday.reserved == [Reservation(.walkIn, span: lastHour, seats: 1)])
    }

    @Test("a broken reservation property is refused with its line", arguments: [
        ("X-ZITDAG-WALK-IN:half past three", "X-ZITDAG-WALK-IN must be HH:MM-HH:MM"),
        ("X-ZITDAG-WALK-IN:08:00-09:30", "C9-2026-11-24-0900: reservation 1 (walk_in) lies outside the session"),
        ("X-ZITDAG-HELD-SEATS:0", "X-ZITDAG-HELD-SEATS must be a whole number of at least 1"),
        ("X-ZITDAG-WALK-IN-SEATS:2", "keeps 2 seat(s); the session has 1"),
    ])
    func brokenReservationProperties(property: String, message: String) {
        let text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART;TZID=Europe/Brussels:20261124T090000\r\n"
            + "DTEND;TZID=Europe/Brussels:20261124T120000\r\nX-ZITDAG-COACH:C9\r\nX-ZITDAG-LOCATION:L1\r\n\(property)\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        let window = Span(start: Self.midnight("2026-11-01"), end: Self.midnight("2026-12-01"))
        do {
            _ = try SessionCalendar().sessions(in: [("zitdagen.ics", Array(text.utf8))], window: window)
            Issue.record("accepted \(property)")
        } catch {
            #expect("\(error)".hasPrefix("zitdagen.ics:3: ") && "\(error)".contains(message), "\(error)")
        }
    }
}
