import Foundation
import Testing
import ZitdagCore

/// Requests left out say why, in words a consultant can act on.
@Suite struct DiagnosisTests {
    func reason(_ text: String, request: String) throws -> String? {
        let problem = try ProblemFile.decode(Array(text.utf8))
        let plan = Allocator(problem: problem).solve(options: .init(maxSteps: 20), clock: ContinuousClock()).plan
        return plan.unscheduled.first { $0.request == request }?.reason
    }

    @Test func aLanguageNoSessionServesIsNamed() throws {
        // S2 names no languages, so it would serve any: give it Dutch only.
        let text = Example.replacing("\"language\": \"ar\"", with: "\"language\": \"so\"")
            .replacingOccurrences(of: "\"end\": \"2026-12-01T12:30:00\"}", with: "\"end\": \"2026-12-01T12:30:00\", \"languages\": [\"nl\"]}")
        let found = try reason(text, request: "R2")
        #expect(found == "no session from release 2026-11-23 on serves language so")
    }

    @Test func aBusyConsultantIsNamed() throws {
        // K1 is busy through both Tuesday mornings that serve Dutch.
        let text = Example.replacing(
            "\"busy\": [{\"start\": \"2026-11-24T10:00:00\", \"end\": \"2026-11-24T11:00:00\"}]",
            with: "\"busy\": [{\"start\": \"2026-11-24T08:00:00\", \"end\": \"2026-12-02T00:00:00\"}]")
        let found = try #require(try reason(text, request: "R1"))
        #expect(found.hasPrefix("consultant K1 is busy at all"))
        #expect(found.contains("between release 2026-11-23 and due 2026-12-11"))
    }

    @Test func aHorizonTooShortForTheSeriesIsNamed() throws {
        let text = Example.replacing("\"appointments\": 2", with: "\"appointments\": 3")
            .replacingOccurrences(of: "\"release\": \"2026-11-23\", \"due\"", with: "\"release\": \"2026-11-25\", \"due\"")
        let found = try #require(try reason(text, request: "R1"))
        #expect(found.hasPrefix("the last session is on 2026-12-08: too soon for a series of 3 appointments 7-14 days apart"))
    }

    @Test func aFullSessionPointsToTheFirstFreeSlotAfterTheDueDate() throws {
        // Two one-seat requests for the one Arabic session: the higher priority one gets it.
        let text = Example.replacing(
            "{\"id\": \"R2\", \"job_seeker\": \"J2\", \"duration_minutes\": 90, \"release\": \"2026-11-23\", \"language\": \"ar\"}",
            with: """
                {"id": "R2", "job_seeker": "J2", "duration_minutes": 210, "release": "2026-11-23", "language": "ar", "priority": 2},
                {"id": "R3", "job_seeker": "J3", "duration_minutes": 210, "release": "2026-11-23", "due": "2026-12-09", "language": "ar"},
                {"id": "R4", "job_seeker": "J4", "duration_minutes": 210, "release": "2026-11-23", "due": "2026-12-09", "language": "ar"}
                """)
        let found = try #require(try reason(text, request: "R4") ?? reason(text, request: "R3"))
        #expect(found.hasPrefix("every session that fits between release 2026-11-23 and due 2026-12-09 is fully booked"))
    }

    @Test func aProblemWithoutSessionsSaysSo() throws {
        let problem = Problem(sessions: [], consultants: [], requests: [
            Request(id: "R1", jobSeeker: "J1", duration: 3600, release: LocalDate(year: 2026, month: 11, day: 23)!)
        ])
        let plan = Allocator(problem: problem).solve(clock: ContinuousClock()).plan
        #expect(plan.unscheduled == [Unscheduled(request: "R1", reason: "the problem has no sessions")])
    }
}
