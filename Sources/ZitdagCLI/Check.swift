import ArgumentParser
import ZitdagCore

/// `zitdag check`: verify a plan against its problem.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: Text("Check a plan against every hard constraint and recompute its objective.").cli,
        discussion: Text("Exit status: 0 valid with the right objective, 1 violations found, 2 a file is unreadable or invalid.").cli)

    @Argument(help: ArgumentHelp(Text("The zitdag-problem/1 file.")))
    var problem: String

    @Argument(help: ArgumentHelp(Text("The zitdag-plan/1 file.")))
    var plan: String

    func run() throws {
        try reporting {
            let problem = try Files.problem(self.problem)
            let plan = try Files.plan(self.plan, zone: problem.zone)
            let report = PlanChecker(problem: problem).check(plan)
            for violation in report.violations { say(violation.text) }
            let summary = Text("\(report.scheduled)/\(problem.requests.count) requests scheduled, objective \(report.objective)")
            guard report.isValid else {
                throw CommandError.output(Text("plan is invalid: \(report.violations.count) violation(s); \(summary)"))
            }
            say(Text("plan is valid: \(summary)"))
        }
    }
}
