import Foundation

/// A mean over replications with the half-width of its 95% confidence interval (Student's t).
public struct Estimate: Sendable, Hashable {
    public var mean: Double
    public var halfWidth: Double
    public var count: Int

    public init(_ values: [Double]) {
        count = values.count
        let mean = values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
        self.mean = mean
        guard values.count > 1 else {
            halfWidth = .infinity
            return
        }
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
        halfWidth = Estimate.t975(degrees: values.count - 1) * (variance / Double(values.count)).squareRoot()
    }

    public var low: Double { mean - halfWidth }
    public var high: Double { mean + halfWidth }

    /// Whether another estimate differs from this one at the 5% level (Welch's test, normal approximation
    /// beyond 30 replications).
    public func differs(from other: Estimate) -> Bool {
        let se1 = halfWidth / Estimate.t975(degrees: max(1, count - 1))
        let se2 = other.halfWidth / Estimate.t975(degrees: max(1, other.count - 1))
        let se = (se1 * se1 + se2 * se2).squareRoot()
        guard se.isFinite else { return false }
        guard se > 0 else { return mean != other.mean }
        return abs(mean - other.mean) / se > Estimate.t975(degrees: max(1, min(count, other.count) - 1))
    }

    /// The 97.5% quantile of Student's t.
    static func t975(degrees: Int) -> Double {
        let table: [Double] = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131,
                               2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042]
        if degrees <= table.count { return table[max(1, degrees) - 1] }
        return degrees <= 60 ? 2.000 : degrees <= 120 ? 1.980 : 1.960
    }
}

/// What a coordinator reads: the scenario's figures over all replications, the warm-up left out.
public struct SimulationReport: Sendable {
    public var replications: Int
    public var waitMean: Estimate
    public var waitMedian: Estimate
    public var waitP90: Estimate
    public var seriesDays: Estimate
    public var utilisation: Estimate
    public var backlog: Estimate
    public var missedDue: Estimate
    public var along: Estimate
    public var notBooked: Estimate
    /// Per week after the warm-up: the end-of-week backlog and the utilisation.
    public var weeklyBacklog: [Estimate]
    public var weeklyUtilisation: [Estimate]
    /// Walk-in: minutes waited for a turn (mean, 90th percentile), the share still waiting at closing
    /// and sent home, and visitors helped per week; no data without walk-in hours.
    public var walkInWaitMean: Estimate
    public var walkInWaitP90: Estimate
    public var walkInTurnedAway: Estimate
    public var walkInHelpedPerWeek: Estimate
    /// Urgent cases: days to the half-day whose held-back seat they took, and the share that found
    /// none still held; no data without urgent cases.
    public var urgentWait: Estimate
    public var urgentUnserved: Estimate
    /// How many counted requests waited each number of days, over all replications.
    public var waitHistogram: [Int: Int]
    public let warmupWeeks: Int

    public init(scenario: Scenario, outcomes: [ReplicationOutcome]) {
        replications = outcomes.count
        warmupWeeks = scenario.warmupWeeks
        func per(_ value: (ReplicationOutcome) -> Double?) -> Estimate { Estimate(outcomes.compactMap(value)) }
        waitMean = per { $0.waits.isEmpty ? nil : Double($0.waits.reduce(0, +)) / Double($0.waits.count) }
        waitMedian = per { SimulationReport.quantile($0.waits, 0.5) }
        waitP90 = per { SimulationReport.quantile($0.waits, 0.9) }
        seriesDays = per { $0.seriesDays.isEmpty ? nil : Double($0.seriesDays.reduce(0, +)) / Double($0.seriesDays.count) }
        let counted = scenario.warmupWeeks..<scenario.horizonWeeks
        utilisation = per { outcome in counted.isEmpty ? nil : counted.map { outcome.utilisation[$0] }.reduce(0, +) / Double(counted.count) }
        backlog = per { outcome in counted.isEmpty ? nil : Double(counted.map { outcome.backlog[$0] }.reduce(0, +)) / Double(counted.count) }
        missedDue = per { $0.counted == 0 ? nil : Double($0.missedDue) / Double($0.counted) }
        along = per { $0.alongWanted == 0 ? nil : Double($0.along) / Double($0.alongWanted) }
        notBooked = per { $0.counted == 0 ? nil : Double($0.notBooked) / Double($0.counted) }
        walkInWaitMean = per { $0.walkIn.flatMap { $0.waits.isEmpty ? nil : $0.waits.reduce(0, +) / Double($0.waits.count) } }
        walkInWaitP90 = per { $0.walkIn.flatMap { SimulationReport.quantile($0.waits, 0.9) } }
        walkInTurnedAway = per { $0.walkIn.flatMap { $0.arrivals == 0 ? nil : Double($0.turnedAway) / Double($0.arrivals) } }
        walkInHelpedPerWeek = per { $0.walkIn.flatMap { $0.weeks == 0 ? nil : Double($0.waits.count) / Double($0.weeks) } }
        urgentWait = per { $0.urgent.flatMap { $0.waits.isEmpty ? nil : Double($0.waits.reduce(0, +)) / Double($0.waits.count) } }
        urgentUnserved = per { $0.urgent.flatMap { $0.waits.count + $0.unserved == 0 ? nil : Double($0.unserved) / Double($0.waits.count + $0.unserved) } }
        weeklyBacklog = counted.map { w in Estimate(outcomes.map { Double($0.backlog[w]) }) }
        weeklyUtilisation = counted.map { w in Estimate(outcomes.map { $0.utilisation[w] }) }
        var histogram: [Int: Int] = [:]
        for outcome in outcomes { for wait in outcome.waits { histogram[wait, default: 0] += 1 } }
        waitHistogram = histogram
    }

    /// The `q` quantile (nearest rank), or `nil` for none.
    static func quantile<T: BinaryInteger>(_ values: [T], _ q: Double) -> Double? {
        quantile(values.map { Double($0) }, q)
    }

    static func quantile(_ values: [Double], _ q: Double) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let rank = Int((q * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }
}
