import Benchmark
import Foundation
import ZitdagCore

/// The capacity simulation's goals, on every core of the machine (2 here), as `zitdag simulate` runs it:
/// - job team (`Scenarios/jobteam.json`: 2 coaches, 3 weekly half-days, online policy), 52 weeks x 1,000 replications, under 10 s;
/// - city (`Scenarios/city.json`: 20 coaches, 60 weekly half-days, weekly policy), 52 weeks x 100 replications, under 60 s;
/// - the one-session queue of the theory check (`Benchmarks/simulation/theory-one-session.json`), a million simulated weeks
///   (1,000 replications x 1,000 weeks, half of them warm-up), under 10 s.
let benchmarks: @Sendable () -> Void = {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Scenarios")
    func scenario(_ name: String) -> Scenario {
        let bytes = try! [UInt8](Data(contentsOf: folder.appendingPathComponent(name)))
        return try! ScenarioFile.decode(bytes)
    }
    let threads = ProcessInfo.processInfo.activeProcessorCount
    for (name, file, replications) in [("job team, 52 weeks x 1,000 replications (online)", "jobteam.json", 1_000),
                                       ("city, 52 weeks x 100 replications (weekly)", "city.json", 100),
                                       ("one session, 1,000 weeks x 1,000 replications (a million weeks)", "../Benchmarks/simulation/theory-one-session.json", 1_000)] {
        var scenario = scenario(file)
        scenario.replications = replications
        let simulation = Simulation(scenario: scenario)
        Benchmark(
            "simulate \(name)",
            configuration: .init(metrics: [.wallClock, .peakMemoryResident], timeUnits: .milliseconds, warmupIterations: 0, maxDuration: .seconds(300), maxIterations: 3)
        ) { _ in
            blackHole(simulation.replicate(count: replications, threads: threads))
        }
    }
}
