import ArgumentParser
import ZitdagCore
import ZitdagStore

/// `zitdag intake`: the questionnaire that judges a job seeker's digital level, and what the level sets.
struct IntakeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "intake", abstract: Text("Take the intake questionnaire, show intakes, set the levels' thresholds and default series.").cli,
        subcommands: [Questions.self, Take.self, Show.self, Levels.self, Series.self])

    struct Questions: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "questions", abstract: Text("The questions, their keys and how they are answered.").cli)
        @OptionGroup var store: StoreOptions

        func run() throws {
            try store.run(self) { db in
                let questionnaire = try db.questionnaire()
                for question in Questionnaire.questions {
                    let scale = (0...question.highest).map { Text("\($0) \(Questionnaire.words(for: $0, on: question.scale))") }
                    say(Text("\(question.id): \(question.text) [\(Text.joined(scale, separator: ", "))]"))
                }
                say(Text("level: starter below \(questionnaire.basicFrom), basic from \(questionnaire.basicFrom), advanced from \(questionnaire.advancedFrom) (of \(Questionnaire.maximumScore))"))
            }
        }
    }

    struct Take: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "take",
            abstract: Text("Record an intake's answers; the level they give becomes the job seeker's.").cli,
            discussion: Text("Give every question's answer as KEY=VALUE, e.g. --answer computer=2 --answer device=0 (see `zitdag intake questions`).").cli)
        @Argument(help: ArgumentHelp(Text("The job seeker's pseudonymous id."))) var jobSeeker: String
        @Option(name: .customLong("answer"), help: ArgumentHelp(Text("An answer, KEY=VALUE; repeat for each question."))) var answers: [String] = []
        @Option(help: ArgumentHelp(Text("The day it was taken (default: today)."))) var on: String?
        @Option(help: ArgumentHelp(Text("The location it was taken at, for the report per location."))) var location: String?
        @OptionGroup var store: StoreOptions

        func run() throws {
            try store.run(self) { db in
                var given: [String: Int] = [:]
                for answer in answers {
                    let parts = answer.split(separator: "=", maxSplits: 1).map(String.init)
                    guard parts.count == 2, let value = Int(parts[1]) else { throw CommandError.input(Text("--answer: \"\(answer)\" is not KEY=NUMBER")) }
                    guard given[parts[0]] == nil else { throw CommandError.input(Text("--answer: \(parts[0]) is answered twice")) }
                    given[parts[0]] = value
                }
                let on = try on.map { text throws(CommandError) in try WallClock.date(text, option: "--on") }
                let intake = try db.recordIntake(jobSeeker: jobSeeker, answers: given, on: on, location: location, at: StoreOptions.clock(), actor: store.who)
                if store.json { return Render.printJSON(IntakeSummary(intake)) }
                say(IntakeCommand.line(intake))
                if let series = try db.seriesDefault(for: jobSeeker) { say(Text("default series: \(IntakeCommand.words(series))")) }
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: Text("A job seeker's intakes, oldest first, with their answers.").cli)
        @Argument(help: ArgumentHelp(Text("The job seeker's pseudonymous id."))) var jobSeeker: String
        @OptionGroup var store: StoreOptions

        func run() throws {
            try store.run(self) { db in
                let intakes = try db.intakes(of: jobSeeker)
                if store.json { return Render.printJSON(intakes.map(IntakeSummary.init)) }
                for intake in intakes {
                    say(IntakeCommand.line(intake))
                    for question in Questionnaire.questions {
                        if let value = intake.answers[question.id] { say(Text("  \(question.id): \(Questionnaire.words(for: value, on: question.scale))")) }
                    }
                }
                if intakes.isEmpty { say(Text("no intake for \(jobSeeker) yet")) }
            }
        }
    }

    struct Levels: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "levels", abstract: Text("Show or set the scores from which someone counts as basic and as advanced.").cli)
        @Option(help: ArgumentHelp(Text("The lowest score that counts as basic."))) var basic: Int?
        @Option(help: ArgumentHelp(Text("The lowest score that counts as advanced."))) var advanced: Int?
        @OptionGroup var store: StoreOptions

        func run() throws {
            try store.run(self) { db in
                var questionnaire = try db.questionnaire()
                if basic != nil || advanced != nil {
                    questionnaire = try db.setLevelThresholds(
                        basicFrom: basic ?? questionnaire.basicFrom, advancedFrom: advanced ?? questionnaire.advancedFrom, at: StoreOptions.clock(),
                        actor: store.who)
                }
                say(Text("basic from \(questionnaire.basicFrom), advanced from \(questionnaire.advancedFrom) (of \(Questionnaire.maximumScore))"))
            }
        }
    }

    struct Series: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "series",
            abstract: Text("Show the default series per level, or set one (for the city, or with --location for one location).").cli)
        @Option(help: ArgumentHelp(Text("starter, basic or advanced."))) var level: DigitalLevel?
        @Option(help: ArgumentHelp(Text("Appointments in the series."))) var appointments: Int?
        @Option(help: ArgumentHelp(Text("Minutes per appointment."))) var duration: Int?
        @Option(help: ArgumentHelp(Text("Days between appointments, as MIN..MAX."))) var gap: String?
        @Option(help: ArgumentHelp(Text("The location it applies to (default: the whole city)."))) var location: String?
        @OptionGroup var store: StoreOptions

        func run() throws {
            try store.run(self) { db in
                if let level {
                    guard let appointments, let duration, let gap else {
                        throw CommandError.input(Text("--level needs --appointments, --duration and --gap"))
                    }
                    let bounds = gap.split(separator: ".", omittingEmptySubsequences: true).compactMap { Int($0) }
                    guard gap.contains(".."), bounds.count == 2, bounds[0] <= bounds[1] else {
                        throw CommandError.input(Text("--gap: \"\(gap)\" is not MIN..MAX days, such as 7..14"))
                    }
                    try db.setSeriesDefault(
                        appointments: appointments, durationMinutes: duration, gapDays: bounds[0]...bounds[1], for: level, at: location,
                        now: StoreOptions.clock(), actor: store.who)
                }
                for (place, level, series) in try db.seriesDefaults() {
                    say(Text("\(place ?? "city"): \(level.words): \(IntakeCommand.words(series))"))
                }
            }
        }
    }

    /// "intake 4 of J1 on 2026-12-01: basic, score 8 of 15".
    static func line(_ intake: Intake) -> Text {
        let place = intake.location.map { Text(" at \($0)") } ?? Text(verbatim: "")
        return Text("intake \(intake.id) of \(intake.jobSeeker ?? "(erased)") on \(intake.taken)\(place): \(intake.level.words), score \(intake.score) of \(Questionnaire.maximumScore)")
    }

    /// "3 x 60 minutes, 7..14 days apart".
    static func words(_ series: SeriesDefault) -> Text {
        series.appointments == 1
            ? Text("1 x \(series.durationMinutes) minutes")
            : Text("\(series.appointments) x \(series.durationMinutes) minutes, \(series.gapDays.lowerBound)..\(series.gapDays.upperBound) days apart")
    }
}
