import Foundation
import Hummingbird
import Testing
import ZitdagCore
import ZitdagHTTP
import ZitdagStore

/// The walk-in register over HTTP: kept by the half-day's coach (or a coordinator), every answer held
/// to the OpenAPI document.
@Suite final class WalkInAPITests: Sendable {
    let server: Server
    let tests: APITests
    /// A one-off half-day of C1 running now (Monday 09:00-12:00).
    static let session = "C1-2026-11-23-0900"

    init() throws {
        tests = try APITests()
        server = tests.server
        try server.store.addSession(
            Session(
                id: Self.session, coach: "C1", location: "L1", span: Span(start: Server.at(Server.monday, 9), end: Server.at(Server.monday, 12)),
                day: Server.monday),
            at: Server.now, actor: "test")
    }

    @Test func theCoachRegistersCallsInAndRecordsOutcomesAndTheCoordinatorCounts() async throws {
        var random = SplitMix64(seed: 7)
        let otherCoach = try server.store.createToken(role: .coach, subject: "C2", at: Server.now, actor: "test", using: &random).secret
        let (coach, queuePath, visits) = (server.coach, "/v1/sessions/\(Self.session)/walk-ins", "/v1/sessions/{id}/walk-ins")
        try await server.api.live { client in
            let first = try await self.tests.call(client, .post, queuePath, template: visits, token: coach, json: #"{"initials": "AB", "topic": "email"}"#)
            #expect(first.status == .created, "\(first.text)")
            let visit = first.json as? [String: Any]
            #expect(visit?["position"] as? Int == 1 && visit?["expected"] as? String == "2026-11-23T10:00:00" && visit?["initials"] as? String == "AB")
            let second = try await self.tests.call(client, .post, queuePath, template: visits, token: coach)
            #expect(second.status == .created && (second.json as? [String: Any])?["expected"] as? String == "2026-11-23T10:20:00")

            // Not theirs: a consultant, another coach; an unknown half-day is 404.
            let consultant = try await self.tests.call(client, .post, queuePath, template: visits, token: self.server.consultant)
            #expect(consultant.status == .forbidden)
            #expect(try await self.tests.call(client, .get, queuePath, template: visits, token: otherCoach).status == .forbidden)
            #expect(try await self.tests.call(client, .get, "/v1/sessions/C9-none/walk-ins", template: visits, token: coach).status == .notFound)

            let next = "/v1/sessions/\(Self.session)/walk-ins/next"
            let called = try await self.tests.call(client, .post, next, template: "/v1/sessions/{id}/walk-ins/next", token: coach)
            #expect(called.status == .ok && (called.json as? [String: Any])?["state"] as? String == "being_helped")
            #expect(try await self.tests.call(client, .post, next, template: "/v1/sessions/{id}/walk-ins/next", token: coach).status == .conflict)

            let queue = try await self.tests.call(client, .get, queuePath, template: visits, token: self.server.coordinator)
            let board = queue.json as? [String: Any]
            #expect((board?["being_helped"] as? [[String: Any]])?.map { $0["id"] as? Int } == [1])
            #expect((board?["waiting"] as? [[String: Any]])?.first?["expected"] as? String == "2026-11-23T10:20:00")

            let outcome = "/v1/walk-ins/{id}/outcome"
            let helped = try await self.tests.call(client, .post, "/v1/walk-ins/1/outcome", template: outcome, token: coach, json: #"{"outcome": "helped"}"#)
            #expect(helped.status == .ok && (helped.json as? [String: Any])?["outcome"] as? String == "helped")
            let waiting = try await self.tests.call(client, .post, "/v1/walk-ins/2/outcome", template: outcome, token: coach, json: #"{"outcome": "referred"}"#)
            #expect(waiting.status == .conflict, "still waiting: only 'left' applies")
            let bad = try await self.tests.call(client, .post, "/v1/walk-ins/2/outcome", template: outcome, token: coach, json: #"{"outcome": "gone"}"#)
            #expect(bad.status == .unprocessableContent && (bad.json as? [String: Any])?["field"] as? String == "outcome")
            // Another's visit and an unknown one are answered alike.
            for token in [self.server.consultant, otherCoach] {
                let other = try await self.tests.call(client, .post, "/v1/walk-ins/2/outcome", template: outcome, token: token, json: #"{"outcome": "left"}"#)
                #expect(other.status == .notFound && other.text.contains("no walk-in visit 2"))
            }
            #expect(try await self.tests.call(client, .post, "/v1/walk-ins/99/outcome", template: outcome, token: coach, json: #"{"outcome": "left"}"#).status == .notFound)

            let report = try await self.tests.call(client, .get, "/v1/reports/walk-ins?from=2026-11-01&to=2026-11-30", token: self.server.coordinator)
            let rows = report.json as? [[String: Any]]
            #expect(rows?.count == 1 && rows?.first?["arrivals"] as? Int == 2 && rows?.first?["helped"] as? Int == 1 && rows?.first?["open"] as? Int == 1)
            #expect((rows?.first?["topics"] as? [String: Int]) == ["email": 1])
            #expect(try await self.tests.call(client, .get, "/v1/reports/walk-ins", token: coach).status == .forbidden)
        }
    }
}
