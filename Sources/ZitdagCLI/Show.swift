import ArgumentParser
import ZitdagCore

/// `zitdag show`: a plan as a readable week agenda.
struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: Text("Print a plan as a week-by-week agenda of the half-days.").cli)

    @Argument(help: ArgumentHelp(Text("The zitdag-problem/1 file.")))
    var problem: String

    @Argument(help: ArgumentHelp(Text("The zitdag-plan/1 file.")))
    var plan: String

    @Option(help: ArgumentHelp(Text("Show the week holding this date (default: the first week with sessions).")))
    var week: String?

    @Option(help: ArgumentHelp(Text("How many weeks to show.")))
    var weeks: Int = 1

    func validate() throws {
        if let week, LocalDate(iso: week) == nil { throw ValidationError(Text("--week must be a date YYYY-MM-DD, got \(week)")) }
        guard weeks >= 1 else { throw ValidationError(Text("--weeks must be at least 1")) }
    }

    func run() throws {
        try reporting {
            let problem = try Files.problem(self.problem)
            let plan = try Files.plan(self.plan, zone: problem.zone)
            let first = week.flatMap { LocalDate(iso: $0) } ?? problem.sessions.map(\.day).min()
            guard let first else { throw CommandError.input(Text("\(self.problem): has no sessions")) }
            print(WeekAgenda(problem: problem, plan: plan).render(from: first, weeks: weeks).cli, terminator: "")
        }
    }
}
