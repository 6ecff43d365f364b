/// Turns a parsed problem file into a ``Problem``, checking every rule of the
/// format: types, defaults, ranges and the cross-references between ids.
enum ProblemDecoder {
    static func decode(_ json: JSON, log: inout IssueLog) -> Problem? {
        let allowed: Set = ["format", "timezone", "grid_minutes", "weights", "sessions", "consultants", "requests"]
        guard let top = FieldReader(json, path: "", allowed: allowed, log: &log) else { return nil }
        if let format = top.string("format", required: true, log: &log), format != ProblemFile.format {
            log.add(top.value("format", required: true, log: &log)!, "format", "must be \"\(ProblemFile.format)\", got \"\(format)\"")
        }
        var zone: Zone?
        if let identifier = top.string("timezone", required: true, log: &log) {
            zone = Zone(identifier: identifier)
            if zone == nil {
                log.add(top.value("timezone", required: true, log: &log)!, "timezone", "unknown time zone \"\(identifier)\"")
            }
        }
        let grid = top.integer("grid_minutes", default: 15, in: 1...1440, log: &log)
        let weights = decodeWeights(top, log: &log)
        let sessions = top.array("sessions", required: true, log: &log).flatMap { decodeSessions($0, zone: zone, log: &log) }
        let consultants = top.array("consultants", required: true, log: &log).flatMap {
            decodeConsultants($0, zone: zone, log: &log)
        }
        let requests = top.array("requests", required: true, log: &log).flatMap {
            decodeRequests($0, zone: zone, grid: grid, consultants: consultants, log: &log)
        }
        guard let zone, let grid, let weights, let sessions, let consultants, let requests else { return nil }
        return Problem(
            zone: zone, gridMinutes: grid, weights: weights, sessions: sessions, consultants: consultants,
            requests: requests)
    }

    private static func decodeWeights(_ top: FieldReader, log: inout IssueLog) -> Weights? {
        guard let node = top.value("weights", required: false, log: &log) else { return .standard }
        let allowed: Set = ["scheduled", "wait_day", "co_attendance", "same_coach"]
        guard let reader = FieldReader(node, path: "weights", allowed: allowed, log: &log) else { return nil }
        let standard = Weights.standard
        let scheduled = reader.integer("scheduled", default: standard.scheduled, log: &log)
        let waitDay = reader.integer("wait_day", default: standard.waitDay, log: &log)
        let coAttendance = reader.integer("co_attendance", default: standard.coAttendance, log: &log)
        let sameCoach = reader.integer("same_coach", default: standard.sameCoach, log: &log)
        guard let scheduled, let waitDay, let coAttendance, let sameCoach else { return nil }
        return Weights(scheduled: scheduled, waitDay: waitDay, coAttendance: coAttendance, sameCoach: sameCoach)
    }

    private static func decodeSessions(_ nodes: [JSON], zone: Zone?, log: inout IssueLog) -> [Session]? {
        let allowed: Set = ["id", "coach", "location", "start", "end", "seats", "languages"]
        var sessions: [Session] = []
        var seen: [String: Int] = [:]
        var failed = false
        for (i, node) in nodes.enumerated() {
            let path = "sessions[\(i)]"
            guard var reader = FieldReader(node, path: path, allowed: allowed, log: &log) else {
                failed = true
                continue
            }
            let id = reader.name("id", required: true, log: &log)
            reader.id = id
            if let id, let first = seen.updateValue(i, forKey: id) {
                log.add(node, path + ".id", id: id, "repeats the id of sessions[\(first)]")
            }
            let coach = reader.name("coach", required: true, log: &log)
            let location = reader.name("location", required: true, log: &log)
            let span = reader.span(zone: zone, log: &log)
            let seats = reader.integer("seats", default: 1, in: 1...10_000, log: &log)
            let languages = decodeLanguages(reader, log: &log)
            guard let id, let coach, let location, let span, let seats, let zone, languages.valid else {
                failed = true
                continue
            }
            let day = zone.local(at: span.start).date
            sessions.append(
                Session(id: id, coach: coach, location: location, span: span, day: day, seats: seats, languages: languages.set))
        }
        guard !failed else { return nil }
        reportCoachOverlaps(sessions, nodes: nodes, log: &log)
        return sessions
    }

