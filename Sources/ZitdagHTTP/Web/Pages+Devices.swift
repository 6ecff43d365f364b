import Hummingbird
import ZitdagCore
import ZitdagStore

extension API {
    /// The coordinator's device pages: the inventory with what needs doing (loans ending, overdue
    /// returns, devices due for replacement), adding a device, and a device's state.
    func addDevicePages(to desk: RouterGroup<APIContext>) {
        desk.get("devices") { _, context in try await page(context) { visit in try await devicesPage(visit) } }
        desk.post("devices") { _, context in try await page(context) { visit in try await addDevice(visit) } }
        desk.post("devices/:id/state") { _, context in try await page(context) { visit in try await changeDevice(context, visit) } }
    }

    private func devicesPage(_ visit: PageVisit, status: HTTPResponse.Status = .ok, error: Text? = nil) async throws -> Response {
        try requireRole(visit, .coordinator)
        let (store, today) = (self.store, zone.local(at: desk.now()).date)
        let (devices, overview) = try await work { (try store.devices(), try store.loanOverview(on: today, weeks: 4)) }
        let kinds = Dictionary(uniqueKeysWithValues: devices.map { ($0.id, $0.kind) })
        let renderer = pages.catalog.renderer(visit.language)
        func words(_ loan: Loan) -> [String: Any] {
            let who = loan.jobSeeker ?? Text("(erased)").rendered(by: renderer)
            return ["words": Text("loan \(loan.id): \(PersonPath.what(loan, loan.device.flatMap { kinds[$0] })), \(who), until \(loan.until)").rendered(by: renderer)]
        }
        var data: [String: Any] = [
            "ending": overview.ending.map(words), "overdue": overview.overdue.map(words),
            "replace": overview.dueForReplacement.map { ["words": Text("\($0.kind.words) \($0.id), bought \($0.bought), replace by \($0.replaceOn)").rendered(by: renderer)] },
            "devices": devices.map { device -> [String: Any] in
                [
                    "id": device.id, "kind": device.kind.words.rendered(by: renderer), "state": device.state.words.rendered(by: renderer),
                    "bought": Catalog.date(device.bought), "replace_on": Catalog.date(device.replaceOn), "location": device.location ?? "",
                    // The changes a coordinator may make by hand; a device on loan changes by being taken back.
                    "changes": Self.handChanges(device).map { ["value": $0.state.rawValue, "label": $0.label.rendered(by: renderer)] },
                ]
            },
            "has_devices": !devices.isEmpty,
            "kinds": Device.Kind.allCases.map { ["value": $0.rawValue, "name": $0.words.rendered(by: renderer)] },
        ]
        if let error { data["error"] = error.rendered(by: renderer) }
        return pages.render("devices", data, visit: visit, language: visit.language, title: pages.catalog.text("devices_title", visit.language), status: status)
    }

    static func handChanges(_ device: Device) -> [(state: Device.State, label: Text)] {
        switch device.state {
        case .available: [(.inRepair, Text("to repair")), (.retired, Text("retire"))]
        case .inRepair: [(.available, Text("repaired")), (.retired, Text("retire"))]
        case .onLoan, .retired: []
        }
    }

    private func addDevice(_ visit: PageVisit) async throws -> Response {
        try requireRole(visit, .coordinator)
        let form = visit.form
        guard let id = form["id"] else { throw PageProblem.missing("id") }
        guard let kind = form["kind"].flatMap(Device.Kind.init(rawValue:)) else { throw PageProblem.missing("kind") }
        guard let bought = form["bought"] else { throw PageProblem.missing("bought") }
        let device = Device(id: id, kind: kind, bought: try Fields.date(bought, field: "bought"), location: form["location"])
        let (store, now, actor) = (self.store, desk.now(), Self.actor(visit))
        do {
            try await work { try store.addDevice(device, at: now, actor: actor) }
        } catch let problem as APIProblem {
            return try await devicesPage(visit, status: problem.status, error: problem.detail)
        }
        signedIn.flash(visit.session, Text("device \(id) added").rendered(by: pages.catalog.renderer(visit.language)))
        return Pages.redirect("/desk/devices")
    }

    private func changeDevice(_ context: APIContext, _ visit: PageVisit) async throws -> Response {
        try requireRole(visit, .coordinator)
        let id = context.parameters.get("id") ?? ""
        guard let state = visit.form["state"].flatMap(Device.State.init(rawValue:)) else { throw PageProblem.missing("state") }
        let (store, now, actor) = (self.store, desk.now(), Self.actor(visit))
        let device = try await work { try store.changeDevice(id, to: state, at: now, actor: actor) }
        signedIn.flash(visit.session, Text("device \(id): \(device.state.words)").rendered(by: pages.catalog.renderer(visit.language)))
        return Pages.redirect("/desk/devices")
    }
}
