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

    @Test func anEventWithoutACoachIsRefusedWithItsLine() {
        let text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:20261124T080000Z\r\nDTEND:20261124T110000Z\r\nX-ZITDAG-LOCATION:L1\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        let window = Span(start: Self.midnight("2026-11-01"), end: Self.midnight("2026-12-01"))
        #expect {
            try SessionCalendar().sessions(in: [("zitdagen.ics", Array(text.utf8))], window: window)
        } throws: { error in
            "\(error)" == "zitdagen.ics:3: VEVENT has no X-ZITDAG-COACH: every zitdag event names its coach and location"
        }
    }
}
