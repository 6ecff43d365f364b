/// Reads `zitdag-scenario/1` files (see README, "Capacity simulation"): every problem is reported,
/// with its line and JSON path, before anything runs.
public enum ScenarioFile {
    public static let format = "zitdag-scenario/1"

    public static func decode(_ bytes: [UInt8]) throws(FormatError) -> Scenario {
        let json = try JSONParser.parseFile(bytes)
        var log = IssueLog()
        let scenario = ScenarioDecoder.decode(json, log: &log)
        guard let scenario, log.isEmpty else { throw FormatError(issues: log.issues) }
        return scenario
    }
}

enum ScenarioDecoder {
    static let weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    static func decode(_ json: JSON, log: inout IssueLog) -> Scenario? {
        let allowed: Set = [
            "format", "timezone", "start", "horizon_weeks", "warmup_weeks", "replications", "seed", "policy", "sessions", "demand", "levels",
            "attendance", "consultants", "languages", "minimum_notice_days", "service_from_next_week", "due_days", "no_show_rate",
            "cancellation_rate", "rebook_freed", "backfill", "weights", "cooldown_weeks", "walk_in", "held_back",
        ]
        guard let top = FieldReader(json, path: "", allowed: allowed, log: &log) else { return nil }
        if let format = top.string("format", required: true, log: &log), format != ScenarioFile.format {
            log.add(top.value("format", required: true, log: &log)!, "format", Text("must be \"\(ScenarioFile.format)\", got \"\(format)\""))
        }
        var zone: Zone? = .brussels
        if let identifier = top.string("timezone", log: &log) {
            zone = Zone(identifier: identifier)
            if zone == nil { log.add(top.value("timezone", required: false, log: &log)!, "timezone", Text("unknown time zone \"\(identifier)\"")) }
        }
        let start = top.date("start", required: true, log: &log)
        if let start, start.weekday != 1 {
            log.add(top.value("start", required: true, log: &log)!, "start", Text("must be a Monday, \(start) is a \(start.weekdayName)"))
        }
        let horizon = top.integer("horizon_weeks", default: 52, in: 1...Scenario.maximumWeeks, log: &log)
        let warmup = top.integer("warmup_weeks", default: 0, in: 0...(Scenario.maximumWeeks - 1), log: &log)
        if let horizon, let warmup, warmup >= horizon {
            log.add(top.value("warmup_weeks", required: false, log: &log)!, "warmup_weeks", Text("must be less than horizon_weeks (\(horizon))"))
        }
        let replications = top.integer("replications", default: 100, in: 1...100_000, log: &log)
        let seed = top.integer("seed", default: 1, in: 0...Int.max, log: &log)
        var policy: Scenario.Policy? = .online
        if let text = top.string("policy", log: &log) {
            policy = Scenario.Policy(rawValue: text)
            if policy == nil { log.add(top.value("policy", required: false, log: &log)!, "policy", Text("must be online or weekly, got \"\(text)\"")) }
        }
        var folder: String?
        let sessions = decodeSessions(top, folder: &folder, log: &log)
        let demand = decodeDemand(top, horizon: horizon ?? 52, log: &log)
        let levels = decodeLevels(top, sessions: sessions, log: &log)
        let attendance = decodeShares(top, "attendance", keys: ["required", "preferred", "none"], log: &log)
        let consultants = decodeConsultants(top, log: &log)
        let languages = top.has("languages") ? decodeShares(top, "languages", keys: nil, log: &log) : []
        let notice = top.integer("minimum_notice_days", default: 1, in: 0...365, log: &log)
        let nextWeek = top.has("service_from_next_week") ? top.bool("service_from_next_week", log: &log) : false
        let due = top.integer("due_days", default: 28, in: 0...3650, log: &log)
        let noShow = top.number("no_show_rate", default: 0, in: 0...1, log: &log)
        let cancellation = top.number("cancellation_rate", default: 0, in: 0...1, log: &log)
        // `backfill` is the newer name of `rebook_freed`: one of them.
        if top.has("backfill") && top.has("rebook_freed") {
            log.add(top.value("backfill", required: false, log: &log)!, "backfill", Text("give backfill or rebook_freed (its older name), not both"))
        }
        let rebookKey = top.has("backfill") ? "backfill" : "rebook_freed"
        let rebook = top.has(rebookKey) ? top.bool(rebookKey, log: &log) : true
        let walkIn = decodeWalkIn(top, log: &log)
        let heldBack = decodeHeldBack(top, log: &log)
        let weights = ProblemDecoder.decodeWeights(top, log: &log)
        let cooldown = top.integer("cooldown_weeks", default: 13, in: 0...Scenario.maximumWeeks, log: &log)
        if let languages, let sessions, !sessions.isEmpty, !languages.isEmpty {
            for (language, _) in languages where !sessions.contains(where: { $0.languages?.contains(language) ?? true }) {
                log.add(top.value("languages", required: false, log: &log)!, "languages.\(language)", Text("no session serves \(language)"))
            }
        }
        guard let zone, let start, let horizon, let warmup, let replications, let seed, let policy, let sessions, let demand, let levels,
            let attendance, let consultants, let languages, let notice, let nextWeek, let due, let noShow, let cancellation, let rebook,
            let weights, let cooldown, let walkIn, let heldBack
        else { return nil }
        if attendance[0].share + attendance[1].share > 0 && consultants.count == 0 {
            log.add(top.value("consultants", required: true, log: &log) ?? json, "consultants.count", Text("must be at least 1 when some requests want a consultant along"))
            return nil
        }
        var scenario = Scenario(
            zone: zone, start: start, horizonWeeks: horizon, warmupWeeks: warmup, replications: replications, seed: UInt64(seed), policy: policy,
            sessions: sessions, ratePerWeek: demand.rate, rateChanges: demand.changes, levels: levels,
            attendance: (attendance[0].share, attendance[1].share, attendance[2].share), consultants: consultants.count,
            consultantBusyShare: consultants.busy, languages: languages, minimumNoticeDays: notice, serviceFromNextWeek: nextWeek, dueDays: due,
            noShowRate: noShow, cancellationRate: cancellation, rebookFreed: rebook)
        scenario.calendarFolder = folder
        scenario.weights = weights
        scenario.cooldownWeeks = cooldown
        scenario.walkIn = walkIn
        scenario.heldBack = heldBack
        return scenario
    }

