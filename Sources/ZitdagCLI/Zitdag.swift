import ArgumentParser

/// The `zitdag` command: scheduling and appointment booking for digital coaching half-days.
public struct Zitdag: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "zitdag",
        abstract: "Plan digital coaching appointments into coaches' half-days (zitdagen).",
        subcommands: [
            Solve.self, Check.self, Generate.self, Show.self, Sessions.self, MakeProblem.self, Import.self, Feed.self,
            Sync.self, SessionCommand.self, ConsultantCommand.self, JobSeekerCommand.self, RequestCommand.self, Slots.self, Book.self, Move.self,
            Cancel.self, Attended.self, NoShow.self, Agenda.self, PlanWeek.self, Export.self, Forget.self, Rules.self,
            Serve.self, Token.self, Simulate.self,
        ]
    )

    public init() {}
}
