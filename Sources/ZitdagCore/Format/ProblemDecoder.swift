/// Turns a parsed problem file into a ``Problem``, checking every rule of the
/// format: types, defaults, ranges and the cross-references between ids.
enum ProblemDecoder {
    static func decode(_ json: JSON, log: inout IssueLog) -> Problem? {
        let allowed: Set = ["format", "timezone", "grid_minutes", "weights", "sessions", "consultants", "requests", "today"]
        guard let top = FieldReader(json, path: "", allowed: allowed, log: &log) else { return nil }
        if let format = top.string("format", required: true, log: &log), format != ProblemFile.format {
            log.add(top.value("format", required: true, log: &log)!, "format", Text("must be \"\(ProblemFile.format)\", got \"\(format)\""))
        }
        var zone: Zone?
        if let identifier = top.string("timezone", required: true, log: &log) {
            zone = Zone(identifier: identifier)
            if zone == nil {
                log.add(top.value("timezone", required: true, log: &log)!, "timezone", Text("unknown time zone \"\(identifier)\""))
            }
        }
        let grid = top.integer("grid_minutes", default: 15, in: 1...1440, log: &log)
        let weights = decodeWeights(top, log: &log)
        let today = top.date("today", log: &log)
        let sessions = top.array("sessions", required: true, log: &log).flatMap { decodeSessions($0, zone: zone, grid: grid, log: &log) }
        let consultants = top.array("consultants", required: true, log: &log).flatMap {
            decodeConsultants($0, zone: zone, log: &log)
        }
        let requests = top.array("requests", required: true, log: &log).flatMap {
            decodeRequests($0, zone: zone, grid: grid, consultants: consultants, log: &log)
        }
        guard let zone, let grid, let weights, let sessions, let consultants, let requests, today != nil || !top.has("today") else {
            return nil
        }
        return Problem(
            zone: zone, gridMinutes: grid, weights: weights, sessions: sessions, consultants: consultants,
            requests: requests, today: today)
    }