    /// The optional `walk_in` object: `per_hour`, `service_minutes`, `service` (`exponential` or
    /// `fixed`), and what every half-day keeps: `minutes` at its end on every seat, or `seats` all of it.
    private static func decodeWalkIn(_ top: FieldReader, log: inout IssueLog) -> Scenario.WalkIn?? {  // .some(nil): absent; nil: broken
        guard let node = top.value("walk_in", required: false, log: &log) else { return .some(nil) }
        guard let reader = FieldReader(node, path: "walk_in", allowed: ["per_hour", "service_minutes", "service", "minutes", "seats"], log: &log)
        else { return nil }
        let perHour = reader.number("per_hour", in: 0...1_000, log: &log)
        let service = reader.number("service_minutes", in: 1...600, log: &log)
        var exponential: Bool? = true
        if let kind = reader.string("service", log: &log) {
            exponential = ["exponential": true, "fixed": false][kind]
            if exponential == nil { log.add(reader.value("service", required: false, log: &log)!, "walk_in.service", Text("must be exponential or fixed, got \"\(kind)\"")) }
        }
        if reader.has("minutes") == reader.has("seats") {
            log.add(node, "walk_in", Text("give minutes (at the end of every half-day, every seat) or seats (all of it), one of them"))
            return nil
        }
        let minutes = reader.integer("minutes", default: 0, in: 0...1_440, log: &log)
        if let minutes, minutes % 15 != 0 { log.add(reader.value("minutes", required: false, log: &log)!, "walk_in.minutes", Text("must be on the 15-minute grid")) }
        let seats = reader.has("seats") ? reader.integer("seats", in: 1...100, log: &log) : 0
        guard let perHour, let service, let exponential, let minutes, minutes % 15 == 0, let seats else { return nil }
        return Scenario.WalkIn(minutes: minutes, seats: seats > 0 ? seats : nil, queue: WalkInQueue(perHour: perHour, serviceMinutes: service, exponential: exponential))
    }

