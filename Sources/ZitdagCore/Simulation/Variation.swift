/// One knob a coordinator turns to compare scenarios: `seats=1,2`, `halfdays=2,3,4`, `halfdays=+1`,
/// `add=thu-09:00,wed-13:30`, `rate=4,6,8` or `walkin=0,1h,2h,1seat`.
public struct Variation: Sendable, Hashable {
    public enum Knob: String, Sendable, CaseIterable {
        /// Seats of every half-day.
        case seats
        /// The first N weekly half-days of the scenario's list, or `+N`: the scenario's and N more
        /// like its first, on the first weekdays its coach has none.
        case halfdays
        /// The scenario's half-days and one more like its first, at a named weekday and time.
        case add
        /// New requests per week (changes over the horizon scale with it).
        case rate
        /// What every half-day keeps for walk-in: a time at its end on every seat (`0`, `30m`, `1h`,
        /// `90m`), or seats all of it (`1seat`, `2seats`); who comes is the scenario's `walk_in`.
        case walkin
    }

    public var knob: Knob
    public var values: [String]

    /// Parses `NAME=V1,V2,...`; the reason when it cannot.
    public static func parse(_ text: String) -> Result<Variation, VariationError> {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, let knob = Knob(rawValue: parts[0]) else {
            return .failure(VariationError(Text("\"\(text)\" is not seats=..., halfdays=..., add=..., rate=... or walkin=...")))
        }
        let values = parts[1].split(separator: ",").map(String.init)
        let example = switch knob {
        case .seats: "1,2"
        case .halfdays: "2,3 or +1"
        case .add: "thu-09:00,wed-13:30"
        case .rate: "4,6,8"
        case .walkin: "0,1h,90m,1seat"
        }
        guard !values.isEmpty, values.allSatisfy({ Self.isValid($0, for: knob) }) else {
            return .failure(VariationError(Text("\(knob.rawValue): \"\(parts[1])\" is not a list such as \(example)")))
        }
        return .success(Variation(knob: knob, values: values))
    }

    private static func isValid(_ value: String, for knob: Knob) -> Bool {
        switch knob {
        case .seats: Int(value).map { $0 >= 1 } ?? false
        case .halfdays: Int(value.hasPrefix("+") ? String(value.dropFirst()) : value).map { $0 >= (value.hasPrefix("+") ? 0 : 1) } ?? false
        case .add: weeklyTime(value) != nil
        case .rate: Double(value).map { $0 >= 0 && $0.isFinite } ?? false
        case .walkin: walkIn(value) != nil
        }
    }

    /// `0`, `45m`, `1h`, `1h30m` as minutes at the end of every half-day; `1seat`, `2seats` as seats.
    static func walkIn(_ text: String) -> (minutes: Int, seats: Int?)? {
        if text.hasSuffix("seat") || text.hasSuffix("seats") {
            let number = text.hasSuffix("seats") ? text.dropLast(5) : text.dropLast(4)
            return Int(number).flatMap { $0 >= 1 ? (0, $0) : nil }
        }
        if text == "0" { return (0, nil) }
        var minutes = 0
        var rest = Substring(text)
        if let h = rest.firstIndex(of: "h") {
            guard let hours = Int(rest[..<h]), hours >= 0 else { return nil }
            minutes = hours * 60
            rest = rest[rest.index(after: h)...]
        }
        if !rest.isEmpty {
            guard rest.hasSuffix("m"), let extra = Int(rest.dropLast()), extra >= 0 else { return nil }
            minutes += extra
        }
        return minutes > 0 || text.hasPrefix("0") ? (minutes, nil) : nil
    }

    /// `thu-09:00` as (weekday 1...7, seconds after midnight).
    static func weeklyTime(_ text: String) -> (weekday: Int, start: Int)? {
        let parts = text.split(separator: "-").map(String.init)
        guard parts.count == 2, let weekday = ScenarioDecoder.weekdays.firstIndex(of: parts[0].lowercased()) else { return nil }
        let clock = parts[1].split(separator: ":").compactMap { Int($0) }
        guard clock.count == 2, (0..<24).contains(clock[0]), (0..<60).contains(clock[1]) else { return nil }
        return (weekday + 1, clock[0] * 3600 + clock[1] * 60)
    }

