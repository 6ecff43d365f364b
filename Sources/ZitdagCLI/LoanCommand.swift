import ArgumentParser
import ZitdagCore
import ZitdagStore

/// `zitdag loan`: lending devices to job seekers, extending and taking them back.
struct LoanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "loan", abstract: Text("Lend a device to a job seeker, extend the loan, take it back; list what needs doing.").cli,
        subcommands: [Lend.self, Extend.self, Return.self, List.self])

    struct Lend: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lend",
            abstract: Text("Lend a device to a job seeker (six months unless --until says otherwise).").cli,
            discussion: Text("With --appointment, the device is handed over at that appointment of theirs (book it with `zitdag book`), and the loan starts on its day.").cli)
        @Option(help: ArgumentHelp(Text("The device."))) var device: String
        @Option(help: ArgumentHelp(Text("The job seeker's pseudonymous id."))) var jobSeeker: String
        @Option(help: ArgumentHelp(Text("First day of the loan (default: today, or the appointment's day)."))) var from: String?
        @Option(help: ArgumentHelp(Text("Last day of the loan (default: six months on)."))) var until: String?
        @Option(help: ArgumentHelp(Text("The appointment at which the device is handed over."))) var appointment: Int64?
        @OptionGroup var store: StoreOptions

        func run() throws {
            try store.run(self) { db in
                let from = try from.map { text throws(CommandError) in try WallClock.date(text, option: "--from") }
                let until = try until.map { text throws(CommandError) in try WallClock.date(text, option: "--until") }
                let loan = try db.lend(
                    device: device, to: jobSeeker, from: from, until: until, handover: appointment, at: StoreOptions.clock(), actor: store.who)
                if store.json { return Render.printJSON(LoanSummary(loan)) }
                say(LoanCommand.line(loan))
            }
        }
    }

    struct Extend: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "extend", abstract: Text("Extend a loan (by six months unless --until says otherwise); the earlier end is kept.").cli)
        @Argument(help: ArgumentHelp(Text("The loan's number."))) var loan: Int
        @Option(help: ArgumentHelp(Text("The new last day."))) var until: String?
        @OptionGroup var store: StoreOptions

        func run() throws {
            try store.run(self) { db in
                let until = try until.map { text throws(CommandError) in try WallClock.date(text, option: "--until") }
                let extended = try db.extendLoan(loan, until: until, at: StoreOptions.clock(), actor: store.who)
                if store.json { return Render.printJSON(LoanSummary(extended)) }
                say(LoanCommand.line(extended))
            }
        }
    }

    struct Return: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "return",
            abstract: Text("Take a lent device back: good makes it available, damaged sends it to repair, lost retires it.").cli)
        @Argument(help: ArgumentHelp(Text("The loan's number."))) var loan: Int
        @Option(help: ArgumentHelp(Text("good, damaged or lost."))) var condition: Loan.Condition
        @Option(help: ArgumentHelp(Text("The day it came back (default: today, or the appointment's day)."))) var on: String?
        @Option(help: ArgumentHelp(Text("The appointment at which it was taken back."))) var appointment: Int64?
        @OptionGroup var store: StoreOptions

        func run() throws {
            try store.run(self) { db in
                let on = try on.map { text throws(CommandError) in try WallClock.date(text, option: "--on") }
                let ended = try db.returnLoan(loan, condition: condition, on: on, appointment: appointment, at: StoreOptions.clock(), actor: store.who)
                if store.json { return Render.printJSON(LoanSummary(ended)) }
                say(LoanCommand.line(ended))
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: Text("Loans ending in the coming weeks, overdue returns, and devices due for replacement.").cli)
        @Option(help: ArgumentHelp(Text("How many weeks ahead."))) var weeks: Int = 4
        @Option(help: ArgumentHelp(Text("Only this consultant's job seekers' loans."))) var consultant: String?
        @OptionGroup var store: StoreOptions

        func run() throws {
            try store.run(self) { db in
                guard (1...104).contains(weeks) else { throw CommandError.input(Text("--weeks: \(weeks) is not 1 to 104")) }
                let today = db.zone.local(at: StoreOptions.clock()).date
                let overview = try db.loanOverview(on: today, weeks: weeks, consultant: consultant)
                if store.json { return Render.printJSON(LoanOverviewSummary(overview)) }
                say(Text("ending within \(count: weeks, "week"):"))
                for loan in overview.ending { say(Text("  \(LoanCommand.line(loan))")) }
                if overview.ending.isEmpty { say(Text("  none")) }
                say(Text("overdue:"))
                for loan in overview.overdue { say(Text("  \(LoanCommand.line(loan)), \(count: loan.until.days(to: today), "day") overdue")) }
                if overview.overdue.isEmpty { say(Text("  none")) }
                if consultant == nil {
                    say(Text("due for replacement within \(count: weeks, "week"):"))
                    for device in overview.dueForReplacement { say(Text("  \(DeviceCommand.line(device))")) }
                    if overview.dueForReplacement.isEmpty { say(Text("  none")) }
                }
            }
        }
    }

    /// "loan 3: L-001 to J1, 2026-12-01 until 2027-06-01 (extended 1x), returned 2027-05-20 (good)".
    static func line(_ loan: Loan) -> Text {
        var line = Text(
            "loan \(loan.id): \(loan.device ?? "-") to \(loan.jobSeeker ?? "(erased)"), \(loan.from) until \(loan.until)")
        if !loan.extensions.isEmpty { line = Text("\(line) (extended \(count: loan.extensions.count, "time"))") }
        if let returned = loan.returned { line = Text("\(line), returned \(returned) (\(loan.condition?.words ?? Text("good")))") }
        return line
    }
}