    /// The optional `held_back` object: `seats` of every half-day held for urgent bookings until
    /// `release_days` (default 2) before it, and `urgent_per_week` cases that take them (default 0).
    private static func decodeHeldBack(_ top: FieldReader, log: inout IssueLog) -> Scenario.HeldBack?? {  // .some(nil): absent; nil: broken
        guard let node = top.value("held_back", required: false, log: &log) else { return .some(nil) }
        guard let reader = FieldReader(node, path: "held_back", allowed: ["seats", "release_days", "urgent_per_week"], log: &log) else { return nil }
        let seats = reader.integer("seats", in: 1...100, log: &log)
        let release = reader.integer("release_days", default: 2, in: 0...365, log: &log)
        let urgent = reader.number("urgent_per_week", default: 0, in: 0...10_000, log: &log)
        guard let seats, let release, let urgent else { return nil }
        return Scenario.HeldBack(seats: seats, releaseDays: release, urgentPerWeek: urgent)
    }

    /// The inline weekly pattern, or `[]` with `folder` set when `sessions` names a folder of calendars.
    private static func decodeSessions(_ top: FieldReader, folder: inout String?, log: inout IssueLog) -> [Scenario.WeeklySession]? {
        if let node = top.value("sessions", required: true, log: &log), case .string(let path) = node.value {
            guard !path.isEmpty else {
                log.add(node, "sessions", Text("must name a folder of calendars or list weekly half-days"))
                return nil
            }
            folder = path
            return []
        }
        guard let nodes = top.array("sessions", required: true, log: &log) else { return nil }
        if nodes.isEmpty { log.add(top.value("sessions", required: true, log: &log)!, "sessions", Text("must list at least one weekly half-day")) }
        var sessions: [Scenario.WeeklySession] = []
        var failed = false
        for (i, node) in nodes.enumerated() {
            let path = "sessions[\(i)]"
            guard let reader = FieldReader(node, path: path, allowed: ["coach", "location", "weekday", "start", "end", "seats", "languages"], log: &log)
            else {
                failed = true
                continue
            }
            let coach = reader.name("coach", required: true, log: &log)
            let location = reader.name("location", required: true, log: &log)
            let day = reader.string("weekday", required: true, log: &log)
            let weekday = day.flatMap { weekdays.firstIndex(of: $0.lowercased()) }.map { $0 + 1 }
            if let day, weekday == nil { log.add(reader.value("weekday", required: true, log: &log)!, reader.path("weekday"), Text("must be mon ... sun, got \"\(day)\"")) }
            let start = reader.clockTime("start", log: &log)
            let end = reader.clockTime("end", log: &log)
            if let start, let end, end <= start { log.add(reader.value("end", required: true, log: &log)!, reader.path("end"), Text("must be after start")) }
            if let start, let end, start % 900 != 0 || end % 900 != 0 {
                log.add(reader.value("start", required: true, log: &log)!, path, Text("start and end must be on the 15-minute grid"))
            }
            let seats = reader.integer("seats", default: 1, in: 1...100, log: &log)
            let languages = ProblemDecoder.decodeLanguages(reader, log: &log)
            guard let coach, let location, let weekday, let start, let end, end > start, let seats, languages.valid else {
                failed = true
                continue
            }
            sessions.append(Scenario.WeeklySession(
                coach: coach, location: location, weekday: weekday, start: start, end: end, seats: seats, languages: languages.set))
        }
        return failed || sessions.isEmpty ? nil : sessions
    }

    private static func decodeDemand(_ top: FieldReader, horizon: Int, log: inout IssueLog) -> (rate: Double, changes: [(fromWeek: Int, ratePerWeek: Double)])? {
        guard let node = top.value("demand", required: true, log: &log),
            let reader = FieldReader(node, path: "demand", allowed: ["per_week", "changes"], log: &log)
        else { return nil }
        let rate = reader.number("per_week", in: 0...10_000, log: &log)
        var changes: [(fromWeek: Int, ratePerWeek: Double)] = []
        var failed = false
        for (i, change) in (reader.array("changes", log: &log) ?? []).enumerated() {
            guard let item = FieldReader(change, path: "demand.changes[\(i)]", allowed: ["from_week", "per_week"], log: &log) else {
                failed = true
                continue
            }
            let week = item.integer("from_week", in: 0...(horizon - 1), log: &log)
            let perWeek = item.number("per_week", in: 0...10_000, log: &log)
            guard let week, let perWeek else {
                failed = true
                continue
            }
            changes.append((week, perWeek))
        }
        guard let rate, !failed else { return nil }
        return (rate, changes)
    }