    /// The optional `weights` object of a problem (or scenario) file; each weight missing takes its default.
    static func decodeWeights(_ top: FieldReader, log: inout IssueLog) -> Weights? {
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

    private static func decodeSessions(_ nodes: [JSON], zone: Zone?, grid: Int?, log: inout IssueLog) -> [Session]? {
        let allowed: Set = ["id", "coach", "location", "start", "end", "seats", "languages", "reserved"]
        let sessions = decodeEach(nodes, "sessions", allowed: allowed, log: &log) { reader, log -> Session? in
            let coach = reader.name("coach", required: true, log: &log)
            let location = reader.name("location", required: true, log: &log)
            let span = reader.span(zone: zone, log: &log)
            let seats = reader.integer("seats", default: 1, in: 1...10_000, log: &log)
            let languages = decodeLanguages(reader, log: &log)
            guard let id = reader.id, let coach, let location, let span, let seats, let zone, languages.valid else { return nil }
            var session = Session(
                id: id, coach: coach, location: location, span: span, day: zone.local(at: span.start).date, seats: seats,
                languages: languages.set)
            guard let reserved = decodeReservations(reader, session: session, zone: zone, log: &log) else { return nil }
            session.reserved = reserved
            if let grid, let problem = session.reservationProblem(gridMinutes: grid) {
                log.add(reader.value("reserved", required: false, log: &log)!, reader.path("reserved"), id: id, problem)
                return nil
            }
            return session
        }
        if let sessions { reportCoachOverlaps(sessions, nodes: nodes, log: &log) }
        return sessions
    }

    /// The session's optional `reserved` list: `channel` (`walk_in` or `urgent`), `start` and `end`
    /// (default: the whole session), `seats` (default: all), `release_days` (`urgent` only, default 2).
    private static func decodeReservations(_ reader: FieldReader, session: Session, zone: Zone, log: inout IssueLog) -> [Reservation]? {
        guard let elements = reader.array("reserved", log: &log) else { return reader.has("reserved") ? nil : [] }
        var reserved: [Reservation] = []
        var failed = false
        for (j, element) in elements.enumerated() {
            let path = reader.path("reserved") + "[\(j)]"
            guard var item = FieldReader(element, path: path, allowed: ["channel", "start", "end", "seats", "release_days"], log: &log) else {
                failed = true
                continue
            }
            item.id = reader.id
            var channel: Reservation.Channel?
            if let text = item.string("channel", required: true, log: &log) {
                channel = Reservation.Channel(rawValue: text)
                if channel == nil { log.add(item.value("channel", required: true, log: &log)!, item.path("channel"), id: reader.id, Text("must be walk_in or urgent, got \"\(text)\"")) }
            }
            let span = item.has("start") || item.has("end") ? item.span(zone: zone, log: &log) : session.span
            let seats = item.integer("seats", default: session.seats, in: 1...10_000, log: &log)
            let releaseDays = item.integer("release_days", default: 2, in: 0...365, log: &log)
            if channel == .walkIn, item.has("release_days") {
                log.add(item.value("release_days", required: false, log: &log)!, item.path("release_days"), id: reader.id, Text("is for channel urgent only"))
                failed = true
            }
            guard let channel, let span, let seats, let releaseDays else {
                failed = true
                continue
            }
            reserved.append(Reservation(channel, span: span, seats: seats, releaseDays: releaseDays))
        }
        return failed ? nil : reserved
    }

    /// Reads an array of objects that each have an `id`, reporting repeated ids; `element` reads the
    /// rest of each one from a reader whose `id` is set (when it could be read).
    private static func decodeEach<Element>(
        _ nodes: [JSON], _ name: String, allowed: Set<String>, log: inout IssueLog,
        _ element: (FieldReader, inout IssueLog) -> Element?
    ) -> [Element]? {
        var elements: [Element] = []
        var seen: [String: Int] = [:]
        var failed = false
        for (i, node) in nodes.enumerated() {
            let path = "\(name)[\(i)]"
            guard var reader = FieldReader(node, path: path, allowed: allowed, log: &log) else {
                failed = true
                continue
            }
            reader.id = reader.name("id", required: true, log: &log)
            if let id = reader.id, let first = seen.updateValue(i, forKey: id) {
                log.add(node, path + ".id", id: id, Text("repeats the id of \(name)[\(first)]"))
            }
            if let value = element(reader, &log) { elements.append(value) } else { failed = true }
        }
        return failed ? nil : elements
    }

    /// The session's languages; `set` is `nil` when absent (every language).
    static func decodeLanguages(_ reader: FieldReader, log: inout IssueLog) -> (valid: Bool, set: Set<String>?) {
        guard let elements = reader.array("languages", log: &log) else { return (!reader.has("languages"), nil) }
        var languages = Set<String>()
        for (j, element) in elements.enumerated() {
            guard case .string(let language) = element.value, !language.isEmpty else {
                log.add(element, reader.path("languages") + "[\(j)]", id: reader.id, Text("must be a non-empty string"))
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
                        Text("overlaps session \(sessions[previous].id) of the same coach \(sessions[index].coach)"))
                }
                if latest.map({ sessions[index].span.end > sessions[$0].span.end }) ?? true { latest = index }
            }
        }
    }

    private static func decodeConsultants(_ nodes: [JSON], zone: Zone?, log: inout IssueLog) -> [Consultant]? {
        decodeEach(nodes, "consultants", allowed: ["id", "busy"], log: &log) { reader, log in
            let busy = decodeSpans(reader, "busy", zone: zone, log: &log)
            guard let id = reader.id, let busy else { return nil }
            return Consultant(id: id, busy: BusyCalendar(busy))
        }
    }

    static func decodeSpans(_ reader: FieldReader, _ key: String, zone: Zone?, log: inout IssueLog) -> [Span]? {
        guard let elements = reader.array(key, log: &log) else { return reader.has(key) ? nil : [] }
        var spans: [Span] = []
        var failed = false
        for (j, element) in elements.enumerated() {
            if let zone, let span = FieldReader.plainSpan(element, zone: zone) {
                spans.append(span)
            } else if let span = FieldReader.span(element, path: reader.path(key) + "[\(j)]", id: reader.id, zone: zone, log: &log) {
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
        return decodeEach(nodes, "requests", allowed: RequestDecoder.allowed, log: &log) { reader, log in
            RequestDecoder.decode(reader, zone: zone, grid: grid, consultants: known, log: &log)
        }
    }
}
