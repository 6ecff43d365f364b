import Foundation
import Hummingbird
import Testing
import ZitdagCore
import ZitdagHTTP
import ZitdagStore

/// The digital package over HTTP: coordinators keep the inventory, a consultant lends, extends and
/// takes back for their own job seekers, records intakes and reads a path; the funders' report in
/// JSON and as a Belgian CSV file. Every answer held to the OpenAPI document.
@Suite final class DigitalPackageAPITests: Sendable {
    let server: Server
    let tests: APITests
    static let answers = #"{"answers": {"computer": 2, "email": 2, "internet": 1, "forms": 1, "jobs": 1, "device": 0, "connection": 1}, "location": "L1"}"#

    init() throws {
        tests = try APITests()
        server = tests.server
    }

    @Test func aDeviceIsLentExtendedAndTakenBackByTheRightPeople() async throws {
        let (coordinator, consultant, other, coach) = (server.coordinator, server.consultant, server.otherConsultant, server.coach)
        try await server.api.live { client in
            let tests = self.tests
            // The inventory is the coordinators'.
            let added = try await tests.call(client, .post, "/v1/devices", token: coordinator, json: #"{"id": "L-001", "kind": "laptop", "bought": "2024-02-01", "location": "L1"}"#)
            #expect(added.status == .created && (added.json as? [String: Any])?["replace_on"] as? String == "2029-02-01", "\(added.text)")
            #expect(try await tests.call(client, .post, "/v1/devices", token: consultant, json: #"{"id": "L-002", "kind": "laptop", "bought": "2024-02-01"}"#).status == .forbidden)
            let kind = try await tests.call(client, .post, "/v1/devices", token: coordinator, json: #"{"id": "L-003", "kind": "phone", "bought": "2024-02-01"}"#)
            #expect(kind.status == .unprocessableContent && (kind.json as? [String: Any])?["field"] as? String == "kind")
            #expect(try await tests.call(client, .post, "/v1/devices", token: coordinator, json: #"{"id": "L-001", "kind": "tablet", "bought": "2024-02-01"}"#).status == .conflict)

            // K1 lends to J1 (theirs), not to J41 (K2's); the coach may not.
            let lent = try await tests.call(client, .post, "/v1/loans", token: consultant, json: #"{"device": "L-001", "job_seeker": "J1"}"#)
            #expect(lent.status == .created, "\(lent.text)")
            let loan = lent.json as? [String: Any]
            #expect(loan?["from"] as? String == "2026-11-23" && loan?["until"] as? String == "2027-05-23")
            let id = try #require(loan?["id"] as? Int)
            #expect(try await tests.call(client, .post, "/v1/loans", token: consultant, json: #"{"device": "L-001", "job_seeker": "J41"}"#).status == .forbidden)
            #expect(try await tests.call(client, .post, "/v1/loans", token: coach, json: #"{"device": "L-001", "job_seeker": "J1"}"#).status == .forbidden)
            // One loan at a time.
            let twice = try await tests.call(client, .post, "/v1/loans", token: coordinator, json: #"{"device": "L-001", "job_seeker": "J2"}"#)
            #expect(twice.status == .conflict && twice.text.contains("device L-001 is on loan"))

            let extend = "/v1/loans/{id}/extend"
            #expect(try await tests.call(client, .post, "/v1/loans/\(id)/extend", template: extend, token: other).status == .notFound, "K2's view: no such loan")
            let extended = try await tests.call(client, .post, "/v1/loans/\(id)/extend", template: extend, token: consultant, json: #"{"until": "2027-08-31"}"#)
            #expect(extended.status == .ok && (extended.json as? [String: Any])?["until"] as? String == "2027-08-31")
            #expect(((extended.json as? [String: Any])?["extensions"] as? [[String: Any]])?.first?["from"] as? String == "2027-05-23")
            let shorter = try await tests.call(client, .post, "/v1/loans/\(id)/extend", template: extend, token: consultant, json: #"{"until": "2027-01-01"}"#)
            #expect(shorter.status == .unprocessableContent && (shorter.json as? [String: Any])?["field"] as? String == "until")

            let overview = try await tests.call(client, .get, "/v1/loans?weeks=52", token: consultant)
            #expect(((overview.json as? [String: Any])?["ending"] as? [[String: Any]])?.map { $0["id"] as? Int } == [id])
            #expect(((try await tests.call(client, .get, "/v1/loans?weeks=52", token: other).json as? [String: Any])?["ending"] as? [Any])?.isEmpty == true)

            let back = "/v1/loans/{id}/return"
            let returned = try await tests.call(client, .post, "/v1/loans/\(id)/return", template: back, token: consultant, json: #"{"condition": "damaged"}"#)
            #expect(returned.status == .ok && (returned.json as? [String: Any])?["returned"] as? String == "2026-11-23")
            let devices = try await tests.call(client, .get, "/v1/devices", token: coordinator)
            #expect((devices.json as? [[String: Any]])?.first?["state"] as? String == "in_repair")
            let state = try await tests.call(client, .post, "/v1/devices/L-001/state", template: "/v1/devices/{id}/state", token: coordinator, json: #"{"state": "available"}"#)
            #expect(state.status == .ok && (state.json as? [String: Any])?["state"] as? String == "available")
            #expect(try await tests.call(client, .post, "/v1/devices/L-009/state", template: "/v1/devices/{id}/state", token: coordinator, json: #"{"state": "retired"}"#).status == .notFound)
        }
    }

    @Test func anIntakeSetsTheLevelThePathShowsItAndTheReportCountsIt() async throws {
        let (coordinator, consultant, other) = (server.coordinator, server.consultant, server.otherConsultant)
        try await server.api.live { client in
            let tests = self.tests
            let intakes = "/v1/job-seekers/{id}/intakes"
            let taken = try await tests.call(client, .post, "/v1/job-seekers/J1/intakes", template: intakes, token: consultant, json: Self.answers)
            #expect(taken.status == .created, "\(taken.text)")
            #expect((taken.json as? [String: Any])?["level"] as? String == "basic" && (taken.json as? [String: Any])?["score"] as? Int == 7)
            let missing = try await tests.call(
                client, .post, "/v1/job-seekers/J1/intakes", template: intakes, token: consultant, json: #"{"answers": {"computer": 2}}"#)
            #expect(missing.status == .unprocessableContent && (missing.json as? [String: Any])?["field"] as? String == "email")
            #expect(try await tests.call(client, .post, "/v1/job-seekers/J1/intakes", template: intakes, token: other, json: Self.answers).status == .forbidden)
            #expect(try await tests.call(client, .get, "/v1/job-seekers/J1/intakes", template: intakes, token: consultant).json as? [Any] != nil)

            // A booking without a series gets the basic level's: two appointments.
            let booked = try await tests.call(
                client, .post, "/v1/bookings", token: consultant, json: #"{"job_seeker": "J1", "starts": [{"start": "2026-11-24T09:00"}]}"#)
            #expect(booked.status == .created && (booked.json as? [Any])?.count == 2, "\(booked.text)")
            let first = try #require(((booked.json as? [[String: Any]])?.first)?["id"] as? Int)
            let cancelled = try await tests.call(
                client, .post, "/v1/appointments/\(first)/cancel", template: "/v1/appointments/{id}/cancel", token: consultant,
                json: #"{"cancelled_by": "job_seeker", "reason": "ill"}"#)
            let appointment = (cancelled.json as? [[String: Any]])?.first
            #expect(appointment?["cancelled_by"] as? String == "job_seeker" && appointment?["cancel_reason"] as? String == "ill")
            let system = try await tests.call(
                client, .post, "/v1/appointments/\(first)/cancel", template: "/v1/appointments/{id}/cancel", token: consultant,
                json: #"{"cancelled_by": "system"}"#)
            #expect(system.status == .unprocessableContent && (system.json as? [String: Any])?["field"] as? String == "cancelled_by")

            let path = try await tests.call(client, .get, "/v1/job-seekers/J1/path", template: "/v1/job-seekers/{id}/path", token: consultant)
            let standing = (path.json as? [String: Any])?["standing"] as? [String]
            #expect(standing?.first == "level basic since 2026-11-23 (score 7 of 15)", "\(path.text)")
            let steps = ((path.json as? [String: Any])?["steps"] as? [[String: Any]])?.compactMap { $0["text"] as? String } ?? []
            #expect(steps.contains { $0.contains("cancelled by job seeker: ill") }, "\(steps)")
            let dutch = try await client.call(.get, "/v1/job-seekers/J1/path", token: consultant, headers: [.acceptLanguage: "nl"])
            #expect(((dutch.json as? [String: Any])?["standing"] as? [String])?.first == "niveau basis sinds 23/11/2026 (score 7 op 15)")
            #expect(try await tests.call(client, .get, "/v1/job-seekers/J41/path", template: "/v1/job-seekers/{id}/path", token: consultant).status == .forbidden)

            let report = try await tests.call(client, .get, "/v1/reports/funders?from=2026-11-01", token: coordinator)
            let city = (report.json as? [[String: Any]])?.first
            #expect((city?["intakes"] as? [String: Any])?["basic"] as? Int == 1, "\(report.text)")
            #expect(city?["location"] == nil && city?["month"] as? String == "2026-11")
            #expect(city?["cancelled"] as? Int == 1 && (city?["cancelled_by"] as? [String: Int]) == ["job_seeker": 1])
            #expect(try await tests.call(client, .get, "/v1/reports/funders", token: consultant).status == .forbidden)
            let csv = try await tests.call(client, .get, "/v1/reports/funders?from=2026-11-01&format=csv", token: coordinator, headers: [.acceptLanguage: "nl"])
            #expect(csv.status == .ok && csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.body.starts(with: [0xEF, 0xBB, 0xBF]) && csv.text.contains("maand;locatie;bereikte mensen;"), "\(csv.text.prefix(80))")
            let format = try await tests.call(client, .get, "/v1/reports/funders?format=xls", token: coordinator)
            #expect(format.status == .unprocessableContent)
        }
    }
}
