import ZitdagCore

/// Renders a plan as the week agenda a coordinator reads: each half-day with
/// its appointments and free time, then the requests left out.
struct WeekAgenda {
    let problem: Problem
    let plan: Plan

    func render(from date: LocalDate, weeks: Int) -> Text {
        let requests = Dictionary(problem.requests.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let bySession = Dictionary(grouping: plan.assignments, by: \.session)
        let monday = date.adding(days: 1 - date.weekday)
        var lines: [Text] = []
        for week in 0..<weeks {
            let from = monday.adding(days: 7 * week)
            let sessions = problem.sessions.filter { from <= $0.day && $0.day < from.adding(days: 7) }
                .sorted { ($0.span.start, $0.coach) < ($1.span.start, $1.coach) }
            let booked = sessions.reduce(0) { $0 + (bySession[$1.id]?.count ?? 0) }
            lines.append(Text("Week of \(weekday: from): \(count: sessions.count, "half-day"), \(count: booked, "appointment")"))
            for session in sessions {
                let assignments = (bySession[session.id] ?? []).sorted { $0.span.start < $1.span.start }
                let languages = session.languages.map { " [" + $0.sorted().joined(separator: ",") + "]" } ?? ""
                lines.append(Text(verbatim: ""))
                lines.append(Text(
                    "  \(weekday: session.day)  \(clock(session.span.start))-\(clock(session.span.end))  coach \(session.coach) at \(session.location), \(count: session.seats, "seat")\(languages)"))
                for assignment in assignments {
                    let request = requests[assignment.request]
                    let series = request.map { "\(assignment.index + 1)/\($0.appointments)" } ?? "?"
                    let (from, to, id, seeker) = (clock(assignment.span.start), clock(assignment.span.end), assignment.request, request?.jobSeeker ?? "?")
                    lines.append(
                        !assignment.consultantAttends
                            ? Text("    \(from)-\(to)  \(id) (job seeker \(seeker), appointment \(series))")
                            : request?.consultant.map { Text("    \(from)-\(to)  \(id) (job seeker \(seeker), appointment \(series), with \($0))") }
                                ?? Text("    \(from)-\(to)  \(id) (job seeker \(seeker), appointment \(series), with consultant)"))
                }
                let used = assignments.reduce(0) { $0 + $1.span.seconds }
                let capacity = session.span.seconds * session.seats
                lines.append(Text("    \(capacity > 0 ? used * 100 / capacity : 0)% of seat time booked"))
            }
            lines.append(Text(verbatim: ""))
        }
        let left = Text("\(plan.unscheduled.count) of \(count: problem.requests.count, "request") left out")
        lines.append(plan.unscheduled.isEmpty ? Text("\(left).") : Text("\(left):"))
        for item in plan.unscheduled.prefix(20) { lines.append(Text("  \(item.request): \(item.reason)")) }
        if plan.unscheduled.count > 20 { lines.append(Text("  ... and \(plan.unscheduled.count - 20) more")) }
        return Text.joined(lines + [Text(verbatim: "")], separator: "\n")
    }

    private func clock(_ instant: Instant) -> String { problem.zone.local(at: instant).hourMinute }
}
