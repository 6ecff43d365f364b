import Hummingbird
import ZitdagCore
import ZitdagStore

extension API {
    /// Devices and loans: `GET|POST /v1/devices`, `POST /v1/devices/{id}/state`, `GET|POST /v1/loans`,
    /// `POST /v1/loans/{id}/extend`, `POST /v1/loans/{id}/return`.
    func addLoanRoutes(to group: RouterGroup<APIContext>) {
        group.get("devices") { _, context in
            try Permission.mayKeepInventory(try context.caller())
            let store = self.store
            return Response.json(try await work { try store.devices().map(DeviceSummary.init) })
        }
        group.post("devices") { request, context in
            let caller = try context.caller()
            try Permission.mayKeepInventory(caller)
            var request = request
            let body = try await request.decode(DeviceBody.self, context: context)
            guard let kind = Device.Kind(rawValue: body.kind) else {
                throw APIProblem(.unprocessableContent, Text("kind: \"\(body.kind)\" is not laptop, tablet, dongle or sim"), field: "kind")
            }
            let device = Device(id: body.id, kind: kind, bought: try Fields.date(body.bought, field: "bought"), location: body.location)
            let (store, now) = (self.store, desk.now())
            try await work(fields: ["device": "id"]) { try store.addDevice(device, at: now, actor: "\(caller.role.rawValue) \(caller.subject)") }
            return Response.json(DeviceSummary(device), status: .created)
        }
        group.post("devices/:id/state") { request, context in
            let caller = try context.caller()
            try Permission.mayKeepInventory(caller)
            var request = request
            let body = try await request.decode(DeviceStateBody.self, context: context)
            guard let state = Device.State(rawValue: body.state), state != .onLoan else {
                throw APIProblem(.unprocessableContent, Text("state: \"\(body.state)\" is not available, in_repair or retired"), field: "state")
            }
            let (store, now, id) = (self.store, desk.now(), context.parameters.get("id") ?? "")
            let device = try await work { try store.changeDevice(id, to: state, at: now, actor: "\(caller.role.rawValue) \(caller.subject)") }
            return Response.json(DeviceSummary(device))
        }
        group.get("loans") { request, context in
            let consultant = try Permission.loansVisible(to: try context.caller())
            let weeks = try Query(request: request).integer("weeks") ?? 4
            guard (1...104).contains(weeks) else { throw APIProblem(.unprocessableContent, Text("weeks: \(weeks) is not 1 to 104"), field: "weeks") }
            let (store, today) = (self.store, zone.local(at: desk.now()).date)
            return Response.json(try await work { LoanOverviewSummary(try store.loanOverview(on: today, weeks: weeks, consultant: consultant)) })
        }
        group.post("loans") { request, context in
            let caller = try context.caller()
            var request = request
            let body = try await request.decode(LoanBody.self, context: context)
            let from = try body.from.map { try Fields.date($0, field: "from") }
            let until = try body.until.map { try Fields.date($0, field: "until") }
            let (store, now) = (self.store, desk.now())
            let loan = try await work { () throws -> Loan in
                try Permission.mayFollow(caller, jobSeeker: body.jobSeeker, store: store)
                return try store.lend(
                    device: body.device, to: body.jobSeeker, from: from, until: until, handover: body.handoverAppointment, at: now,
                    actor: "\(caller.role.rawValue) \(caller.subject)")
            }
            return Response.json(LoanSummary(loan), status: .created)
        }
        group.post("loans/:id/extend") { request, context in
            var request = request
            let body = try await request.decode(LoanExtendBody.self, context: context)
            let until = try body.until.map { try Fields.date($0, field: "until") }
            return try await changeLoan(context) { store, id, now, actor in try store.extendLoan(id, until: until, at: now, actor: actor) }
        }
        group.post("loans/:id/return") { request, context in
            var request = request
            let body = try await request.decode(LoanReturnBody.self, context: context)
            guard let condition = Loan.Condition(rawValue: body.condition) else {
                throw APIProblem(.unprocessableContent, Text("condition: \"\(body.condition)\" is not good, damaged or lost"), field: "condition")
            }
            let on = try body.on.map { try Fields.date($0, field: "on") }
            return try await changeLoan(context) { store, id, now, actor in
                try store.returnLoan(id, condition: condition, on: on, appointment: body.appointment, at: now, actor: actor)
            }
        }
    }

    /// Changes loan `{id}` once the caller may: its borrower's consultant or a coordinator.
    private func changeLoan(_ context: APIContext, _ action: @escaping @Sendable (Store, Int, Instant, String) throws -> Loan) async throws -> Response {
        let caller = try context.caller()
        guard let text = context.parameters.get("id"), let id = Int(text), id > 0 else { throw APIProblem(.notFound, Text("no such loan")) }
        let (store, now) = (self.store, desk.now())
        let loan = try await work { () throws -> Loan in
            _ = try Permission.mayChange(caller, loan: try store.loan(id), id: id, store: store)
            return try action(store, id, now, "\(caller.role.rawValue) \(caller.subject)")
        }
        return Response.json(LoanSummary(loan))
    }
}

struct DeviceBody: ClientBody {
    var id: String
    var kind: String
    var bought: String
    var location: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, kind, bought, location
    }
}

struct DeviceStateBody: ClientBody {
    var state: String

    enum CodingKeys: String, CodingKey, CaseIterable {
        case state
    }
}

struct LoanBody: ClientBody {
    var device: String
    var jobSeeker: String
    var from: String?
    var until: String?
    var handoverAppointment: Int64?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case device, jobSeeker = "job_seeker", from, until, handoverAppointment = "handover_appointment"
    }
}

struct LoanExtendBody: ClientBody {
    var until: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case until
    }
}

struct LoanReturnBody: ClientBody {
    var condition: String
    var on: String?
    var appointment: Int64?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case condition, on, appointment
    }
}
