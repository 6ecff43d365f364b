import Testing
import ZitdagCore

@Suite struct ProblemFileTests {
    func issues(_ text: String) -> [FormatIssue] {
        do {
            _ = try ProblemFile.decode(Array(text.utf8))
            return []
        } catch {
            return error.issues
        }
    }

    @Test func theExampleDecodesWithItsDefaults() throws {
        let problem = try Example.decoded()
        #expect(problem.sessions.map(\.id) == ["S1", "S2", "S3"])
        #expect(problem.sessions[1].seats == 1 && problem.sessions[1].languages == nil)
        let r2 = problem.requests[1]
        #expect(r2.attendance == .none && r2.consultant == nil && r2.appointments == 1)
        #expect(r2.gapDays == 7...21 && r2.priority == 1 && r2.due == nil && r2.unavailable.isEmpty)
        #expect(problem.requests[0].duration == 3600)
    }

    @Test func partialWeightsTakeTheirOwnDefaults() throws {
        let text = Example.replacing(
            "\"weights\": {\"scheduled\": 10000, \"wait_day\": 10, \"co_attendance\": 50, \"same_coach\": 100}",
            with: "\"weights\": {\"wait_day\": 3}")
        let weights = try ProblemFile.decode(Array(text.utf8)).weights
        #expect(weights == Weights(scheduled: 10_000, waitDay: 3, coAttendance: 50, sameCoach: 100))
    }

    @Test("each invalid input names its place", arguments: [
        ("\"id\": \"S2\"", "\"id\": \"S1\"", "sessions[1].id", "repeats"),
        ("\"consultant\": \"K1\"", "\"consultant\": \"K9\"", "requests[0].consultant", "unknown consultant"),
        ("\"end\": \"2026-12-01T12:30:00\"", "\"end\": \"2026-12-01T09:00:00\"", "sessions[1].end", "after start"),
        ("\"coach\": \"C2\"", "\"coach\": \"C1\", \"x\": 1", "sessions[2].x", "unknown key"),
        ("\"duration_minutes\": 90", "\"duration_minutes\": 50", "requests[1].duration_minutes", "multiple"),
        ("\"min_gap_days\": 7", "\"min_gap_days\": 15", "requests[0].min_gap_days", "more than"),
        ("\"due\": \"2026-12-11\"", "\"due\": \"2026-11-01\"", "requests[0].due", "before release"),
        ("\"priority\": 3", "\"priority\": 6", "requests[0].priority", "from 1 to 5"),
        ("\"priority\": 3", "\"priority\": 3.0", "requests[0].priority", "integer"),
        ("\"attendance\": \"required\"", "\"attendance\": \"sometimes\"", "requests[0].attendance", "\"required\""),
        ("\"job_seeker\": \"J2\",", "\"job_seeker\": \"J2\", \"attendance\": \"preferred\",", "requests[1].attendance", "no consultant"),
        ("\"start\": \"2026-12-01T09:00:00\"", "\"start\": \"2026-12-01 09:00\"", "sessions[1].start", "not a local time"),
        ("\"timezone\": \"Europe/Brussels\"", "\"timezone\": \"Mars/Olympus\"", "timezone", "unknown time zone"),
        ("\"format\": \"zitdag-problem/1\"", "\"format\": \"zitdag-problem/2\"", "format", "must be"),
        ("\"seats\": 2", "\"seats\": 0", "sessions[2].seats", "from 1 to"),
        ("\"release\": \"2026-11-23\", \"language\"", "\"language\"", "requests[1].release", "missing required key"),
        ("\"grid_minutes\": 15", "\"grid_minutes\": \"15\"", "grid_minutes", "integer"),
    ])
    func invalidInput(old: String, new: String, path: String, message: String) {
        let found = issues(Example.replacing(old, with: new))
        #expect(found.contains { $0.path == path && $0.message.description.contains(message) }, "\(found)")
    }

