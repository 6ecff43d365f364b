import Hummingbird
import ZitdagCore
import ZitdagStore

extension API {
    /// `GET /v1/offers`, `POST /v1/offers/{id}/accept|decline`: freed places held for a consultant's
    /// waiting request (`backfill offer`).
    func addOfferRoutes(to group: RouterGroup<APIContext>) {
        group.get("offers") { _, context in
            let caller = try context.caller()
            let consultant = try Permission.offersVisible(to: caller)
            let desk = self.desk
            let offers = try await work { try desk.offers(consultant: consultant, actor: "\(caller.role.rawValue) \(caller.subject)") }
            return Response.json(offers.map { OfferSummary($0, zone: zone, viewer: caller.role.viewer) })
        }
        group.post("offers/:id/accept") { _, context in try await decide(context, .accept) }
        group.post("offers/:id/decline") { _, context in try await decide(context, .decline) }
    }

    private func decide(_ context: APIContext, _ decision: PlaceOffer.Decision) async throws -> Response {
        let caller = try context.caller()
        _ = try Permission.offersVisible(to: caller)
        guard let text = context.parameters.get("id"), let id = Int64(text), id > 0 else { throw APIProblem(.notFound, Text("no such offer")) }
        let desk = self.desk
        let decided = try await work { () throws -> Desk.OfferDetail in
            // Another consultant's offer is answered as an unknown one.
            guard let offer = try desk.offer(id), caller.role == .coordinator || offer.consultant == caller.subject else {
                throw APIProblem(.notFound, Text("no offer \(id)"))
            }
            return try desk.decide(offer: id, decision, actor: "\(caller.role.rawValue) \(caller.subject)")
        }
        return Response.json(OfferSummary(decided, zone: zone, viewer: caller.role.viewer))
    }
}
