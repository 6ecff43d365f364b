import Benchmark
import ZitdagCore

/// Solving generated problems of the format's sizes with the allocator's default options,
/// as `zitdag solve` does. Besides time and memory each run reports what it reached:
/// the objective and how many requests it scheduled.
let benchmarks: @Sendable () -> Void = {
    let objective = BenchmarkMetric.custom("objective", polarity: .prefersLarger, useScalingFactor: false)
    let scheduled = BenchmarkMetric.custom("scheduled requests", polarity: .prefersLarger, useScalingFactor: false)
    let start = LocalDate(year: 2026, month: 11, day: 23)!

    func solve(
        _ size: ProblemSize, iterations: Int, options: Allocator.Options, name: String, units: BenchmarkTimeUnits = .milliseconds
    ) {
        let problem = ProblemGenerator(size: size, seed: 1, start: start).generate()
        Benchmark(
            name,
            configuration: .init(
                metrics: [.wallClock, .peakMemoryResident, objective, scheduled],
                timeUnits: units, warmupIterations: 0, maxDuration: .seconds(120), maxIterations: iterations)
        ) { benchmark in
            let result = Allocator(problem: problem).solve(options: options, clock: ContinuousClock())
            benchmark.measurement(objective, result.plan.objective)
            benchmark.measurement(scheduled, result.scheduled)
            blackHole(result)
        }
    }

    solve(.jobteam, iterations: 20, options: .init(), name: "solve jobteam (60 requests)")
    solve(.city, iterations: 5, options: .init(), name: "solve city (800 requests)")
    solve(.region, iterations: 3, options: .init(), name: "solve region (15,000 requests)")
    // The files of the largest size, read and written as `zitdag solve` and `zitdag check` do: the
    // problem (27 MB, 353,000 busy and unavailable spans) and the plan of its first construction.
    // Made in the setup of the benchmark that runs: made here, they sat in the memory of every
    // benchmark's process (the jobteam's peak 213 MB instead of 138).
    let files = RegionFiles(start: start)
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .peakMemoryResident], timeUnits: .milliseconds, warmupIterations: 1,
        maxDuration: .seconds(60), maxIterations: 10)
    Benchmark("read region problem file", configuration: configuration, closure: { benchmark in
        blackHole(try ProblemFile.decode(files.problemBytes))
    }, setup: files.make)
    Benchmark("write region plan file", configuration: configuration, closure: { benchmark in
        blackHole(JSONWriter.write(PlanFile.encode(files.plan!, zone: files.problem!.zone)))
    }, setup: files.make)
    // Construction alone, to see how the first plan's cost grows with size.
    for size in [ProblemSize.city, .region, .stress] {
        solve(size, iterations: size == .stress ? 3 : 10, options: .init(maxSteps: 0, exactRequestLimit: 0),
              name: "construct \(size.rawValue) (\(size.requests) requests)", units: .microseconds)
    }
}

/// The region problem, its file's bytes and its first plan, made once on demand.
final class RegionFiles: @unchecked Sendable {
    let start: LocalDate
    private(set) var problem: Problem?
    private(set) var problemBytes: [UInt8] = []
    private(set) var plan: Plan?

    init(start: LocalDate) { self.start = start }

    func make() {
        guard problem == nil else { return }
        let region = ProblemGenerator(size: .region, seed: 1, start: start).generate()
        problemBytes = Array(JSONWriter.write(ProblemFile.encode(region)).utf8)
        plan = Allocator(problem: region).solve(options: .init(maxSteps: 0, exactRequestLimit: 0), clock: ContinuousClock()).plan
        problem = region
    }
}
