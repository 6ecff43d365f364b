import Foundation
import Hummingbird
import Testing
import ZitdagCore
import ZitdagHTTP
import ZitdagStore

/// Offers of freed places over HTTP: a consultant sees and answers their own, every answer held to
/// the OpenAPI document.
@Suite final class OfferAPITests: Sendable {
    let server: Server
    let tests: APITests

    init() throws {
        tests = try APITests()
        server = tests.server
    }

    @Test func aConsultantPutsTheirBookedSeriesOnTheWaitingListForAnEarlierPlace() async throws {
        let nextTuesday = Server.monday.adding(days: 8)
        let booked = try server.api.desk.book(RequestDraft(jobSeeker: "J1"), at: [SlotChoice(start: Server.at(nextTuesday, 9))], actor: "test")
        let path = "/v1/appointments/\(booked[0].id)/earlier"
        try await server.api.live { client in
            let other = try await self.tests.call(client, .post, path, template: "/v1/appointments/{id}/earlier", token: self.server.otherConsultant)
            #expect(other.status == .notFound, "another consultant's appointment is unknown to them")
            let waits = try await self.tests.call(client, .post, path, template: "/v1/appointments/{id}/earlier", token: self.server.consultant)
            #expect(waits.status == .ok && (waits.json as? [[String: Any]])?.first?["status"] as? String == "booked", "\(waits.text)")
            let twice = try await self.tests.call(client, .post, path, template: "/v1/appointments/{id}/earlier", token: self.server.consultant)
            #expect(twice.status == .conflict && twice.text.contains("waits for an earlier place already"), "\(twice.text)")
            // Without Accept-Language the problem's detail is Dutch, as is the default everywhere.
            var bare = HTTPFields()
            bare[.authorization] = "Bearer \(self.server.consultant)"
            let dutch = try await client.execute(uri: path, method: .post, headers: bare)
            #expect(dutch.status == .conflict && dutch.text.contains("wacht al op een vroegere plaats (aanvraag "), "\(dutch.text)")
        }
        #expect(try server.store.queuedRequests().map(\.draft.jobSeeker) == ["J1"])
    }

    @Test func aConsultantSeesAndAnswersTheirOwnOffersOnly() async throws {
        let store = server.store
        try store.setRules(BookingRules(backfill: .offer), for: .standard, at: Server.now, actor: "test")
        let tuesday = Server.monday.adding(days: 1)
        let booked = try server.api.desk.book(RequestDraft(jobSeeker: "J1"), at: [SlotChoice(start: Server.at(tuesday, 9))], actor: "test")
        _ = try store.queue(RequestDraft(jobSeeker: "J2", consultant: "K1", priority: 3), at: Server.now, actor: "K1")
        try await server.api.live { client in
            let cancelled = try await self.tests.call(
                client, .post, "/v1/appointments/\(booked[0].id)/cancel", template: "/v1/appointments/{id}/cancel", token: self.server.consultant)
            #expect(cancelled.status == .ok)
            let own = try await self.tests.call(client, .get, "/v1/offers", token: self.server.consultant)
            let offers = own.json as? [[String: Any]]
            #expect(offers?.count == 1 && offers?.first?["state"] as? String == "open" && offers?.first?["consultant"] as? String == "K1")
            let id = try #require(offers?.first?["id"] as? Int)
            #expect((try await self.tests.call(client, .get, "/v1/offers", token: self.server.otherConsultant).json as? [Any])?.isEmpty == true)
            #expect(try await self.tests.call(client, .get, "/v1/offers", token: self.server.coach).status == .forbidden)

            let template = "/v1/offers/{id}/accept"
            let other = try await self.tests.call(client, .post, "/v1/offers/\(id)/accept", template: template, token: self.server.otherConsultant)
            #expect(other.status == .notFound)
            let accepted = try await self.tests.call(client, .post, "/v1/offers/\(id)/accept", template: template, token: self.server.consultant)
            #expect(accepted.status == .ok && (accepted.json as? [String: Any])?["state"] as? String == "accepted")
            let again = try await self.tests.call(client, .post, "/v1/offers/\(id)/decline", template: "/v1/offers/{id}/decline", token: self.server.consultant)
            #expect(again.status == .conflict && again.text.contains("was accepted already"))
            #expect(try await self.tests.call(client, .post, "/v1/offers/999/accept", template: template, token: self.server.coordinator).status == .notFound)
        }
    }

    /// Fifty clients answering one offer at once over real sockets: one wins, every other gets 409,
    /// and the place is booked once.
    @Test func fiftyClientsAcceptingOneOfferEndWithOne() async throws {
        let store = server.store
        try store.setRules(BookingRules(backfill: .offer), for: .standard, at: Server.now, actor: "test")
        let tuesday = Server.monday.adding(days: 1)
        let booked = try server.api.desk.book(
            RequestDraft(jobSeeker: "J1", durationMinutes: 180), at: [SlotChoice(start: Server.at(tuesday, 9))], actor: "test")
        _ = try store.queue(RequestDraft(jobSeeker: "J2", consultant: "K1", durationMinutes: 180), at: Server.now, actor: "K1")
        let cancellation = try server.api.desk.cancelling(appointment: booked[0].id, actor: "K1")
        let offer = try #require(cancellation.filled.offers.first)
        let token = server.consultant
        try await server.api.live { client in
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for _ in 1...50 {
                    group.addTask { try await client.call(.post, "/v1/offers/\(offer.id)/accept", token: token).status }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .ok }.count == 1)
            #expect(statuses.filter { $0 == .conflict }.count == 49)
        }
        let live = try store.agenda(of: .coach("C1"), from: tuesday, to: tuesday).flatMap(\.appointments).filter { $0.status == .booked }
        #expect(live.map(\.jobSeeker) == ["J2"])
    }
}
