/// One knob a coordinator turns to compare scenarios: `seats=1,2`, `halfdays=2,3,4` or `rate=4,6,8`.
public struct Variation: Sendable, Hashable {
    public enum Knob: String, Sendable, CaseIterable {
        /// Seats of every half-day.
        case seats
        /// The first N weekly half-days of the scenario's list.
        case halfdays
        /// New requests per week (changes over the horizon scale with it).
        case rate
    }

    public var knob: Knob
    public var values: [Double]

    /// Parses `NAME=V1,V2,...`; `nil` with the reason when it cannot.
    public static func parse(_ text: String) -> Result<Variation, VariationError> {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, let knob = Knob(rawValue: parts[0]) else {
            return .failure(VariationError("--vary: \"\(text)\" is not seats=..., halfdays=... or rate=..."))
        }
        let values = parts[1].split(separator: ",").map { Double($0) }
        guard !values.isEmpty, values.allSatisfy({ $0 != nil && $0! >= 0 }) else {
            return .failure(VariationError("--vary \(knob.rawValue): \"\(parts[1])\" is not a list of numbers such as 1,2"))
        }
        return .success(Variation(knob: knob, values: values.map { $0! }))
    }

    /// The scenario with the knob at `value`, or why it cannot be.
    public func apply(_ value: Double, to scenario: Scenario) -> Result<Scenario, VariationError> {
        var varied = scenario
        switch knob {
        case .seats:
            guard value >= 1, value == value.rounded() else { return .failure(VariationError("seats=\(value): a whole number from 1")) }
            varied.sessions = scenario.sessions.map { var s = $0; s.seats = Int(value); return s }
            varied.calendarSessions = scenario.calendarSessions?.map { var s = $0; s.seats = Int(value); return s }
        case .halfdays:
            guard scenario.calendarSessions == nil else {
                return .failure(VariationError("halfdays needs the scenario's own weekly half-days, not calendars"))
            }
            guard value >= 1, value == value.rounded(), Int(value) <= scenario.sessions.count else {
                return .failure(VariationError("halfdays=\(Int(value)): the scenario lists \(scenario.sessions.count) half-days to choose from"))
            }
            varied.sessions = Array(scenario.sessions.prefix(Int(value)))
        case .rate:
            let factor = scenario.ratePerWeek > 0 ? value / scenario.ratePerWeek : 0
            varied.ratePerWeek = value
            varied.rateChanges = scenario.rateChanges.map { ($0.fromWeek, $0.ratePerWeek * factor) }
        }
        return .success(varied)
    }

    public func label(_ value: Double) -> String {
        "\(knob.rawValue)=\(value == value.rounded() ? String(Int(value)) : String(value))"
    }
}

public struct VariationError: Error, CustomStringConvertible, Sendable {
    public var description: String
    init(_ description: String) { self.description = description }
}
