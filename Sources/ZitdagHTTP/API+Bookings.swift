import Foundation
import HTTPTypes
import Hummingbird
import ZitdagCore
import ZitdagStore

extension API {
    /// `POST /v1/bookings`, `POST /v1/appointments/{id}/move|cancel|attended|no-show|earlier`, `POST /v1/plan`.
    func addBookingRoutes(to group: RouterGroup<APIContext>) {
        group.post("bookings") { request, context in
            let caller = try context.caller()
            var request = request
            let key = request.headers[.idempotencyKey]
            let body = try await request.decode(BookingRequestBody.self, context: context)
            var draft = RequestDraft(
                jobSeeker: body.jobSeeker, consultant: body.consultant ?? (caller.role == .consultant ? caller.subject : nil),
                attendance: try Fields.attendance(body.attendance, field: "attendance"),
                durationMinutes: body.durationMinutes ?? RequestSpecification.durationMinutes.defaultValue,
                appointments: body.appointments ?? RequestSpecification.appointments.defaultValue,
                gapDays: try Fields.gap(min: body.minGapDays, max: body.maxGapDays),
                priority: body.priority ?? RequestSpecification.priority.defaultValue, language: body.language, topic: body.topic,
                urgent: body.urgent ?? false)
            draft.seriesByLevel = body.durationMinutes == nil && body.appointments == nil && body.minGapDays == nil && body.maxGapDays == nil
            draft.from = nil
            guard !body.starts.isEmpty else { throw APIProblem(.unprocessableContent, Text("starts: give at least the first start"), field: "starts") }
            let choices = try body.starts.enumerated().map { index, start in
                SlotChoice(start: try Fields.instant(start.start, field: "starts.\(index).start", zone: zone), session: start.session)
            }
            var idempotency: Idempotency?
            if let key {
                guard (1...200).contains(key.count) else {
                    throw APIProblem(.unprocessableContent, Text("Idempotency-Key: 1 to 200 characters"), field: "Idempotency-Key")
                }
                idempotency = Idempotency(scope: caller.tokenId, key: key, fingerprint: Idempotency.fingerprint(of: draft, at: choices))
            }
            let (desk, store, frozen, once) = (self.desk, self.store, draft, idempotency)
            let booked = try await work(fields: ["start": "starts"]) {
                try Permission.mayBook(caller, jobSeeker: frozen.jobSeeker, consultant: frozen.consultant, urgent: frozen.urgent, store: store)
                return try desk.book(frozen, at: choices, actor: "\(caller.role.rawValue) \(caller.subject)", idempotency: once)
            }
            return Response.json(booked.map { AppointmentSummary($0, zone: zone) }, status: .created)
        }
        group.post("appointments/:id/move") { request, context in
            var request = request
            let body = try await request.decode(MoveRequestBody.self, context: context)
            let choice = SlotChoice(start: try Fields.instant(body.start, field: "start", zone: zone), session: body.session)
            return try await change(request, context) { desk, id, actor in try [desk.move(appointment: id, to: choice, actor: actor)] }
        }
        group.post("appointments/:id/cancel") { request, context in
            var request = request
            let body = try await request.decode(CancelRequestBody.self, context: context)
            let (series, cause) = (body.series ?? false, try body.cause(of: try context.caller()))
            return try await change(request, context) { desk, id, actor in try desk.cancel(appointment: id, wholeSeries: series, cause: cause, actor: actor) }
        }
        group.post("appointments/:id/attended") { request, context in
            try await change(request, context, rule: Permission.mayMark) { desk, id, actor in try [desk.mark(appointment: id, as: .attended, actor: actor)] }
        }
        group.post("appointments/:id/no-show") { request, context in
            try await change(request, context, rule: Permission.mayMark) { desk, id, actor in
                // Where the rules end the series at a no-show, its later appointments come back cancelled too.
                let marking = try desk.marking(appointment: id, as: .noShow, actor: actor)
                return [marking.marked] + marking.ended
            }
        }
        group.post("appointments/:id/earlier") { request, context in
            try await change(request, context) { desk, id, actor in
                // The series stands until an earlier place replaces it: answered as it stands now.
                guard let appointment = try desk.store.appointment(id) else { throw StoreError.unknown(kind: Text("appointment"), id: String(id)) }
                _ = try desk.store.waitForEarlier(request: appointment.request, at: desk.now(), actor: actor)
                return try desk.store.series(of: appointment.request)
            }
        }
        group.post("plan") { request, context in
            let caller = try context.caller()
            try Permission.mayPlan(caller)
            var request = request
            let body = try await request.decode(PlanRequestBody.self, context: context)
            let from = try Fields.date(body.from, field: "from")
            let to = try Fields.date(body.to, field: "to")
            let desk = self.desk
            let week = try await work {
                try desk.plan(from: from, to: to, dryRun: body.dryRun ?? false, timeLimit: .seconds(2), actor: "coordinator \(caller.subject)")
            }
            return Response.json(PlanResultBody(
                committed: week.committed, requests: week.requests, scheduled: week.scheduled, objective: week.plan.objective,
                unscheduled: week.plan.unscheduled.map { UnscheduledBody(request: String($0.request.dropFirst()), reason: $0.reason.rendered(by: request.renderer)) }))
        }
    }

    /// A change to one appointment, after checking that it is the caller's (by ``Permission/mayChange``
    /// unless another rule is given).
    private func change(
        _ request: Request, _ context: APIContext,
        rule: @escaping Permission.AppointmentRule = Permission.mayChange,
        _ action: @escaping @Sendable (Desk, Int64, String) throws -> [BookedAppointment]
    ) async throws -> Response {
        let caller = try context.caller()
        guard let text = context.parameters.get("id"), let id = Int64(text), id > 0 else {
            throw APIProblem(.notFound, Text("no such appointment"))
        }
        let (desk, store) = (self.desk, self.store)
        let changed = try await work {
            _ = try rule(caller, try store.appointment(id), id, store)
            return try action(desk, id, "\(caller.role.rawValue) \(caller.subject)")
        }
        return Response.json(changed.map { AppointmentSummary($0, zone: zone) })
    }
}

extension HTTPField.Name {
    static let idempotencyKey = Self("Idempotency-Key")!
}
