/// Collects the issues found while reading a file, so a user sees all of them at once.
struct IssueLog {
    private(set) var issues: [FormatIssue] = []

    mutating func add(_ node: JSON, _ path: String, id: String? = nil, _ message: Text) {
        issues.append(FormatIssue(line: node.line, path: path, id: id, message: message))
    }

    var isEmpty: Bool { issues.isEmpty }
}

/// Reads the members of one JSON object by name, reporting missing keys,
/// wrong types and unknown keys with their JSON path.
struct FieldReader {
    let node: JSON
    let path: String
    /// The object's id, once read, to name it in later issues.
    var id: String?
    private let members: [String: JSON]

    /// Reads `node` as an object; unknown keys are reported at once.
    init?(_ node: JSON, path: String, allowed: Set<String>, log: inout IssueLog) {
        guard case .object(let pairs) = node.value else {
            log.add(node, path, Text("must be an object, got \(node.kindName)"))
            return nil
        }
        self.node = node
        self.path = path
        self.members = Dictionary(pairs.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        for (key, value) in pairs where !allowed.contains(key) {
            log.add(value, self.path(key), Text("unknown key \"\(key)\" (allowed: \(allowed.sorted().joined(separator: ", ")))"))
        }
    }

    func path(_ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    func has(_ key: String) -> Bool {
        members[key] != nil
    }

    /// The raw value, or `nil` (reported when `required`).
    func value(_ key: String, required: Bool, log: inout IssueLog) -> JSON? {
        if let value = members[key] { return value }
        if required { log.add(node, path(key), id: id, Text("missing required key \"\(key)\"")) }
        return nil
    }

    func string(_ key: String, required: Bool = false, log: inout IssueLog) -> String? {
        guard let value = value(key, required: required, log: &log) else { return nil }
        guard case .string(let text) = value.value else {
            log.add(value, path(key), id: id, Text("must be a string, got \(value.kindName)"))
            return nil
        }
        return text
    }

    /// A non-empty string, as ids and names must be.
    func name(_ key: String, required: Bool = false, log: inout IssueLog) -> String? {
        guard let text = string(key, required: required, log: &log) else { return nil }
        guard !text.isEmpty else {
            log.add(members[key]!, path(key), id: id, Text("must not be empty"))
            return nil
        }
        return text
    }

    /// An integer in `range`; `default` when absent.
    func integer(
        _ key: String, default fallback: Int? = nil, in range: ClosedRange<Int> = Int.min...Int.max,
        log: inout IssueLog
    ) -> Int? {
        guard let value = value(key, required: fallback == nil, log: &log) else { return fallback }
        guard case .integer(let number) = value.value else {
            log.add(value, path(key), id: id, Text("must be an integer, got \(value.kindName)"))
            return nil
        }
        guard range.contains(number) else {
            log.add(value, path(key), id: id, Text("must be \(describe(range)), got \(number)"))
            return nil
        }
        return number
    }

    /// A number (integer or fraction) in `range`; `default` when absent.
    func number(_ key: String, default fallback: Double? = nil, in range: ClosedRange<Double>, log: inout IssueLog) -> Double? {
        guard let value = value(key, required: fallback == nil, log: &log) else { return fallback }
        let number: Double
        switch value.value {
        case .integer(let whole): number = Double(whole)
        case .number(let fraction): number = fraction
        default:
            log.add(value, path(key), id: id, Text("must be a number, got \(value.kindName)"))
            return nil
        }
        guard range.contains(number) else {
            log.add(value, path(key), id: id, Text("must be from \(range.lowerBound) to \(range.upperBound), got \(number)"))
            return nil
        }
        return number
    }

    /// `HH:MM` as seconds after midnight (24:00 allowed, for an end).
    func clockTime(_ key: String, log: inout IssueLog) -> Int? {
        guard let text = string(key, required: true, log: &log) else { return nil }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]),
            (0...24).contains(hour), (0..<60).contains(minute), hour * 60 + minute <= 24 * 60
        else {
            log.add(members[key]!, path(key), id: id, Text("\"\(text)\" is not a time HH:MM"))
            return nil
        }
        return (hour * 60 + minute) * 60
    }

