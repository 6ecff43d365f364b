/// What a request may ask for: the one place for the defaults and ranges of its fields. The problem
/// format, the desk, the command line and the API read them here, and the tests hold the API's
/// OpenAPI document to them. Fields go by their names in the problem format, which the API shares;
/// the command line maps them to its options.
public enum RequestSpecification {
    /// An integer field: its name, its default and the values it may take.
    public struct Integer: Sendable {
        public let key: String
        public let defaultValue: Int
        public let range: ClosedRange<Int>

        /// Why `value` cannot be this field's, or `nil` when it can.
        public func problem(with value: Int) -> Text? {
            range.contains(value) ? nil : Text("\(value); \(range.lowerBound) to \(range.upperBound) allowed")
        }
    }

    /// Minutes per appointment, a multiple of the grid too (see ``durationProblem(_:gridMinutes:)``).
    /// Ten hours at most: longer than any half-day, short of a mistyped number of seconds.
    public static let durationMinutes = Integer(key: "duration_minutes", defaultValue: 60, range: 1...600)
    /// Appointments in a series: a year of weekly ones at most.
    public static let appointments = Integer(key: "appointments", defaultValue: 1, range: 1...52)
    /// Calendar days between the dates of consecutive appointments of a series.
    public static let minGapDays = Integer(key: "min_gap_days", defaultValue: 7, range: 0...365)
    public static let maxGapDays = Integer(key: "max_gap_days", defaultValue: 21, range: 0...365)
    /// 1 (default) to 5: how much scheduling the request is worth against others.
    public static let priority = Integer(key: "priority", defaultValue: 1, range: 1...5)
    /// How many options a slot query may ask for.
    public static let count = Integer(key: "count", defaultValue: 5, range: 1...100)

    /// Every integer field, for those that list them (the OpenAPI check).
    public static let integers = [durationMinutes, appointments, minGapDays, maxGapDays, priority, count]

    /// The default gaps of a series: `min_gap_days`...`max_gap_days` as given or by default.
    public static let gapDays = minGapDays.defaultValue...maxGapDays.defaultValue

    /// Why `minutes` cannot be an appointment's duration on a grid of `gridMinutes`, or `nil`.
    public static func durationProblem(_ minutes: Int, gridMinutes: Int) -> Text? {
        if let problem = durationMinutes.problem(with: minutes) { return problem }
        return minutes % gridMinutes == 0 ? nil : Text("\(minutes) is not a multiple of the \(gridMinutes)-minute grid")
    }

    /// Why the gaps cannot be a series', naming the field at fault, or `nil`.
    public static func gapProblem(min: Int, max: Int) -> (key: String, problem: Text)? {
        if let problem = minGapDays.problem(with: min) { return (minGapDays.key, problem) }
        if let problem = maxGapDays.problem(with: max) { return (maxGapDays.key, problem) }
        return min <= max ? nil : (maxGapDays.key, Text("\(max) is less than \(minGapDays.key) \(min)"))
    }
}
