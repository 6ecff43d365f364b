import Hummingbird
import ZitdagCore
import ZitdagStore

extension API {
    /// The walk-in register: `GET|POST /v1/sessions/{id}/walk-ins`, `POST /v1/sessions/{id}/walk-ins/next`,
    /// `POST /v1/walk-ins/{id}/outcome`, and `GET /v1/reports/walk-ins`.
    func addWalkInRoutes(to group: RouterGroup<APIContext>) {
        group.get("sessions/:id/walk-ins") { _, context in
            let (caller, session) = (try context.caller(), context.parameters.get("id") ?? "")
            let (store, now) = (self.store, desk.now())
            let queue = try await work { () throws -> WalkInQueueSummary in
                try Permission.mayHost(caller, session: try store.session(session), id: session)
                let (register, turns) = try store.walkInQueue(session: session, at: now)
                return WalkInQueueSummary(register, turns: turns, zone: store.zone)
            }
            return Response.json(queue)
        }
        group.post("sessions/:id/walk-ins") { request, context in
            let (caller, session) = (try context.caller(), context.parameters.get("id") ?? "")
            var request = request
            let body = try await request.decode(WalkInArrivalBody.self, context: context)
            let topic = try Fields.topic(body.topic)
            let (store, now) = (self.store, desk.now())
            let visit = try await work { () throws -> WalkInSummary in
                try Permission.mayHost(caller, session: try store.session(session), id: session)
                let turn = try store.walkInArrive(session: session, initials: body.initials, topic: topic, at: now, actor: "\(caller.role.rawValue) \(caller.subject)")
                return WalkInSummary(turn.visit, turn: turn, zone: store.zone)
            }
            return Response.json(visit, status: .created)
        }
        group.post("sessions/:id/walk-ins/next") { _, context in
            let (caller, session) = (try context.caller(), context.parameters.get("id") ?? "")
            let (store, now) = (self.store, desk.now())
            let visit = try await work { () throws -> WalkInSummary in
                try Permission.mayHost(caller, session: try store.session(session), id: session)
                return WalkInSummary(try store.walkInCallNext(session: session, at: now, actor: "\(caller.role.rawValue) \(caller.subject)"), zone: store.zone)
            }
            return Response.json(visit)
        }
        group.post("walk-ins/:id/outcome") { request, context in
            let caller = try context.caller()
            guard let text = context.parameters.get("id"), let id = Int(text), id > 0 else { throw APIProblem(.notFound, Text("no such walk-in visit")) }
            var request = request
            let body = try await request.decode(WalkInOutcomeBody.self, context: context)
            guard let outcome = WalkInOutcome(rawValue: body.outcome) else {
                throw APIProblem(
                    .unprocessableContent, Text("outcome: \"\(body.outcome)\" is not \(WalkInOutcome.allCases.map(\.rawValue).joined(separator: ", "))"),
                    field: "outcome")
            }
            let topic = try Fields.topic(body.topic)
            let (store, now) = (self.store, desk.now())
            let visit = try await work { () throws -> WalkInSummary in
                // An unknown visit and one of another coach's half-days are answered alike.
                let unknown = APIProblem(.notFound, Text("no walk-in visit \(id)"))
                guard let visit = try store.walkInVisit(id) else { throw unknown }
                do { try Permission.mayHost(caller, session: try store.session(visit.session), id: visit.session) } catch { throw unknown }
                return WalkInSummary(
                    try store.walkInFinish(visit: id, outcome: outcome, topic: topic, at: now, actor: "\(caller.role.rawValue) \(caller.subject)"),
                    zone: store.zone)
            }
            return Response.json(visit)
        }
        group.get("reports/walk-ins") { request, context in
            let caller = try context.caller()
            try Permission.mayReport(caller)
            let query = Query(request: request)
            guard let days = try query.window(today: zone.local(at: desk.now()).date) else { return Response.json([WalkInReportSummary]()) }
            let by: WalkInReport.Grouping
            switch query.string("by") {
            case nil: by = .location
            case let text?:
                guard let grouping = WalkInReport.Grouping(rawValue: text) else {
                    throw APIProblem(.unprocessableContent, Text("by: \"\(text)\" is not location or session"), field: "by")
                }
                by = grouping
            }
            let store = self.store
            let report = try await work { try store.walkInReport(from: days.lowerBound, to: days.upperBound, by: by) }
            return Response.json(report.rows.map(WalkInReportSummary.init))
        }
    }
}

struct WalkInArrivalBody: ClientBody {
    var initials: String?
    var topic: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case initials, topic
    }
}

struct WalkInOutcomeBody: ClientBody {
    var outcome: String
    var topic: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case outcome, topic
    }
}

extension Fields {
    static func topic(_ text: String?) throws -> WalkInTopic? {
        guard let text else { return nil }
        guard let topic = WalkInTopic(rawValue: text) else {
            throw APIProblem(.unprocessableContent, Text("topic: \"\(text)\" is not one of \(WalkInTopic.codes)"), field: "topic")
        }
        return topic
    }
}
