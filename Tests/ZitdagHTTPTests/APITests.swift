import Foundation
import Hummingbird
import Testing
import ZitdagCore
import ZitdagHTTP
import ZitdagStore

/// The booking API served as `zitdag serve` serves it, over loopback: every answer is held to the OpenAPI document.
@Suite final class APITests: Sendable {
    let server: Server
    let conformance: OpenAPIConformance

    init() throws {
        server = try Server()
        conformance = try OpenAPIConformance()
    }

    deinit { server.remove() }

    /// Calls and checks the answer against the document.
    func call(
        _ client: LiveClient, _ method: HTTPRequest.Method, _ uri: String, template: String? = nil, token: String?,
        json: String? = nil, headers: HTTPFields = [:]
    ) async throws -> Answer {
        let response = try await client.call(method, uri, token: token, json: json, headers: headers)
        let path = template ?? String(uri.split(separator: "?").first ?? "")
        let problems = conformance.problems(method.rawValue, path, response)
        #expect(problems.isEmpty, "\(problems)")
        #expect(response.status.code < 500 || response.status == .serviceUnavailable, "\(method) \(uri): \(response.status) \(response.text)")
        return response
    }

    @Test func healthAndTheDocumentNeedNoToken() async throws {
        try await server.api.live { client in
            #expect(try await self.call(client, .get, "/health", token: nil).status == .ok)
            let document = try await client.call(.get, "/openapi.yaml", token: nil)
            #expect(document.status == .ok && document.text.hasPrefix("openapi: 3.1.0"))
        }
    }

