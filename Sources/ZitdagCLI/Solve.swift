import ArgumentParser
import Foundation
import ZitdagCore

/// `zitdag solve`: plan a problem file.
struct Solve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve",
        abstract: Text("Plan every request of a problem file and write a plan file.").cli,
        discussion: Text("Exit status: 0 planned, 2 the problem file is invalid (nothing is written).").cli)

    @Argument(help: ArgumentHelp(Text("A zitdag-problem/1 file.")))
    var problem: String

    @Option(name: .shortAndLong, help: ArgumentHelp(Text("Where to write the plan (default: standard output).")))
    var out: String?

    @Option(help: ArgumentHelp(Text("Seconds the improvement phase may take at most.")))
    var timeLimit: Double = 8

    @Option(help: ArgumentHelp(Text("Seed of the search: the same seed gives the same plan.")))
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp(Text("Improvement steps at most per worker (default: until no progress).")))
    var steps: Int?

    @Option(help: ArgumentHelp(Text("Searches run side by side, one thread each; the best plan wins (default: 2, or 1 on one core).")))
    var workers: Int?

    func validate() throws {
        guard timeLimit > 0, timeLimit.isFinite else { throw ValidationError(Text("--time-limit must be a positive number of seconds")) }
        if let steps, steps < 0 { throw ValidationError(Text("--steps must be 0 or more")) }
        if let workers, !(1...64).contains(workers) { throw ValidationError(Text("--workers must be 1 to 64")) }
    }

    func run() throws {
        try reporting {
            let problem = try Files.problem(self.problem)
            let options = Allocator.Options(seed: seed, timeLimit: .milliseconds(Int64(timeLimit * 1000)), maxSteps: steps,
                workers: workers ?? min(2, ProcessInfo.processInfo.activeProcessorCount))
            let result = Allocator(problem: problem).solve(options: options, clock: ContinuousClock())
            let text = JSONWriter.write(PlanFile.encode(result.plan, zone: problem.zone, renderer: Reader.renderer))
            if let out { try Files.write(text, to: out) } else { print(text, terminator: "") }
            let seconds = Double(result.elapsed.components.seconds) + Double(result.elapsed.components.attoseconds) / 1e18
            let summary = Text(
                "scheduled \(result.scheduled)/\(problem.requests.count) requests, objective \(result.plan.objective) (construction \(result.constructionObjective), \(result.steps) improvement steps), \(String(format: "%.3f", seconds)) s")
            printError(result.provenOptimal ? Text("\(summary), proven optimal") : summary)
        }
    }
}