    private static func decodeLevels(_ top: FieldReader, sessions: [Scenario.WeeklySession]?, log: inout IssueLog) -> [Scenario.Level]? {
        guard let nodes = top.array("levels", required: true, log: &log) else { return nil }
        var levels: [Scenario.Level] = []
        var failed = false
        for (i, node) in nodes.enumerated() {
            let allowed: Set = ["name", "share", "appointments", "duration_minutes", "min_gap_days", "max_gap_days"]
            guard let reader = FieldReader(node, path: "levels[\(i)]", allowed: allowed, log: &log) else {
                failed = true
                continue
            }
            let name = reader.name("name", required: true, log: &log)
            let share = reader.number("share", in: 0...1, log: &log)
            let appointments = reader.integer("appointments", default: 1, in: 1...20, log: &log)
            let duration = reader.integer("duration_minutes", default: 60, in: 15...600, log: &log)
            if let duration, duration % 15 != 0 {
                log.add(reader.value("duration_minutes", required: false, log: &log)!, reader.path("duration_minutes"), Text("must be a multiple of 15"))
            }
            let minGap = reader.integer("min_gap_days", default: 7, in: 0...365, log: &log)
            let maxGap = reader.integer("max_gap_days", default: 14, in: 0...365, log: &log)
            if let minGap, let maxGap, maxGap < minGap {
                log.add(reader.value("max_gap_days", required: false, log: &log) ?? node, reader.path("max_gap_days"), Text("must be at least min_gap_days (\(minGap))"))
            }
            if let duration, let sessions, !sessions.isEmpty, !sessions.contains(where: { $0.end - $0.start >= duration * 60 }) {
                log.add(node, reader.path("duration_minutes"), Text("no session is long enough for \(duration) minutes"))
            }
            guard let name, let share, let appointments, let duration, duration % 15 == 0, let minGap, let maxGap, maxGap >= minGap else {
                failed = true
                continue
            }
            levels.append(Scenario.Level(name: name, share: share, appointments: appointments, durationMinutes: duration, gapDays: minGap...maxGap))
        }
        if !failed, levels.isEmpty { log.add(top.value("levels", required: true, log: &log)!, "levels", Text("must list at least one level")) }
        if !failed, !levels.isEmpty, abs(levels.map(\.share).reduce(0, +) - 1) > 1e-6 {
            log.add(top.value("levels", required: true, log: &log)!, "levels", Text("shares must add up to 1, they add up to \(levels.map(\.share).reduce(0, +))"))
            return nil
        }
        return failed || levels.isEmpty ? nil : levels
    }

    /// An object of shares (`keys` fixed, or any names) that must add up to 1.
    private static func decodeShares(_ top: FieldReader, _ name: String, keys: [String]?, log: inout IssueLog) -> [(language: String, share: Double)]? {
        guard let node = top.value(name, required: true, log: &log) else { return nil }
        guard case .object(let pairs) = node.value else {
            log.add(node, name, Text("must be an object of shares"))
            return nil
        }
        let names = keys ?? pairs.map(\.key)
        guard let reader = FieldReader(node, path: name, allowed: Set(names), log: &log) else { return nil }
        var shares: [(language: String, share: Double)] = []
        for key in names {
            guard let share = reader.number(key, default: keys == nil ? nil : 0, in: 0...1, log: &log) else { return nil }
            shares.append((key, share))
        }
        let total = shares.map(\.share).reduce(0, +)
        guard abs(total - 1) <= 1e-6 else {
            log.add(node, name, Text("shares must add up to 1, they add up to \(total)"))
            return nil
        }
        return shares
    }

    private static func decodeConsultants(_ top: FieldReader, log: inout IssueLog) -> (count: Int, busy: Double)? {
        guard let node = top.value("consultants", required: false, log: &log) else { return (0, 0) }
        guard let reader = FieldReader(node, path: "consultants", allowed: ["count", "busy_share"], log: &log) else { return nil }
        let count = reader.integer("count", in: 0...10_000, log: &log)
        let busy = reader.number("busy_share", default: 0, in: 0...1, log: &log)
        guard let count, let busy else { return nil }
        return (count, busy)
    }
}
