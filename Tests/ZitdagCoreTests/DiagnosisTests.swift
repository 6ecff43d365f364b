import Foundation
import Testing
import ZitdagCore

/// Requests left out say why, in words a consultant can act on.
@Suite struct DiagnosisTests {
    func reason(_ text: String, request: String) throws -> String? {
        let problem = try ProblemFile.decode(Array(text.utf8))
        let plan = Allocator(problem: problem).solve(options: .init(maxSteps: 20), clock: ContinuousClock()).plan
        return plan.unscheduled.first { $0.request == request }?.reason.description
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
        #expect(found.hasPrefix("consultant K1 is not free (busy, or along to another appointment) at every one of the"))
        #expect(found.contains("between release 2026-11-23 and due 2026-12-11"))
    }

    @Test func aHorizonTooShortForTheSeriesIsNamed() throws {
        let text = Example.replacing("\"appointments\": 2", with: "\"appointments\": 3")
            .replacingOccurrences(of: "\"release\": \"2026-11-23\", \"due\"", with: "\"release\": \"2026-11-25\", \"due\"")
        let found = try #require(try reason(text, request: "R1"))
        #expect(found.hasPrefix("the last session is on 2026-12-08: too soon for a series of 3 appointments 7-14 days apart"))
    }

    @Test func aPlaceGivenToOthersNamesThemAndTheFirstFreeSlotAfterTheDueDate() throws {
        // Three requests for the one Arabic session, which holds two: the higher priority ones get it.
        let text = Example.replacing(
            "{\"id\": \"R2\", \"job_seeker\": \"J2\", \"duration_minutes\": 90, \"release\": \"2026-11-23\", \"language\": \"ar\"}",
            with: """
                {"id": "R2", "job_seeker": "J2", "duration_minutes": 210, "release": "2026-11-23", "language": "ar", "priority": 2},
                {"id": "R3", "job_seeker": "J3", "duration_minutes": 210, "release": "2026-11-23", "due": "2026-12-09", "language": "ar", "priority": 2},
                {"id": "R4", "job_seeker": "J4", "duration_minutes": 210, "release": "2026-11-23", "due": "2026-12-09", "language": "ar"}
                """)
        let found = try #require(try reason(text, request: "R4"))
        // Not "fully booked": S2 (which serves every language) has room for R4 in a plan without R1.
        #expect(found == "the places it could take went to requests this plan values more: its best place (slot is Tue 2026-12-01 09:00 in S2) is taken by R1")
        #expect(!found.contains("fully booked"))
    }

    @Test func aSessionBookedBeforeThePlanIsFullyBooked() throws {
        // S2's seat and the Arabic session's two seats were booked at the desk before this plan.
        var problem = try ProblemFile.decode(Array(Example.problem.utf8))
        problem.sessions[1].booked = [problem.sessions[1].span]
        problem.sessions[2].booked = [problem.sessions[2].span, problem.sessions[2].span]
        let plan = Allocator(problem: problem).solve(options: .init(maxSteps: 20), clock: ContinuousClock()).plan
        let found = try #require(plan.unscheduled.first { $0.request == "R2" }?.reason)
        #expect(found.description == "every session that fits from release 2026-11-23 on is fully booked")
    }

    @Test func noReasonCountsZeroSlots() throws {
        for seed in UInt64(0)..<UInt64(25) {
            let problem = RandomProblem.make(seed: 20_000 + seed, shape: .small)
            let plan = Allocator(problem: problem).solve(options: .init(maxSteps: 50), clock: ContinuousClock()).plan
            for item in plan.unscheduled {
                #expect(!item.reason.description.contains(" 0 slots") && !item.reason.description.contains("all 0"), "seed \(seed): \(item.reason)")
            }
        }
    }

    @Test func aProblemWithoutSessionsSaysSo() throws {
        let problem = Problem(sessions: [], consultants: [], requests: [
            Request(id: "R1", jobSeeker: "J1", duration: 3600, release: LocalDate(year: 2026, month: 11, day: 23)!)
        ])
        let plan = Allocator(problem: problem).solve(clock: ContinuousClock()).plan
        #expect(plan.unscheduled == [Unscheduled(request: "R1", reason: Text("the problem has no sessions"))])
    }
}