    /// The scenario with the knob at `value` and, when it adds or drops half-days, which ones; or why it cannot be.
    public func apply(_ value: String, to scenario: Scenario) -> Result<(scenario: Scenario, change: String?), VariationError> {
        var varied = scenario
        switch knob {
        case .seats:
            let seats = Int(value)!
            varied.sessions = scenario.sessions.map { var s = $0; s.seats = seats; return s }
            varied.calendarSessions = scenario.calendarSessions?.map { var s = $0; s.seats = seats; return s }
            return .success((varied, nil))
        case .walkin:
            guard var walkIn = scenario.walkIn else {
                return .failure(VariationError(Text("walkin needs the scenario's walk_in: who comes, and how long they are helped")))
            }
            let kept = Self.walkIn(value)!
            guard kept.minutes % scenario.gridMinutes == 0 else {
                return .failure(VariationError(Text("walkin=\(value): not on the \(scenario.gridMinutes)-minute grid")))
            }
            (walkIn.minutes, walkIn.seats) = kept
            varied.walkIn = walkIn
            return .success((varied, nil))
        case .rate:
            let rate = Double(value)!
            let factor = scenario.ratePerWeek > 0 ? rate / scenario.ratePerWeek : 0
            varied.ratePerWeek = rate
            varied.rateChanges = scenario.rateChanges.map { ($0.fromWeek, $0.ratePerWeek * factor) }
            return .success((varied, nil))
        case .halfdays, .add:
            guard scenario.calendarSessions == nil, let first = scenario.sessions.first else {
                return .failure(VariationError(Text("\(knob.rawValue) needs the scenario's own weekly half-days, not calendars")))
            }
            if knob == .add {
                let (weekday, start) = Self.weeklyTime(value)!
                var added = first
                (added.weekday, added.start, added.end) = (weekday, start, start + first.end - first.start)
                guard start % (scenario.gridMinutes * 60) == 0 else {
                    return .failure(VariationError(Text("add=\(value): the start is off the \(scenario.gridMinutes)-minute grid")))
                }
                guard added.end <= 86_400 else { return .failure(VariationError(Text("add=\(value): a half-day like the first would end after midnight"))) }
                varied.sessions.append(added)
                return .success((varied, "adds " + Self.describe(added)))
            }
            if value.hasPrefix("+") {
                let wanted = Int(value.dropFirst())!
                let extra = Self.extraHalfDays(wanted, like: first, besides: scenario.sessions)
                guard extra.count == wanted else {
                    return .failure(VariationError(Text("halfdays=\(value): \(first.coach) has no \(wanted) free weekdays at \(Self.clock(first.start))")))
                }
                varied.sessions += extra
                return .success((varied, extra.isEmpty ? nil : "adds " + extra.map(Self.describe).joined(separator: ", ")))
            }
            let count = Int(value)!
            guard count <= scenario.sessions.count else {
                return .failure(VariationError(
                    Text("halfdays=\(count): the scenario lists \(scenario.sessions.count) half-days; halfdays=+\(count - scenario.sessions.count) adds to them")))
            }
            varied.sessions = Array(scenario.sessions.prefix(count))
            let dropped = scenario.sessions.dropFirst(count)
            return .success((varied, dropped.isEmpty ? nil : "drops " + dropped.map(Self.describe).joined(separator: ", ")))
        }
    }

    /// `count` half-days like `first` (its coach, place, times and seats) on the first weekdays, Monday
    /// to Friday, on which that coach holds none of `sessions`.
    static func extraHalfDays(_ count: Int, like first: Scenario.WeeklySession, besides sessions: [Scenario.WeeklySession]) -> [Scenario.WeeklySession] {
        let busy = Set(sessions.filter { $0.coach == first.coach }.map(\.weekday))
        return (1...5).filter { !busy.contains($0) }.prefix(count).map { weekday in
            var extra = first
            extra.weekday = weekday
            return extra
        }
    }

    static func describe(_ session: Scenario.WeeklySession) -> String {
        "\(session.coach) \(ScenarioDecoder.weekdays[session.weekday - 1]) \(clock(session.start))-\(clock(session.end))"
    }

    /// `HH:MM` of seconds after midnight (24:00 for an end at midnight).
    private static func clock(_ seconds: Int) -> String {
        seconds >= 86_400 ? "24:00" : LocalDateTime(date: LocalDate(daysSinceEpoch: 0), secondOfDay: seconds).hourMinute
    }

    public func label(_ value: String) -> String { "\(knob.rawValue)=\(value)" }

    /// The scenarios a comparison runs, labelled: `scenario` alone, or one per value of `vary`
    /// (`NAME=V1,V2,...`), with what each variant changed.
    public static func variants(
        of scenario: Scenario, label: String, vary: String?
    ) -> Result<[(label: String, change: String?, scenario: Scenario)], VariationError> {
        guard let vary else { return .success([(label, nil, scenario)]) }
        let variation: Variation
        switch parse(vary) {
        case .success(let parsed): variation = parsed
        case .failure(let error): return .failure(error)
        }
        var variants: [(label: String, change: String?, scenario: Scenario)] = []
        for value in variation.values {
            switch variation.apply(value, to: scenario) {
            case .success(let varied): variants.append((variation.label(value), varied.change, varied.scenario))
            case .failure(let error): return .failure(error)
            }
        }
        return .success(variants)
    }
}

public struct VariationError: Error, CustomStringConvertible, Sendable, TextConvertible {
    public var text: Text
    init(_ text: Text) { self.text = text }
    public var description: String { text.description }
}
