import Dispatch
import Synchronization

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

    public init(scenario: Scenario) {
        self.scenario = scenario
    }

    /// Replication `index`: pure, and the same for the same scenario and index.
    public func replicate(_ index: Int) -> ReplicationOutcome {
        replicate(index, in: Replication.Setup(scenario))
    }

    private func replicate(_ index: Int, in setup: Replication.Setup) -> ReplicationOutcome {
        var replication = Replication(scenario: scenario, setup: setup, random: random(index), channelRandom: channelRandom(index))
        return replication.run()
    }

    /// The consultants' agendas replication `index` works with (the first thing it draws).
    public func consultantAgendas(replication index: Int) -> [BusyCalendar] {
        var replication = Replication(scenario: scenario, setup: Replication.Setup(scenario), random: random(index), channelRandom: channelRandom(index))
        return replication.makeAgendas()
    }

    /// Replication `index`'s generator, derived from the scenario's seed alone.
    private func random(_ index: Int) -> SplitMix64 {
        var seeds = SplitMix64(seed: scenario.seed &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15)
        return SplitMix64(seed: seeds.next())
    }

    /// Replication `index`'s generator for walk-in visitors and urgent cases, apart from the rest.
    private func channelRandom(_ index: Int) -> SplitMix64 {
        var seeds = SplitMix64(seed: (scenario.seed ^ 0x57A1_C0FF_EE00_1DE5) &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15)
        return SplitMix64(seed: seeds.next())
    }

    /// Replications `0..<count` on `threads` threads. Each writes only its own slot, so the results
    /// are the same whatever the number of threads or the order they finish in; `progress` hears
    /// (finished, count) now and then from one thread.
    public func replicate(count: Int, threads: Int, progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }) -> [ReplicationOutcome] {
        let results = Mutex<[ReplicationOutcome?]>(Array(repeating: nil, count: count))
        let done = Atomic<Int>(0)
        let workers = max(1, min(threads, count))
        let chunk = (count + workers - 1) / workers
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            // Each thread compiles the sessions for itself: arrays shared between threads would have
            // their reference counts bounce between the cores at every access.
            let setup = Replication.Setup(scenario)
            for index in (worker * chunk)..<min(count, (worker + 1) * chunk) {
                let outcome = replicate(index, in: setup)
                results.withLock { $0[index] = outcome }
                let finished = done.add(1, ordering: .relaxed).newValue
                if worker == 0 || finished == count { progress(finished, count) }
            }
        }
        return results.withLock { $0.compactMap { $0 } }
    }
}
