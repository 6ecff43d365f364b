import Hummingbird
import ZitdagCore
import ZitdagStore

extension API {
    /// `GET /v1/agenda/consultants/{id}` and `GET /v1/agenda/coaches/{id}`.
    func addAgendaRoutes(to group: RouterGroup<APIContext>) {
        group.get("agenda/consultants/:id") { request, context in
            try await agenda(request, context) { .consultant($0) }
        }
        group.get("agenda/coaches/:id") { request, context in
            try await agenda(request, context) { .coach($0) }
        }
    }

    private func agenda(_ request: Request, _ context: APIContext, owner make: (String) -> AgendaOwner) async throws -> Response {
        let caller = try context.caller()
        let owner = make(context.parameters.get("id") ?? "")
        try Permission.mayRead(caller, agendaOf: owner)
        let today = zone.local(at: desk.now()).date
        let days = try Query(request: request).window(today: today)
        let store = self.store
        let agenda = try await work { () throws -> [AgendaSession] in
            guard let days else {
                // No days, but an unknown owner is still a 404.
                _ = try store.agenda(of: owner, from: today, to: today)
                return []
            }
            return try store.agenda(of: owner, from: days.lowerBound, to: days.upperBound)
        }
        return Response.json(agenda.map { AgendaEntry($0, zone: zone, viewer: caller.role.viewer) })
    }
}
