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

extension SimulationResult {
    /// Runs `scenario`'s replications on `threads` and reports them, its run time read from `clock`.
    public static func run(
        label: String, change: String?, scenario: Scenario, threads: Int, clock: some Clock<Duration>,
        progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }
    ) -> SimulationResult {
        let started = clock.now
        let outcomes = Simulation(scenario: scenario).replicate(count: scenario.replications, threads: threads, progress: progress)
        return SimulationResult(
            label: label, change: change, scenario: scenario, report: SimulationReport(scenario: scenario, outcomes: outcomes),
            elapsed: started.duration(to: clock.now))
    }
}