    @Test func withoutAValidTokenEverythingUnderV1Is401() async throws {
        try await server.api.live { client in
            for token in [nil, "nonsense", String(repeating: "x", count: 43)] {
                let response = try await self.call(client, .get, "/v1/sessions", token: token)
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate] == "Bearer realm=\"zitdag\"")
            }
        }
    }

    /// A control character in an id is refused, naming the field (issue 12, item 13: a NUL cut the id
    /// short and booked J2).
    @Test func aControlCharacterInAnIdIsRefused() async throws {
        try await server.api.live { client in
            let response = try await self.call(
                client, .post, "/v1/bookings", token: self.server.coordinator,
                json: #"{"job_seeker": "J2\u0000", "starts": [{"start": "2026-11-24T09:00"}]}"#)
            #expect(response.status == .unprocessableContent, "\(response.text)")
            #expect((response.json as? [String: Any])?["field"] as? String == "job_seeker")
            #expect(response.text.contains("U+0000"))
        }
    }

    /// The authentication scheme is case-insensitive (issue 12, item 15: `bearer` got 401).
    @Test func theBearerSchemeIsCaseInsensitive() async throws {
        try await server.api.live { client in
            for scheme in ["bearer", "BEARER", "Bearer "] {
                let response = try await self.call(
                    client, .get, "/v1/sessions", token: nil, headers: [.authorization: "\(scheme) \(self.server.coach)"])
                #expect(response.status == .ok, "\(scheme)")
            }
            let other = try await self.call(client, .get, "/v1/sessions", token: nil, headers: [.authorization: "Basic \(self.server.coach)"])
            #expect(other.status == .unauthorized)
        }
    }

    @Test func aRevokedTokenIs401() async throws {
        let id = try #require(try server.store.tokens().first { $0.kind == "coach" }?.id)
        try server.store.revokeToken(id: id, at: Server.now, actor: "test")
        try await server.api.live { client in
            let response = try await self.call(client, .get, "/v1/sessions", token: self.server.coach)
            #expect(response.status == .unauthorized)
        }
    }

    @Test func sessionsAndSlotsAnswerAsDocumented() async throws {
        try await server.api.live { client in
            let sessions = try await self.call(client, .get, "/v1/sessions?from=2026-11-23&to=2026-11-29", token: self.server.coach)
            #expect((sessions.json as? [Any])?.count == 2)
            let slots = try await self.call(
                client, .get, "/v1/slots?job_seeker=J1&attendance=preferred&appointments=2&count=2", token: self.server.consultant)
            let options = try #require((slots.json as? [String: Any])?["options"] as? [[String: Any]])
            #expect(options.count == 2)
            let bad = try await self.call(client, .get, "/v1/slots?job_seeker=J1&count=lots", token: self.server.consultant)
            #expect(bad.status == .unprocessableContent && (bad.json as? [String: Any])?["field"] as? String == "count")
        }
    }

    @Test func aConsultantBooksMovesAndCancelsForTheirOwnJobSeeker() async throws {
        try await server.api.live { client in
            let booked = try await self.call(
                client, .post, "/v1/bookings", token: self.server.consultant,
                json: #"{"job_seeker": "J1", "topic": "itsme", "starts": [{"start": "2026-11-24T09:00:00"}]}"#)
            #expect(booked.status == .created)
            let id = try #require(((booked.json as? [[String: Any]])?.first?["id"] as? NSNumber)?.intValue)
            let moved = try await self.call(
                client, .post, "/v1/appointments/\(id)/move", template: "/v1/appointments/{id}/move", token: self.server.consultant,
                json: #"{"start": "2026-12-01T10:00"}"#)
            #expect(moved.status == .ok && ((moved.json as? [[String: Any]])?.first?["sequence"] as? NSNumber)?.intValue == 1)
            let early = try await self.call(
                client, .post, "/v1/appointments/\(id)/attended", template: "/v1/appointments/{id}/attended", token: self.server.consultant)
            #expect(early.status == .conflict)
            let cancelled = try await self.call(
                client, .post, "/v1/appointments/\(id)/cancel", template: "/v1/appointments/{id}/cancel", token: self.server.consultant,
                json: #"{"series": true}"#)
            #expect(cancelled.status == .ok && cancelled.text.contains("\"status\":\"cancelled\""))
        }
    }

    /// Another consultant's job seeker is 403; their appointment answers exactly as an unknown id does,
    /// so ids cannot be enumerated (issue 12, item 16).
    @Test func anotherConsultantsJobSeekerIs403AndTheirAppointmentIsUnknown() async throws {
        try await server.api.live { client in
            let slots = try await self.call(client, .get, "/v1/slots?job_seeker=J45", token: self.server.consultant)
            #expect(slots.status == .forbidden)
            #expect(!slots.text.contains("K2"))
            let booked = try await self.call(
                client, .post, "/v1/bookings", token: self.server.otherConsultant, json: #"{"job_seeker": "J45", "starts": [{"start": "2026-11-24T09:00"}]}"#)
            let id = try #require(((booked.json as? [[String: Any]])?.first?["id"] as? NSNumber)?.intValue)
            for action in ["move", "cancel", "no-show"] {
                let response = try await self.call(
                    client, .post, "/v1/appointments/\(id)/\(action)", template: "/v1/appointments/{id}/\(action)", token: self.server.consultant,
                    json: action == "move" ? #"{"start": "2026-12-01T09:00"}"# : nil)
                let unknown = try await self.call(
                    client, .post, "/v1/appointments/999999/\(action)", template: "/v1/appointments/{id}/\(action)", token: self.server.consultant,
                    json: action == "move" ? #"{"start": "2026-12-01T09:00"}"# : nil)
                #expect(response.status == .notFound && unknown.status == .notFound, "\(action)")
                #expect(response.text.replacingOccurrences(of: "\(id)", with: "N") == unknown.text.replacingOccurrences(of: "999999", with: "N"))
            }
            let agenda = try await self.call(
                client, .get, "/v1/agenda/consultants/K2", template: "/v1/agenda/consultants/{id}", token: self.server.consultant)
            #expect(agenda.status == .forbidden)
            let plan = try await self.call(client, .post, "/v1/plan", token: self.server.consultant, json: #"{"from": "2026-11-23", "to": "2026-11-29"}"#)
            #expect(plan.status == .forbidden)
            let coachBooks = try await self.call(
                client, .post, "/v1/bookings", token: self.server.coach, json: #"{"job_seeker": "J1", "starts": [{"start": "2026-11-24T10:00"}]}"#)
            #expect(coachBooks.status == .forbidden)
        }
    }

    /// A coach reads their own agenda, with initials and no job seeker id, as in their feed; a
    /// coordinator sees the id too (issue 12, item 11).
    @Test func aCoachReadsTheirOwnAgendaOnly() async throws {
        _ = try server.api.desk.book(RequestDraft(jobSeeker: "J1"), at: [SlotChoice(start: Server.at(Server.monday.adding(days: 1), 9))], actor: "test")
        try await server.api.live { client in
            let own = try await self.call(client, .get, "/v1/agenda/coaches/C1?from=2026-11-23&to=2026-11-29", template: "/v1/agenda/coaches/{id}", token: self.server.coach)
            #expect(own.status == .ok && (own.json as? [Any])?.count == 1)
            let seen = try #require((((own.json as? [[String: Any]])?.first)?["appointments"] as? [[String: Any]])?.first)
            #expect(seen["initials"] as? String == "AB" && seen["job_seeker"] == nil)
            let full = try await self.call(
                client, .get, "/v1/agenda/coaches/C1?from=2026-11-23&to=2026-11-29", template: "/v1/agenda/coaches/{id}", token: self.server.coordinator)
            #expect((((full.json as? [[String: Any]])?.first)?["appointments"] as? [[String: Any]])?.first?["job_seeker"] as? String == "J1")
            let other = try await self.call(client, .get, "/v1/agenda/coaches/C2", template: "/v1/agenda/coaches/{id}", token: self.server.coach)
            #expect(other.status == .forbidden)
        }
    }

    @Test func theSameIdempotencyKeyBooksOnce() async throws {
        try await server.api.live { client in
            let body = #"{"job_seeker": "J2", "starts": [{"start": "2026-11-24T09:00"}]}"#
            let key: HTTPFields = [.init("Idempotency-Key")!: "desk-7-0001"]
            let first = try await self.call(client, .post, "/v1/bookings", token: self.server.consultant, json: body, headers: key)
            let second = try await self.call(client, .post, "/v1/bookings", token: self.server.consultant, json: body, headers: key)
            #expect(first.status == .created && second.status == .created)
            #expect(first.text == second.text)
            let other = try await self.call(
                client, .post, "/v1/bookings", token: self.server.consultant, json: #"{"job_seeker": "J3", "starts": [{"start": "2026-11-24T11:00"}]}"#,
                headers: key)
            #expect(other.status == .unprocessableContent && (other.json as? [String: Any])?["field"] as? String == "Idempotency-Key")
            let agenda = try self.server.store.agenda(of: .coach("C1"), from: Server.monday, to: Server.monday.adding(days: 6))
            #expect(agenda.flatMap(\.appointments).count == 1)
        }
    }

    @Test func badBodiesNameTheField() async throws {
        try await server.api.live { client in
            let cases: [(String, HTTPResponse.Status, String?)] = [
                ("not json", .badRequest, nil),
                (#"{"job_seeker": "J1"}"#, .unprocessableContent, "starts"),
                (#"{"job_seeker": 7, "starts": []}"#, .unprocessableContent, "job_seeker"),
                (#"{"job_seeker": "J1", "starts": [], "extra": true}"#, .unprocessableContent, "extra"),
                (#"{"job_seeker": "J1", "starts": [{"start": "2027-03-28T02:30:00"}]}"#, .unprocessableContent, "starts.0.start"),
                // Fields go by the API's names, not the command line's (issue 12, item 14).
                (#"{"job_seeker": "J1", "duration_minutes": 50, "starts": [{"start": "2026-11-24T09:00"}]}"#, .unprocessableContent, "duration_minutes"),
                (#"{"job_seeker": "J1", "appointments": 53, "starts": [{"start": "2026-11-24T09:00"}]}"#, .unprocessableContent, "appointments"),
                (#"{"job_seeker": "J1", "min_gap_days": 30, "starts": [{"start": "2026-11-24T09:00"}]}"#, .unprocessableContent, "max_gap_days"),
                (#"{"job_seeker": "J1", "starts": [{"start": "2026-11-24T18:00"}]}"#, .unprocessableContent, "starts"),
                // A fraction or a number beyond 64 bits where an integer goes is a 422 naming it, not "not JSON".
                (#"{"job_seeker": "J1", "priority": 1.5, "starts": [{"start": "2026-11-24T09:00"}]}"#, .unprocessableContent, "priority"),
                (#"{"job_seeker": "J1", "priority": 437900679408997099372544, "starts": []}"#, .unprocessableContent, "priority"),
                // null is not "absent" (issue 12, item 12), at any depth; nor are unknown keys in a start.
                (#"{"job_seeker": "J1", "consultant": null, "starts": [{"start": "2026-11-24T09:00"}]}"#, .unprocessableContent, "consultant"),
                (#"{"job_seeker": "J1", "starts": [{"start": "2026-11-24T09:00", "session": null}]}"#, .unprocessableContent, "starts.0.session"),
                (#"{"job_seeker": "J1", "starts": [{"start": "2026-11-24T09:00", "seat": 2}]}"#, .unprocessableContent, "starts.0.seat"),
                (#"{"job_seeker": "J1", "language": "", "starts": [{"start": "2026-11-24T09:00"}]}"#, .unprocessableContent, "language"),
            ]
            for (body, status, field) in cases {
                let response = try await self.call(client, .post, "/v1/bookings", token: self.server.consultant, json: body)
                #expect(response.status == status, "\(body): \(response.text)")
                #expect((response.json as? [String: Any])?["field"] as? String == field, "\(body): \(response.text)")
                #expect(response.headers[.contentType] == "application/problem+json")
            }
            let huge = "{\"job_seeker\": \"" + String(repeating: "J", count: 70_000) + "\", \"starts\": []}"
            #expect(try await self.call(client, .post, "/v1/bookings", token: self.server.consultant, json: huge).status == .contentTooLarge)
        }
    }

    /// `null` for an optional field is refused, not read as "left out": `dry_run: null` once committed
    /// the plan it was meant to preview (issue 12, item 12).
    @Test func nullIsNotAbsent() async throws {
        for j in 1...2 { _ = try server.store.queue(RequestDraft(jobSeeker: "J\(j)"), at: Server.now, actor: "test") }
        let booked = try server.api.desk.book(RequestDraft(jobSeeker: "J3"), at: [SlotChoice(start: Server.at(Server.monday.adding(days: 1), 11))], actor: "test")
        try await server.api.live { client in
            let plan = try await self.call(
                client, .post, "/v1/plan", token: self.server.coordinator, json: #"{"from": "2026-11-23", "to": "2026-11-29", "dry_run": null}"#)
            #expect(plan.status == .unprocessableContent && (plan.json as? [String: Any])?["field"] as? String == "dry_run")
            let cancel = try await self.call(
                client, .post, "/v1/appointments/\(booked[0].id)/cancel", template: "/v1/appointments/{id}/cancel", token: self.server.coordinator,
                json: #"{"series": null}"#)
            #expect(cancel.status == .unprocessableContent && (cancel.json as? [String: Any])?["field"] as? String == "series")
        }
        #expect(try server.store.agenda(of: .coach("C1"), from: Server.monday, to: Server.monday.adding(days: 6)).flatMap(\.appointments).count == 1)
    }

    /// A known path asked with a method it does not have is 405 with `Allow`, the methods the document
    /// lists for it (HEAD with GET); HEAD answers a GET route without a body (issue 12, item 15).
    @Test func aWrongMethodIs405AndHeadAnswersEveryGet() async throws {
        let paths = try #require(conformance.document["paths"] as? [String: [String: Any]])
        let routes = paths.map { ($0.key, Set($0.value.keys.map { $0.uppercased() })) }.sorted { $0.0 < $1.0 }
        try await server.api.live { client in
            for (template, documented) in routes {
                let path = template.replacingOccurrences(of: "{id}", with: "1").replacingOccurrences(of: "{file}", with: "x.ics")
                let expected = documented.contains("GET") ? documented.union(["HEAD"]) : documented
                for method: HTTPRequest.Method in [.put, .delete, .patch, .options, .init("TRACE")!] {
                    let response = try await client.call(method, path, token: self.server.coordinator)
                    #expect(response.status == .methodNotAllowed, "\(method) \(path)")
                    let allow = Set((response.headers[.allow] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
                    #expect(allow == expected, "\(method) \(path): Allow \(allow)")
                }
                if documented.contains("GET") {
                    let head = try await client.call(.head, path, token: self.server.coordinator)
                    #expect(head.status != .methodNotAllowed && head.status != .notFound || path.hasPrefix("/feeds") || path.contains("/1"), "HEAD \(path)")
                    #expect(head.body.isEmpty, "HEAD \(path)")
                }
            }
            let health = try await client.call(.head, "/health", token: nil)
            #expect(health.status == .ok && health.body.isEmpty)
            #expect(try await client.call(.put, "/v1/nothing-here", token: self.server.coordinator).status == .notFound)
        }
    }

    /// A window whose end is before its start has no days: the answer is empty, not an error.
    @Test func aWindowEndingBeforeItStartsIsEmpty() async throws {
        _ = try server.api.desk.book(RequestDraft(jobSeeker: "J1"), at: [SlotChoice(start: Server.at(Server.monday.adding(days: 1), 9))], actor: "test")
        try await server.api.live { client in
            let sessions = try await self.call(client, .get, "/v1/sessions?from=2026-11-29&to=2026-11-23", token: self.server.coordinator)
            #expect(sessions.status == .ok && (sessions.json as? [Any])?.isEmpty == true)
            let agenda = try await self.call(
                client, .get, "/v1/agenda/coaches/C1?from=2026-11-29&to=2026-11-23", template: "/v1/agenda/coaches/{id}", token: self.server.coordinator)
            #expect(agenda.status == .ok && (agenda.json as? [Any])?.isEmpty == true)
            let unknown = try await self.call(
                client, .get, "/v1/agenda/coaches/C9?from=2026-11-29&to=2026-11-23", template: "/v1/agenda/coaches/{id}", token: self.server.coordinator)
            #expect(unknown.status == .notFound)
        }
    }

    /// The document's ranges and defaults are the core's request specification, wherever a field
    /// appears (issue 12, item 17: the document left out what the server enforced).
    @Test func theDocumentStatesTheRequestSpecification() throws {
        let paths = try #require(conformance.document["paths"] as? [String: [String: Any]])
        let slots = try #require((paths["/v1/slots"]?["get"] as? [String: Any])?["parameters"] as? [[String: Any]])
        let schemas = try #require((conformance.document["components"] as? [String: Any])?["schemas"] as? [String: Any])
        let booking = try #require((schemas["BookingRequest"] as? [String: Any])?["properties"] as? [String: Any])
        for field in RequestSpecification.integers {
            var places: [[String: Any]] = []
            if let parameter = slots.first(where: { $0["name"] as? String == field.key }), let schema = parameter["schema"] as? [String: Any] {
                places.append(conformance.resolved(schema))
            }
            if let property = booking[field.key] as? [String: Any] { places.append(conformance.resolved(property)) }
            #expect(!places.isEmpty, "\(field.key) is nowhere in the document")
            for schema in places {
                #expect(schema["type"] as? String == "integer", "\(field.key)")
                #expect(schema["minimum"] as? Int == field.range.lowerBound, "\(field.key): minimum")
                #expect(schema["maximum"] as? Int == field.range.upperBound, "\(field.key): maximum")
                #expect(schema["default"] as? Int == field.defaultValue, "\(field.key): default")
            }
        }
        let starts = try #require(booking["starts"] as? [String: Any])
        #expect(starts["minItems"] as? Int == 1 && starts["maxItems"] as? Int == RequestSpecification.appointments.range.upperBound)
    }

    @Test func theWeekPlanIsForCoordinators() async throws {
        for j in 1...3 { _ = try server.store.queue(RequestDraft(jobSeeker: "J\(j)"), at: Server.now, actor: "test") }
        try await server.api.live { client in
            let plan = try await self.call(
                client, .post, "/v1/plan", token: self.server.coordinator, json: #"{"from": "2026-11-23", "to": "2026-11-29", "dry_run": true}"#)
            #expect(plan.status == .ok)
            let result = try #require(plan.json as? [String: Any])
            #expect(result["committed"] as? Bool == false && (result["scheduled"] as? NSNumber)?.intValue == 3)
        }
    }

    @Test func aFeedAnswers304WhenUnchangedAndChangesWithABooking() async throws {
        try await server.api.live { client in
            let uri = "/feeds/\(self.server.feed).ics"
            let first = try await self.call(client, .get, uri, template: "/feeds/{file}", token: nil)
            #expect(first.status == .ok && first.headers[.contentType] == "text/calendar; charset=utf-8")
            #expect(first.text.hasPrefix("BEGIN:VCALENDAR\r\n"))
            let etag = try #require(first.headers[.eTag])
            let again = try await self.call(client, .get, uri, template: "/feeds/{file}", token: nil, headers: [.ifNoneMatch: etag])
            #expect(again.status == .notModified)
            let since = try #require(first.headers[.lastModified])
            #expect(try await self.call(client, .get, uri, template: "/feeds/{file}", token: nil, headers: [.ifModifiedSince: since]).status == .notModified)
            _ = try await self.call(
                client, .post, "/v1/bookings", token: self.server.consultant, json: #"{"job_seeker": "J1", "starts": [{"start": "2026-11-24T09:00"}]}"#)
            try await Task.sleep(for: .milliseconds(300))
            let changed = try await self.call(client, .get, uri, template: "/feeds/{file}", token: nil, headers: [.ifNoneMatch: etag])
            #expect(changed.status == .ok && changed.headers[.eTag] != etag)
            #expect(changed.text.contains("Coaching AB (1/1)") && !changed.text.contains("J1"))
            // Feeds speak Dutch, from the catalogs (whatever Accept-Language a calendar app sends).
            #expect(changed.text.contains("SUMMARY:Zitdag digitale coaching (1 afspraak)") && changed.text.contains("X-WR-CALNAME:Zitdagen coach C1"))
            #expect(changed.text.contains("zonder consulent") && !changed.text.contains("without consultant"))
            try self.server.store.revokeToken(id: self.server.feedId, at: Server.now, actor: "test")
            try await Task.sleep(for: .milliseconds(300))
            #expect(try await self.call(client, .get, uri, template: "/feeds/{file}", token: nil).status == .notFound)
        }
    }

    @Test func noInputMakesA500() async throws {
        var random = SplitMix64(seed: 9)
        let paths = ["/v1/sessions", "/v1/slots", "/v1/bookings", "/v1/appointments/1/move", "/v1/appointments/x/cancel", "/v1/plan",
                     "/v1/agenda/coaches/C1", "/feeds/abc.ics", "/feeds/", "/v1/appointments/99999999999999999999/attended"]
        let pieces = ["job_seeker=J1", "from=2026-02-30", "to=1", "count=-1", "count=100000", "duration_minutes=0", "appointments=99",
                      "min_gap_days=5&max_gap_days=1", "attendance=maybe", "language=%00", "priority=9", "due=2026-11-01"]
        let bodies = ["", "{}", "[]", "null", "{\"start\": 5}", "{\"from\": \"2026-11-23\", \"to\": \"2025-01-01\"}",
                      "{\"job_seeker\": \"J1\", \"starts\": [{\"start\": \"2026-11-24T09:00\", \"session\": \"nope\"}]}", "\u{1}\u{2}", "{\"a\":"]
        let tokens = [server.consultant, server.coordinator, server.coach]
        let requests: [(HTTPRequest.Method, String, String, String?)] = (0..<300).map { _ in
            let path = paths.randomElement(using: &random)!
            let query = (0..<Int.random(in: 0...3, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined(separator: "&")
            let method: HTTPRequest.Method = Bool.random(using: &random) ? .get : .post
            return (method, path + (query.isEmpty ? "" : "?" + query), tokens.randomElement(using: &random)!,
                    method == .post ? bodies.randomElement(using: &random)! : nil)
        }
        try await server.api.live { client in
            for (method, uri, token, body) in requests {
                let response = try await client.call(method, uri, token: token, json: body)
                #expect(response.status.code < 500, "\(method) \(uri): \(response.status) \(response.text)")
            }
        }
    }

    @Test func aTokenOverItsRateIsToldToWait() async throws {
        // A token comes back every 10 s: however loaded the machine, none comes back between the calls.
        let limited = try Server(options: API.Options(ratePerSecond: 0.1, rateBurst: 3))
        defer { limited.remove() }
        try await limited.api.live { client in
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<4 { statuses.append(try await client.call(.get, "/v1/sessions", token: limited.coach).status) }
            #expect(statuses == [.ok, .ok, .ok, .tooManyRequests])
            let limitedResponse = try await client.call(.get, "/v1/sessions", token: limited.coach)
            // The wait is what is left of the 10 s, rounded up.
            #expect(limitedResponse.status == .tooManyRequests && (1...10).contains(Int(limitedResponse.headers[.retryAfter] ?? "") ?? 0))
            #expect(try await client.call(.get, "/v1/sessions", token: limited.coordinator).status == .ok)
        }
    }
}

/// Over a real socket on loopback.
@Suite struct LiveTests {
    /// Sends `raw` bytes and reads the answer until the server closes the connection or is silent for
    /// two seconds: its status line, and whether it closed.
    static func answer(port: Int, _ raw: String) async throws -> (status: String, closed: Bool) {
        let received = try await LiveClient.offThread { try LiveClient.exchange(port: port, Array(raw.utf8), timeout: 2) }
        return (String(decoding: received.bytes, as: UTF8.self).components(separatedBy: "\r\n").first ?? "", received.closed)
    }

    /// HTTP/1.0 closes after the answer unless the client asks for keep-alive, and needs no Host;
    /// HTTP/1.1 stays open unless the client says close (issue 12, item 15).
    @Test func theHTTPVersionDecidesWhetherTheConnectionStaysOpen() async throws {
        let server = try Server()
        defer { server.remove() }
        try await server.api.live { client async throws in
            let port = client.port
            let http10 = try await Self.answer(port: port, "GET /health HTTP/1.0\r\n\r\n")
            #expect(http10.status.hasSuffix(" 200 OK") && http10.closed, "\(http10)")
            let kept = try await Self.answer(port: port, "GET /health HTTP/1.0\r\nHost: a\r\nConnection: keep-alive\r\n\r\n")
            #expect(kept.status.hasSuffix(" 200 OK") && !kept.closed, "\(kept)")
            let http11 = try await Self.answer(port: port, "GET /health HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(http11.status == "HTTP/1.1 200 OK" && !http11.closed, "\(http11)")
            let closing = try await Self.answer(port: port, "GET /health HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
            #expect(closing.status == "HTTP/1.1 200 OK" && closing.closed, "\(closing)")
        }
    }

    /// An HTTP/1.1 request without a Host header, or with two, is refused with 400 (issue 12, item 15).
    @Test func aRequestWithoutOneHostIs400() async throws {
        let server = try Server()
        defer { server.remove() }
        try await server.api.live { client async throws in
            let port = client.port
            #expect(try await Self.answer(port: port, "GET /health HTTP/1.1\r\nConnection: close\r\n\r\n").status == "HTTP/1.1 400 Bad Request")
            #expect(try await Self.answer(port: port, "GET /health HTTP/1.1\r\nHost: a\r\nHost: b\r\nConnection: close\r\n\r\n").status == "HTTP/1.1 400 Bad Request")
            #expect(try await Self.answer(port: port, "GET /health HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n").status == "HTTP/1.1 200 OK")
        }
    }

    @Test func clientsRacingForTheLastSeatEndWithOneBooking() async throws {
        let server = try Server()
        defer { server.remove() }
        try await server.api.live { client in
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for j in 1...20 {
                    group.addTask {
                        try await client.call(
                            .post, "/v1/bookings", token: server.consultant,
                            json: #"{"job_seeker": "J\#(j)", "duration_minutes": 180, "starts": [{"start": "2026-11-24T09:00"}]}"#
                        ).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .created }.count == 1)
            #expect(statuses.filter { $0 == .conflict }.count == 19)
        }
        #expect(try server.store.agenda(of: .coach("C1"), from: Server.monday, to: Server.monday.adding(days: 1)).flatMap(\.appointments).count == 1)
    }
}
