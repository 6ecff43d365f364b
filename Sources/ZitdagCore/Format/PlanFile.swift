/// Reads and writes `zitdag-plan/1` files (see README, "Plan file").
public enum PlanFile {
    public static let format = "zitdag-plan/1"

    /// The plan as a file; times are written as local wall-clock times in `zone`, reasons by `renderer`.
    public static func encode(_ plan: Plan, zone: Zone, renderer: Text.Renderer = .english) -> JSON {
        let assignments = plan.assignments.map { assignment -> JSON in
            .object([
                "request": JSON(.string(assignment.request)), "index": JSON(.integer(assignment.index)),
                "session": JSON(.string(assignment.session)),
                "start": JSON(.string(zone.local(at: assignment.span.start).description)),
                "end": JSON(.string(zone.local(at: assignment.span.end).description)),
                "consultant_attends": JSON(.bool(assignment.consultantAttends)),
            ])
        }
        let unscheduled = plan.unscheduled.map { item -> JSON in
            .object(["request": JSON(.string(item.request)), "reason": JSON(.string(item.reason.rendered(by: renderer)))])
        }
        return .object([
            "format": JSON(.string(format)),
            "assignments": .array(assignments),
            "unscheduled": .array(unscheduled),
            "objective": JSON(.integer(plan.objective)),
        ])
    }

    /// Decodes a plan, reading its times in the problem's `zone`.
    public static func decode(_ bytes: [UInt8], zone: Zone) throws(FormatError) -> Plan {
        let json = try JSONParser.parseFile(bytes)
        var log = IssueLog()
        let plan = decode(json, zone: zone, log: &log)
        guard let plan, log.isEmpty else { throw FormatError(issues: log.issues) }
        return plan
    }

    private static func decode(_ json: JSON, zone: Zone, log: inout IssueLog) -> Plan? {
        let allowed: Set = ["format", "assignments", "unscheduled", "objective"]
        guard let top = FieldReader(json, path: "", allowed: allowed, log: &log) else { return nil }
        if let format = top.string("format", required: true, log: &log), format != self.format {
            log.add(json, "format", Text("must be \"\(self.format)\", got \"\(format)\""))
        }
        var assignments: [Assignment] = []
        for (i, node) in (top.array("assignments", required: true, log: &log) ?? []).enumerated() {
            let fields: Set = ["request", "index", "session", "start", "end", "consultant_attends"]
            guard var reader = FieldReader(node, path: "assignments[\(i)]", allowed: fields, log: &log) else { continue }
            let request = reader.name("request", required: true, log: &log)
            reader.id = request
            let index = reader.integer("index", in: 0...Int.max, log: &log)
            let session = reader.name("session", required: true, log: &log)
            let span = reader.span(zone: zone, log: &log)
            let attends = reader.bool("consultant_attends", required: true, log: &log)
            if let request, let index, let session, let span, let attends {
                assignments.append(
                    Assignment(request: request, index: index, session: session, span: span, consultantAttends: attends))
            }
        }
        var unscheduled: [Unscheduled] = []
        for (i, node) in (top.array("unscheduled", required: true, log: &log) ?? []).enumerated() {
            guard var reader = FieldReader(node, path: "unscheduled[\(i)]", allowed: ["request", "reason"], log: &log)
            else { continue }
            let request = reader.name("request", required: true, log: &log)
            reader.id = request
            let reason = reader.string("reason", required: true, log: &log)
            if let request, let reason { unscheduled.append(Unscheduled(request: request, reason: Text(verbatim: reason))) }
        }
        let objective = top.integer("objective", log: &log)
        guard let objective else { return nil }
        return Plan(assignments: assignments, unscheduled: unscheduled, objective: objective)
    }
}
