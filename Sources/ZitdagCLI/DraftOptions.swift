import ArgumentParser
import ZitdagCore
import ZitdagStore

/// What the consultant asks for: shared by `slots`, `book` and `request add`.
struct DraftOptions: ParsableArguments {
    @Option(help: ArgumentHelp(Text("The job seeker's pseudonymous id.")))
    var jobSeeker: String

    @Option(help: ArgumentHelp(Text("The consultant who books (and may come along).")))
    var consultant: String?

    @Option(help: ArgumentHelp(Text("required, preferred or none: whether the consultant comes along.")))
    var attendance: String = "none"

    @Option(help: ArgumentHelp(Text("Minutes per appointment (default: by the job seeker's level, else 60).")))
    var duration: Int?

    @Option(help: ArgumentHelp(Text("Appointments in the series (default: by the job seeker's level, else 1).")))
    var series: Int?

    @Option(help: ArgumentHelp(Text("Days between appointments of a series, as MIN..MAX (default: by the job seeker's level, else 7..21).")))
    var gap: String?

    @Option(help: ArgumentHelp(Text("The first appointment on or after this date (default: the earliest the rules allow).")))
    var from: String?

    @Option(help: ArgumentHelp(Text("The first appointment on or before this date.")))
    var due: String?

    @Option(help: ArgumentHelp(Text("1 (default) to 5.")))
    var priority: Int = RequestSpecification.priority.defaultValue

    @Option(help: ArgumentHelp(Text("The language the session must serve (default: the job seeker's).")))
    var language: String?

    @Option(help: ArgumentHelp(Text("What the appointment works on, shown to the coach (no personal details).")))
    var topic: String?

    func draft() throws(CommandError) -> RequestDraft {
        guard let attendance = Attendance(rawValue: attendance) else {
            throw CommandError.input(Text("--attendance: \"\(self.attendance)\" is not required, preferred or none"))
        }
        let gap = self.gap ?? "\(RequestSpecification.gapDays.lowerBound)..\(RequestSpecification.gapDays.upperBound)"
        let bounds = gap.split(separator: ".", omittingEmptySubsequences: true).compactMap { Int($0) }
        // The bounds' ranges and order are the request's rules, checked with the rest of the draft.
        guard gap.contains(".."), bounds.count == 2 else {
            throw CommandError.input(Text("--gap: \"\(gap)\" is not MIN..MAX days, such as 7..14"))
        }
        guard bounds[0] <= bounds[1] else { throw CommandError.input(Text("--gap: \(bounds[1]) is less than \(bounds[0])")) }
        var draft = RequestDraft(
            jobSeeker: jobSeeker, consultant: consultant, attendance: attendance,
            durationMinutes: duration ?? RequestSpecification.durationMinutes.defaultValue,
            appointments: series ?? RequestSpecification.appointments.defaultValue,
            gapDays: bounds[0]...bounds[1], from: try from.map { date throws(CommandError) in try WallClock.date(date, option: "--from") },
            due: try due.map { date throws(CommandError) in try WallClock.date(date, option: "--due") }, priority: priority, language: language,
            topic: topic)
        draft.seriesByLevel = duration == nil && series == nil && self.gap == nil
        return draft
    }
}
