import Foundation
import Hummingbird
import Testing
import ZitdagCore
import ZitdagHTTP
import ZitdagStore
import ZitdagTestSupport

/// Held-back and walk-in capacity over HTTP: sessions show what they keep, an ordinary booking
/// cannot take it, an urgent one is a coordinator's; every answer held to the OpenAPI document.
@Suite final class ChannelAPITests: Sendable {
    let server: Server
    let tests: APITests
    static let session = "C1-2026-11-24-0900"

    init() throws {
        tests = try APITests()
        server = tests.server
        let tuesday = Span(start: Server.at(DeskWorld.tuesday, 9), end: Server.at(DeskWorld.tuesday, 12))
        try server.store.reserve(
            Self.session,
            [Reservation(.walkIn, span: Span(start: Server.at(DeskWorld.tuesday, 11), end: tuesday.end), seats: 1),
             Reservation(.urgent, span: Span(start: tuesday.start, end: Server.at(DeskWorld.tuesday, 11)), seats: 1, releaseDays: 0)],
            at: Server.now, actor: "test")
    }

    @Test func heldBackSeatsAreACoordinatorsToBookUrgentAndSessionsSayWhatTheyKeep() async throws {
        let booking = #"{"job_seeker": "J1", "starts": [{"start": "2026-11-24T09:00"}]URGENT}"#
        try await server.api.live { client in
            let sessions = try await self.tests.call(client, .get, "/v1/sessions?from=2026-11-24&to=2026-11-24", token: self.server.consultant)
            let reserved = (sessions.json as? [[String: Any]])?.first?["reserved"] as? [[String: Any]]
            #expect(reserved?.map { $0["channel"] as? String } == ["walk_in", "urgent"])
            #expect(reserved?.last?["released"] as? String == "2026-11-24")

            let ordinary = try await self.tests.call(
                client, .post, "/v1/bookings", token: self.server.consultant, json: booking.replacingOccurrences(of: "URGENT", with: ""))
            #expect(ordinary.status == .conflict && ordinary.text.contains("held back for urgent bookings"), "\(ordinary.status) \(ordinary.text)")
            let slots = try await self.tests.call(client, .get, "/v1/slots?job_seeker=J1&urgent=true", token: self.server.consultant)
            #expect(slots.status == .forbidden)
            let notTheirs = try await self.tests.call(
                client, .post, "/v1/bookings", token: self.server.consultant, json: booking.replacingOccurrences(of: "URGENT", with: #", "urgent": true"#))
            #expect(notTheirs.status == .forbidden)
            let urgent = try await self.tests.call(
                client, .post, "/v1/bookings", token: self.server.coordinator, json: booking.replacingOccurrences(of: "URGENT", with: #", "urgent": true"#))
            #expect(urgent.status == .created, "\(urgent.text)")
            #expect((urgent.json as? [[String: Any]])?.first?["urgent"] as? Bool == true)
            // Walk-in time stays free, urgent or not.
            let walkIn = try await self.tests.call(
                client, .post, "/v1/bookings", token: self.server.coordinator,
                json: #"{"job_seeker": "J2", "urgent": true, "starts": [{"start": "2026-11-24T11:00"}]}"#)
            #expect(walkIn.status == .conflict && walkIn.text.contains("for walk-in"), "\(walkIn.text)")
        }
    }
}
