import Testing
import ZitdagCore

@Suite struct PlanCheckerTests {
    /// An assignment from wall-clock times in Brussels.
    static func at(_ request: String, _ index: Int, _ session: String, _ start: String, _ end: String, attends: Bool = false) -> Assignment {
        let zone = Zone.brussels
        let span = Span(start: zone.instant(for: LocalDateTime(iso: start)!)!, end: zone.instant(for: LocalDateTime(iso: end)!)!)
        return Assignment(request: request, index: index, session: session, span: span, consultantAttends: attends)
    }

    static let valid = [
        at("R1", 0, "S1", "2026-11-24T09:00:00", "2026-11-24T10:00:00", attends: true),
        at("R1", 1, "S2", "2026-12-01T09:00:00", "2026-12-01T10:00:00", attends: true),
        at("R2", 0, "S3", "2026-12-08T13:00:00", "2026-12-08T14:30:00"),
    ]

    func check(_ assignments: [Assignment], unscheduled: [Unscheduled] = [], objective: Int? = nil, problem: String = Example.problem) throws -> PlanReport {
        let problem = try ProblemFile.decode(Array(problem.utf8))
        let checker = PlanChecker(problem: problem)
        let stated = objective ?? checker.check(Plan(assignments: assignments, unscheduled: unscheduled, objective: 0)).objective
        return checker.check(Plan(assignments: assignments, unscheduled: unscheduled, objective: stated))
    }

    func rules(_ report: PlanReport) -> Set<Violation.Rule> { Set(report.violations.map(\.rule)) }

    @Test func aValidPlanPassesWithItsObjective() throws {
        let report = try check(Self.valid)
        #expect(report.isValid, "\(report.violations)")
        // R1: 3·10000 − 3·10·1 day + 100 one coach; R2: 10000 − 10·15 days.
        #expect(report.objective == 30_070 + 9_850)
    }

    @Test func aWrongObjectiveIsAViolation() throws {
        #expect(rules(try check(Self.valid, objective: 1)) == [.objective])
    }

    @Test func attendingWhileBusyIsAViolation() throws {
        var plan = Self.valid
        plan[0] = Self.at("R1", 0, "S1", "2026-11-24T10:00:00", "2026-11-24T11:00:00", attends: true)
        #expect(rules(try check(plan)) == [.coAttendance])
    }

    @Test func requiredAttendanceMeansTheConsultantComes() throws {
        var plan = Self.valid
        plan[1].consultantAttends = false
        #expect(rules(try check(plan)) == [.coAttendance])
    }

    @Test func offGridStartsAreViolations() throws {
        var plan = Self.valid
        plan[0] = Self.at("R1", 0, "S1", "2026-11-24T09:10:00", "2026-11-24T10:10:00", attends: true)
        #expect(rules(try check(plan)).contains(.window))
    }

    @Test func appointmentsOutsideTheSessionAreViolations() throws {
        var plan = Self.valid
        plan[2] = Self.at("R2", 0, "S3", "2026-12-08T15:30:00", "2026-12-08T17:00:00")
        #expect(rules(try check(plan)) == [.window])
    }

    @Test func gapsOutsideTheSeriesRangeAreViolations() throws {
        var plan = Self.valid
        plan[1] = Self.at("R1", 1, "S1", "2026-11-24T11:00:00", "2026-11-24T12:00:00", attends: true)
        #expect(rules(try check(plan)).contains(.series))
    }

    @Test func aFirstAppointmentBeforeReleaseIsAViolation() throws {
        let problem = Example.replacing("\"release\": \"2026-11-23\", \"due\"", with: "\"release\": \"2026-11-25\", \"due\"")
        #expect(rules(try check(Self.valid, problem: problem)) == [.releaseAndDue])
    }

    @Test func sessionsThatDoNotServeTheLanguageAreViolations() throws {
        var plan = Self.valid
        plan[2] = Self.at("R2", 0, "S1", "2026-11-24T10:00:00", "2026-11-24T11:30:00")
        #expect(rules(try check(plan)) == [.language])
    }

    @Test func moreAppointmentsThanSeatsIsAViolation() throws {
        let problem = Example.replacing("\"language\": \"ar\"", with: "\"language\": \"nl\"")
        var plan = Self.valid
        plan[2] = Self.at("R2", 0, "S2", "2026-12-01T09:30:00", "2026-12-01T11:00:00")
        #expect(rules(try check(plan, problem: problem)) == [.seats])
    }

    @Test func touchingAppointmentsShareASeat() throws {
        let problem = Example.replacing("\"language\": \"ar\"", with: "\"language\": \"nl\"")
        var plan = Self.valid
        plan[2] = Self.at("R2", 0, "S2", "2026-12-01T10:00:00", "2026-12-01T11:30:00")
        #expect(try check(plan, problem: problem).isValid)
    }

    @Test func aJobSeekerIsNeverInTwoPlacesAtOnce() throws {
        let problem = Example.replacing("\"job_seeker\": \"J2\"", with: "\"job_seeker\": \"J1\"")
            .replacingOccurrences(of: "\"seats\": 1, \"languages\": [\"nl\", \"en\"]", with: "\"seats\": 3")
            .replacingOccurrences(of: "\"language\": \"ar\"", with: "\"language\": \"nl\"")
        var plan = Self.valid
        plan[2] = Self.at("R2", 0, "S1", "2026-11-24T09:30:00", "2026-11-24T11:00:00")
        #expect(rules(try check(plan, problem: problem)) == [.jobSeeker])
    }

    @Test func appointmentsAvoidTheJobSeekersUnavailableTimes() throws {
        let problem = Example.replacing("\"start\": \"2026-11-26T13:00:00\"", with: "\"start\": \"2026-11-24T08:00:00\"")
            .replacingOccurrences(of: "\"end\": \"2026-11-26T17:00:00\"", with: "\"end\": \"2026-11-24T09:30:00\"")
        #expect(rules(try check(Self.valid, problem: problem)) == [.jobSeeker])
    }

    @Test func aRequestIsAllOrNothing() throws {
        #expect(rules(try check(Array(Self.valid.prefix(2)))) == [.completeness])
        #expect(rules(try check(Array(Self.valid.dropFirst()))) == [.completeness])
        let both = [Unscheduled(request: "R2", reason: Text("full"))]
        #expect(rules(try check(Self.valid, unscheduled: both)) == [.completeness])
    }

    @Test func unscheduledRequestsNeedAReason() throws {
        let plan = Array(Self.valid.prefix(2))
        #expect(try check(plan, unscheduled: [Unscheduled(request: "R2", reason: Text("no session serves ar"))]).isValid)
        #expect(rules(try check(plan, unscheduled: [Unscheduled(request: "R2", reason: Text(" "))])) == [.completeness])
    }

    @Test func unknownIdsAreViolations() throws {
        var plan = Self.valid
        plan[2].session = "S9"
        #expect(rules(try check(plan)).contains(.reference))
    }
}

import Foundation