    func bool(_ key: String, required: Bool = false, log: inout IssueLog) -> Bool? {
        guard let value = value(key, required: required, log: &log) else { return nil }
        guard case .bool(let flag) = value.value else {
            log.add(value, path(key), id: id, Text("must be true or false, got \(value.kindName)"))
            return nil
        }
        return flag
    }

    func array(_ key: String, required: Bool = false, log: inout IssueLog) -> [JSON]? {
        guard let value = value(key, required: required, log: &log) else { return nil }
        guard case .array(let elements) = value.value else {
            log.add(value, path(key), id: id, Text("must be an array, got \(value.kindName)"))
            return nil
        }
        return elements
    }

    func date(_ key: String, required: Bool = false, log: inout IssueLog) -> LocalDate? {
        guard let text = string(key, required: required, log: &log) else { return nil }
        guard let date = LocalDate(iso: text) else {
            log.add(members[key]!, path(key), id: id, Text("\"\(text)\" is not a date YYYY-MM-DD"))
            return nil
        }
        return date
    }

    /// A wall-clock time read in `zone` (skipped when the zone is unknown).
    func instant(_ key: String, zone: Zone?, log: inout IssueLog) -> Instant? {
        guard let text = string(key, required: true, log: &log) else { return nil }
        guard let local = LocalDateTime(iso: text) else {
            log.add(members[key]!, path(key), id: id, Text("\"\(text)\" is not a local time YYYY-MM-DDTHH:MM:SS"))
            return nil
        }
        guard let zone else { return nil }
        guard let instant = zone.instant(for: local) else {
            log.add(
                members[key]!, path(key), id: id,
                Text("\(text) does not exist in \(zone.identifier) (the clocks skip it when summer time starts)"))
            return nil
        }
        return instant
    }

    /// `[start, end)` from an object with `start` and `end`.
    static func span(_ node: JSON, path: String, id: String?, zone: Zone?, log: inout IssueLog) -> Span? {
        guard var reader = FieldReader(node, path: path, allowed: ["start", "end"], log: &log) else { return nil }
        reader.id = id
        return reader.span(zone: zone, log: &log)
    }

    /// The same for an object of just `start` and `end`, both wall-clock times in `zone` and `end`
    /// after `start`; `nil` for anything else, which ``span(_:path:id:zone:log:)`` then reads and
    /// reports. A large problem file holds hundreds of thousands of spans: this reads them without
    /// a dictionary of members or a path, which only an issue needs.
    static func plainSpan(_ node: JSON, zone: Zone) -> Span? {
        guard case .object(let pairs) = node.value, pairs.count == 2 else { return nil }
        var start: Instant?
        var end: Instant?
        for (key, value) in pairs {
            guard case .string(let text) = value.value, let local = LocalDateTime(iso: text),
                let instant = zone.instant(for: local)
            else { return nil }
            switch key {
            case "start" where start == nil: start = instant
            case "end" where end == nil: end = instant
            default: return nil
            }
        }
        guard let start, let end, start < end else { return nil }
        return Span(start: start, end: end)
    }

    /// `start` and `end` of this object as a span; `end` must come after `start`.
    func span(zone: Zone?, log: inout IssueLog) -> Span? {
        let start = instant("start", zone: zone, log: &log)
        let end = instant("end", zone: zone, log: &log)
        guard let start, let end else { return nil }
        guard start < end else {
            log.add(members["end"]!, path("end"), id: id, Text("must be after start"))
            return nil
        }
        return Span(start: start, end: end)
    }
}

private func describe(_ range: ClosedRange<Int>) -> String {
    switch (range.lowerBound, range.upperBound) {
    case (Int.min, Int.max): "an integer"
    case (let low, Int.max): "at least \(low)"
    case (Int.min, let high): "at most \(high)"
    case (let low, let high): "from \(low) to \(high)"
    }
}