    /// The session's languages; `set` is `nil` when absent (every language).
    private static func decodeLanguages(_ reader: FieldReader, log: inout IssueLog) -> (valid: Bool, set: Set<String>?) {
        guard let elements = reader.array("languages", log: &log) else { return (!reader.has("languages"), nil) }
        var languages = Set<String>()
        for (j, element) in elements.enumerated() {
            guard case .string(let language) = element.value, !language.isEmpty else {
                log.add(element, reader.path("languages") + "[\(j)]", id: reader.id, "must be a non-empty string")
                return (false, nil)
            }
            languages.insert(language)
        }
        return (true, languages)
    }

    /// A coach cannot hold two sessions at once.
    private static func reportCoachOverlaps(_ sessions: [Session], nodes: [JSON], log: inout IssueLog) {
        let byCoach = Dictionary(grouping: sessions.indices, by: { sessions[$0].coach })
        for (_, indices) in byCoach.sorted(by: { $0.key < $1.key }) {
            let sorted = indices.sorted { sessions[$0].span.start < sessions[$1].span.start }
            var latest: Int?  // the index whose session ends last so far
            for index in sorted {
                if let previous = latest, sessions[previous].span.overlaps(sessions[index].span) {
                    log.add(
                        nodes[index], "sessions[\(index)]", id: sessions[index].id,
                        "overlaps session \(sessions[previous].id) of the same coach \(sessions[index].coach)")
                }
                if latest.map({ sessions[index].span.end > sessions[$0].span.end }) ?? true { latest = index }
            }
        }
    }

    private static func decodeConsultants(_ nodes: [JSON], zone: Zone?, log: inout IssueLog) -> [Consultant]? {
        var consultants: [Consultant] = []
        var seen: [String: Int] = [:]
        var failed = false
        for (i, node) in nodes.enumerated() {
            let path = "consultants[\(i)]"
            guard var reader = FieldReader(node, path: path, allowed: ["id", "busy"], log: &log) else {
                failed = true
                continue
            }
            let id = reader.name("id", required: true, log: &log)
            reader.id = id
            if let id, let first = seen.updateValue(i, forKey: id) {
                log.add(node, path + ".id", id: id, "repeats the id of consultants[\(first)]")
            }
            let busy = decodeSpans(reader, "busy", zone: zone, log: &log)
            guard let id, let busy else {
                failed = true
                continue
            }
            consultants.append(Consultant(id: id, busy: BusyCalendar(busy)))
        }
        return failed ? nil : consultants
    }

    static func decodeSpans(_ reader: FieldReader, _ key: String, zone: Zone?, log: inout IssueLog) -> [Span]? {
        guard let elements = reader.array(key, log: &log) else { return reader.has(key) ? nil : [] }
        var spans: [Span] = []
        var failed = false
        for (j, element) in elements.enumerated() {
            if let span = FieldReader.span(element, path: reader.path(key) + "[\(j)]", id: reader.id, zone: zone, log: &log) {
                spans.append(span)
            } else {
                failed = true
            }
        }
        return failed || zone == nil ? nil : spans
    }

    private static func decodeRequests(
        _ nodes: [JSON], zone: Zone?, grid: Int?, consultants: [Consultant]?, log: inout IssueLog
    ) -> [Request]? {
        let known = consultants.map { Set($0.map(\.id)) }
        var requests: [Request] = []
        var seen: [String: Int] = [:]
        var failed = false
        for (i, node) in nodes.enumerated() {
            let path = "requests[\(i)]"
            if let request = RequestDecoder.decode(node, path: path, zone: zone, grid: grid, consultants: known, log: &log) {
                if let first = seen.updateValue(i, forKey: request.id) {
                    log.add(node, path + ".id", id: request.id, "repeats the id of requests[\(first)]")
                }
                requests.append(request)
            } else {
                failed = true
            }
        }
        return failed ? nil : requests
    }
}
