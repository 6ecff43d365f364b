/// A scenario's Monte Carlo simulation: replications with seeds of their own, so the results are
/// the same for a seed however many threads run them, and a report with 95% confidence intervals.
///
/// ```swift
/// let simulation = Simulation(scenario: scenario)
/// let outcomes = (0..<scenario.replications).map(simulation.replicate)
/// let report = SimulationReport(scenario: scenario, outcomes: outcomes)
/// ```
public struct Simulation: Sendable {
    public let scenario: Scenario
    private let sessions: [Session]

    public init(scenario: Scenario) {
        self.scenario = scenario
        sessions = scenario.concreteSessions()
    }

    /// Replication `index`: pure, and the same for the same scenario and index.
    public func replicate(_ index: Int) -> ReplicationOutcome {
        var seeds = SplitMix64(seed: scenario.seed &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15)
        var replication = Replication(scenario: scenario, sessions: sessions, random: SplitMix64(seed: seeds.next()))
        return replication.run()
    }
}
