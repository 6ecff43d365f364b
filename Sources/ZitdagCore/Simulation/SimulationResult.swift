/// One scenario's run, for the table, the exports and the charts.
public struct SimulationResult: Sendable {
    public var label: String
    /// The half-days a variant adds or drops.
    public var change: String?
    public var scenario: Scenario
    public var report: SimulationReport
    /// How long it ran (measured by the shell that ran it).
    public var elapsed: Duration

    public init(label: String, change: String?, scenario: Scenario, report: SimulationReport, elapsed: Duration) {
        self.label = label
        self.change = change
        self.scenario = scenario
        self.report = report
        self.elapsed = elapsed
    }
}
