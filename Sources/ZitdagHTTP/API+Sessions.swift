import Hummingbird
import ZitdagCore
import ZitdagStore

extension API {
    /// `GET /v1/sessions` and `GET /v1/slots`.
    func addSessionRoutes(to group: RouterGroup<APIContext>) {
        group.get("sessions") { request, context in
            _ = try context.caller()
            guard let days = try Query(request: request).window(today: zone.local(at: desk.now()).date) else { return Response.json([SessionSummary]()) }
            let store = self.store
            let sessions = try await work { try store.sessions(from: days.lowerBound, to: days.upperBound) }
            return Response.json(sessions.map { SessionSummary($0, zone: zone) })
        }
        group.get("slots") { request, context in
            let caller = try context.caller()
            let query = Query(request: request)
            var draft = try query.draft()
            if caller.role == .consultant, draft.consultant == nil { draft.consultant = caller.subject }
            let count = try query.integer("count") ?? RequestSpecification.count.defaultValue
            let (desk, store, frozen) = (self.desk, self.store, draft)
            let offers = try await work {
                try Permission.mayBook(caller, jobSeeker: frozen.jobSeeker, consultant: frozen.consultant, urgent: frozen.urgent, store: store)
                return try desk.slots(for: frozen, count: count)
            }
            return Response.json(OffersBody(options: offers.options.map { OfferBody($0, zone: zone) }, reason: offers.reason?.rendered(by: request.renderer)))
        }
    }
}
