import ZitdagCore
import ArgumentParser

/// The `zitdag` command: scheduling and appointment booking for digital coaching half-days.
public struct Zitdag: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "zitdag",
        abstract: Text("Plan digital coaching appointments into coaches' half-days (zitdagen).").cli,
        subcommands: [
            Solve.self, Check.self, Generate.self, Show.self, Sessions.self, MakeProblem.self, Import.self, Feed.self,
            Sync.self, SessionCommand.self, ConsultantCommand.self, JobSeekerCommand.self, RequestCommand.self, Slots.self, Book.self, Move.self,
            Cancel.self, Attended.self, NoShow.self, Agenda.self, PlanWeek.self, Export.self, Forget.self, Rules.self,
            Serve.self, Token.self, Simulate.self, WalkInCommand.self, OffersCommand.self, IntakeCommand.self, DeviceCommand.self,
            LoanCommand.self, PathCommand.self, ReportCommand.self,
        ]
    )

    public init() {}

    /// Runs the command line. Bad usage (an unknown option, a value that does not parse) exits with 2
    /// like every other bad input (README, "Exit status"), not with ArgumentParser's 64.
    public static func runAsMain() async {
        do {
            var command = try parseAsRoot()
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                printError(Text(verbatim: fullMessage(for: error)))
                exit(withError: ExitCode(2))
            }
            exit(withError: error)
        }
    }
}