    // Busy and unavailable spans are read the fast way when they are plain; anything else is read
    // field by field, so that each issue names its place as before.
    @Test("a span that is not plain names its place", arguments: [
        ("{\"start\": \"2026-11-24T10:00:00\", \"end\": \"2026-11-24T09:00:00\"}", "consultants[0].busy[0].end", "after start"),
        ("{\"start\": \"2026-11-24T10:00:00\", \"end\": \"2026-11-24T11:00:00\", \"x\": 1}", "consultants[0].busy[0].x", "unknown key"),
        ("{\"start\": \"2026-11-24T10:00:00\"}", "consultants[0].busy[0].end", "missing required key"),
        ("{\"start\": \"2026-03-29T02:30:00\", \"end\": \"2026-03-29T04:00:00\"}", "consultants[0].busy[0].start", "does not exist"),
        ("{\"start\": \"2026-11-24 10:00\", \"end\": \"2026-11-24T11:00:00\"}", "consultants[0].busy[0].start", "not a local time"),
        ("{\"start\": 10, \"end\": \"2026-11-24T11:00:00\"}", "consultants[0].busy[0].start", "must be a string"),
        ("[]", "consultants[0].busy[0]", "must be an object"),
    ])
    func spanThatIsNotPlain(span: String, path: String, message: String) {
        let found = issues(Example.replacing(
            "{\"start\": \"2026-11-24T10:00:00\", \"end\": \"2026-11-24T11:00:00\"}", with: span))
        #expect(found.contains { $0.path == path && $0.message.description.contains(message) }, "\(found)")
    }

    @Test func spansReadTheSameWhateverTheOrderOfTheirKeys() throws {
        let plain = try Example.decoded()
        let reversed = try ProblemFile.decode(Array(Example.replacing(
            "{\"start\": \"2026-11-24T10:00:00\", \"end\": \"2026-11-24T11:00:00\"}",
            with: "{\"end\": \"2026-11-24T11:00:00\", \"start\": \"2026-11-24T10:00:00\"}").utf8))
        #expect(reversed.consultants[0].busy == plain.consultants[0].busy)
        #expect(plain.consultants[0].busy.spans.count == 1 && plain.requests[0].unavailable.spans.count == 1)
        // 10:00 in Brussels in November is 09:00 UTC.
        #expect(plain.consultants[0].busy.spans[0].start.seconds % 86_400 == 9 * 3600)
    }

    @Test func twoSessionsOfOneCoachMayNotOverlap() {
        let text = Example.replacing(
            "\"coach\": \"C2\", \"location\": \"L2\", \"start\": \"2026-12-08T13:00:00\", \"end\": \"2026-12-08T16:30:00\"",
            with: "\"coach\": \"C1\", \"location\": \"L2\", \"start\": \"2026-12-01T10:00:00\", \"end\": \"2026-12-01T11:00:00\"")
        #expect(issues(text).contains { $0.path == "sessions[2]" && $0.message.description.contains("overlaps session S2") })
    }

    @Test func aTimeInsideTheSpringForwardGapIsInvalid() {
        let found = issues(Example.replacing("\"start\": \"2026-12-01T09:00:00\"", with: "\"start\": \"2026-03-29T02:30:00\""))
        #expect(found.contains { $0.path == "sessions[1].start" && $0.message.description.contains("does not exist") })
    }

    @Test func issuesNameTheIdAndTheLine() throws {
        let found = issues(Example.replacing("\"priority\": 3", with: "\"priority\": 9"))
        let issue = try #require(found.first)
        #expect(issue.id == "R1")
        #expect(issue.line == 17)
        #expect(issue.description.contains("requests[0].priority (id R1)"))
    }

    @Test func everyErrorIsReportedAtOnce() {
        let text = Example.replacing("\"priority\": 3", with: "\"priority\": 9").replacingOccurrences(
            of: "\"consultant\": \"K1\"", with: "\"consultant\": \"K7\"")
        #expect(issues(text).count == 2)
    }

    @Test func wrongTopLevelTypesAreErrors() {
        #expect(issues("[]").first?.message.description.contains("must be an object") == true)
        #expect(!issues("{\"format\": \"zitdag-problem/1\"}").isEmpty)
    }

    @Test func encodingAndDecodingKeepTheProblem() throws {
        let problem = try Example.decoded()
        let again = try ProblemFile.decode(Array(JSONWriter.write(ProblemFile.encode(problem)).utf8))
        #expect(again.sessions == problem.sessions)
        #expect(again.requests == problem.requests)
        #expect(again.consultants == problem.consultants)
    }

    @Test func generatedProblemsSurviveTheRoundTrip() throws {
        let problem = ProblemGenerator(size: .jobteam, seed: 9, start: LocalDate(year: 2026, month: 10, day: 19)!).generate()
        let again = try ProblemFile.decode(Array(JSONWriter.write(ProblemFile.encode(problem)).utf8))
        #expect(again.sessions == problem.sessions)
        #expect(again.requests == problem.requests)
    }
}

import Foundation
