import ZitdagCore

/// Renders a plan as the week agenda a coordinator reads: each half-day with
/// its appointments and free time, then the requests left out.
struct WeekAgenda {
    let problem: Problem
    let plan: Plan

    func render(from date: LocalDate, weeks: Int) -> String {
        let requests = Dictionary(problem.requests.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let bySession = Dictionary(grouping: plan.assignments, by: \.session)
        let monday = date.adding(days: 1 - date.weekday)
        var out = ""
        for week in 0..<weeks {
            let from = monday.adding(days: 7 * week)
            let sessions = problem.sessions.filter { from <= $0.day && $0.day < from.adding(days: 7) }
                .sorted { ($0.span.start, $0.coach) < ($1.span.start, $1.coach) }
            let booked = sessions.reduce(0) { $0 + (bySession[$1.id]?.count ?? 0) }
            out += "Week of \(day(from)): \(Counted.text(sessions.count, "half-day")), \(Counted.text(booked, "appointment"))\n"
            for session in sessions {
                let assignments = (bySession[session.id] ?? []).sorted { $0.span.start < $1.span.start }
                let languages = session.languages.map { " [" + $0.sorted().joined(separator: ",") + "]" } ?? ""
                out += "\n  \(day(session.day))  \(clock(session.span.start))-\(clock(session.span.end))"
                    + "  coach \(session.coach) at \(session.location), \(session.seats) seat\(session.seats == 1 ? "" : "s")\(languages)\n"
                for assignment in assignments {
                    let request = requests[assignment.request]
                    let series = request.map { "\(assignment.index + 1)/\($0.appointments)" } ?? "?"
                    let along = assignment.consultantAttends ? ", with \(request?.consultant ?? "consultant")" : ""
                    out += "    \(clock(assignment.span.start))-\(clock(assignment.span.end))  \(assignment.request)"
                        + " (job seeker \(request?.jobSeeker ?? "?"), appointment \(series)\(along))\n"
                }
                let used = assignments.reduce(0) { $0 + $1.span.seconds }
                let capacity = session.span.seconds * session.seats
                out += "    \(capacity > 0 ? used * 100 / capacity : 0)% of seat time booked\n"
            }
            out += "\n"
        }
        out += "\(plan.unscheduled.count) of \(Counted.text(problem.requests.count, "request")) left out"
        out += plan.unscheduled.isEmpty ? ".\n" : ":\n"
        for item in plan.unscheduled.prefix(20) { out += "  \(item.request): \(item.reason)\n" }
        if plan.unscheduled.count > 20 { out += "  ... and \(plan.unscheduled.count - 20) more\n" }
        return out
    }

    private func day(_ date: LocalDate) -> String { date.withWeekday }

    private func clock(_ instant: Instant) -> String { problem.zone.local(at: instant).hourMinute }
}
