/// Verifies a plan against its problem: every hard constraint, the
/// all-or-nothing rule and the stated objective.
///
/// It shares the rules (``Session/admits(start:duration:gridSeconds:)``,
/// ``Request/admitsGap(days:)``, ``Objective``) with the allocator but none of
/// its bookkeeping, so a bug in the allocator's fast structures shows up here.
public struct PlanChecker {
    public let problem: Problem

    public init(problem: Problem) {
        self.problem = problem
    }

    public func check(_ plan: Plan) -> PlanReport {
        var violations: [Violation] = []
        let sessions = Dictionary(problem.sessions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let consultants = Dictionary(problem.consultants.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let requests = Dictionary(problem.requests.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })

        var byRequest: [String: [Assignment]] = [:]
        for assignment in plan.assignments {
            guard requests[assignment.request] != nil else {
                violations.append(Violation(.reference, request: assignment.request, Text("no such request in the problem")))
                continue
            }
            guard sessions[assignment.session] != nil else {
                violations.append(Violation(.reference, request: assignment.request, Text("no such session \(assignment.session)")))
                continue
            }
            byRequest[assignment.request, default: []].append(assignment)
        }
        violations += checkCompleteness(plan, byRequest: byRequest, requests: requests)

        var objective = 0
        var placed: [(request: Request, assignment: Assignment, session: Session)] = []
        for request in problem.requests {
            guard let assignments = byRequest[request.id]?.sorted(by: { $0.index < $1.index }),
                assignments.count == request.appointments
            else { continue }
            let series = assignments.map { (assignment: $0, session: sessions[$0.session]!) }
            let found = checkSeries(request, series, consultant: request.consultant.flatMap { consultants[$0] })
            violations += found
            placed += series.map { (request, $0.assignment, $0.session) }
            let firstDay = problem.zone.local(at: series[0].assignment.span.start).date
            objective += Objective.value(
                of: request, firstDay: firstDay, oneCoach: Set(series.map(\.session.coach)).count == 1,
                attended: series.filter(\.assignment.consultantAttends).count, weights: problem.weights)
        }
        violations += checkSeats(placed.map { ($0.assignment, $0.session) })
        violations += checkOverlaps(
            placed.map { ($0.request.jobSeeker, $0.assignment) }, rule: .jobSeeker, who: "job seeker")
        violations += checkOverlaps(
            placed.filter { $0.assignment.consultantAttends && $0.request.consultant != nil }
                .map { ($0.request.consultant!, $0.assignment) },
            rule: .coAttendance, who: "consultant")
        violations += checkUnavailability(placed.map { ($0.request, $0.assignment) })
        if objective != plan.objective {
            violations.append(Violation(.objective, Text("the plan states \(plan.objective), the assignments give \(objective)")))
        }
        return PlanReport(violations: violations, objective: objective, scheduled: byRequest.count)
    }

    /// Every request appears with all its appointments (indices 0..<n once each) or once as unscheduled.
    private func checkCompleteness(
        _ plan: Plan, byRequest: [String: [Assignment]], requests: [String: Request]
    ) -> [Violation] {
        var violations: [Violation] = []
        var unscheduledCount: [String: Int] = [:]
        for item in plan.unscheduled {
            unscheduledCount[item.request, default: 0] += 1
            if requests[item.request] == nil {
                violations.append(Violation(.reference, request: item.request, Text("unscheduled request is not in the problem")))
            }
            if item.reason.description.allSatisfy(\.isWhitespace) {
                violations.append(Violation(.completeness, request: item.request, Text("unscheduled without a reason")))
            }
        }
        for request in problem.requests {
            let indices = (byRequest[request.id] ?? []).map(\.index).sorted()
            let listed = unscheduledCount[request.id] ?? 0
            switch (indices.isEmpty, listed) {
            case (true, 0):
                violations.append(Violation(.completeness, request: request.id, Text("neither scheduled nor listed as unscheduled")))
            case (true, 1): break
            case (false, 0):
                if indices != Array(0..<request.appointments) {
                    violations.append(Violation(
                        .completeness, request: request.id,
                        Text("has appointment indices \(indices) but needs exactly 0...\(request.appointments - 1)")))
                }
            case (false, _):
                violations.append(Violation(.completeness, request: request.id, Text("is both scheduled and unscheduled")))
            case (true, _):
                violations.append(Violation(.completeness, request: request.id, Text("is listed as unscheduled \(listed) times")))
            }
        }
        return violations
    }

    /// The rules that concern one request's own appointments.
    private func checkSeries(
        _ request: Request, _ series: [(assignment: Assignment, session: Session)], consultant: Consultant?
    ) -> [Violation] {
        var violations: [Violation] = []
        func add(_ rule: Violation.Rule, _ message: Text) {
            violations.append(Violation(rule, request: request.id, message))
        }
        var previous: (day: LocalDate, span: Span)?
        for (assignment, session) in series {
            let span = assignment.span
            let label = "appointment \(assignment.index) in \(session.id)"
            if span.seconds != request.duration {
                add(.window, Text("\(label) lasts \(span.seconds / 60) minutes, not \(request.duration / 60)"))
            }
            if !session.admits(start: span.start, duration: request.duration, gridSeconds: problem.gridSeconds) {
                add(.window, Text("\(label) is not inside the session on its \(problem.gridMinutes)-minute grid"))
            }
            if !session.serves(request.language) {
                add(.language, Text("\(label): the session does not serve language \(request.language ?? "")"))
            }
            if !request.attendance.allows(attends: assignment.consultantAttends) {
                add(.coAttendance, Text("\(label): attendance is \(request.attendance.rawValue) but consultant_attends is \(assignment.consultantAttends)"))
            }
            if assignment.consultantAttends, let consultant, !consultant.busy.isFree(span) {
                add(.coAttendance, Text("\(label): consultant \(consultant.id) is busy then"))
            }
            let day = problem.zone.local(at: span.start).date
            if let previous {
                if span.start < previous.span.start {
                    add(.series, Text("\(label) starts before the appointment with the previous index"))
                }
                let gap = previous.day.days(to: day)
                if !request.admitsGap(days: gap) {
                    add(.series, Text("\(label) is \(count: gap, "day") after the previous one, outside \(request.gapDays.lowerBound)...\(request.gapDays.upperBound)"))
                }
            } else if !request.admitsFirst(day: day) {
                add(
                    .releaseAndDue,
                    request.due.map { Text("first appointment on \(day) is outside release \(request.release) ... due \($0)") }
                        ?? Text("first appointment on \(day) is outside release \(request.release)"))
            }
            previous = (day, span)
        }
        return violations
    }

    /// At no moment does a session hold more appointments than seats, counting those already booked
    /// and the seats its reservations keep (walk-in; held back and not released by the problem's day).
    private func checkSeats(_ placed: [(assignment: Assignment, session: Session)]) -> [Violation] {
        var violations: [Violation] = []
        for (_, group) in Dictionary(grouping: placed, by: { $0.session.id }).sorted(by: { $0.key < $1.key }) {
            let session = group[0].session
            let seen = session.forBooking(today: problem.today)
            let bookedBefore = session.booked.count + session.bookedUrgent.count
            // Ends sort before starts at the same instant: touching appointments do not overlap.
            var events: [(time: Int, delta: Int, kept: Int)] = []
            for (index, span) in (group.map(\.assignment.span) + seen.booked).enumerated() {
                // Spans past the appointments and those booked before are what the reservations keep.
                let kept = index >= group.count + bookedBefore ? 1 : 0
                events.append((span.start.seconds, 1, kept))
                events.append((span.end.seconds, -1, -kept))
            }
            events.sort { ($0.time, $0.delta) < ($1.time, $1.delta) }
            var running = 0
            var kept = 0
            for event in events {
                running += event.delta
                kept += event.kept
                if running > session.seats {
                    let at = problem.zone.local(at: Instant(seconds: event.time))
                    let reserved = kept > 0 ? ", \(kept) kept for walk-in or held back" : ""
                    violations.append(Violation(.seats, Text("session \(session.id) holds \(count: running - kept, "appointment") at \(at) but has \(count: session.seats, "seat")\(reserved)")))
                    break
                }
            }
        }
        return violations
    }

    /// One person is never in two appointments at once.
    private func checkOverlaps(_ items: [(person: String, assignment: Assignment)], rule: Violation.Rule, who: String) -> [Violation] {
        var violations: [Violation] = []
        for (person, group) in Dictionary(grouping: items, by: \.person).sorted(by: { $0.key < $1.key }) {
            let sorted = group.map(\.assignment).sorted { $0.span.start < $1.span.start }
            var latest: Assignment?
            for assignment in sorted {
                if let latest, latest.span.overlaps(assignment.span) {
                    violations.append(Violation(
                        rule, request: assignment.request,
                        Text("\(who) \(person) has overlapping appointments (\(latest.request) #\(latest.index) and \(assignment.request) #\(assignment.index))")))
                }
                if latest.map({ assignment.span.end > $0.span.end }) ?? true { latest = assignment }
            }
        }
        return violations
    }

    /// A job seeker's appointments avoid the unavailable times of all their requests.
    private func checkUnavailability(_ placed: [(request: Request, assignment: Assignment)]) -> [Violation] {
        let calendars = Dictionary(grouping: problem.requests, by: \.jobSeeker)
            .mapValues { BusyCalendar($0.flatMap(\.unavailable.spans)) }
        return placed.compactMap { request, assignment in
            guard let calendar = calendars[request.jobSeeker], !calendar.isFree(assignment.span) else { return nil }
            return Violation(.jobSeeker, request: request.id,
                             Text("appointment \(assignment.index) falls when job seeker \(request.jobSeeker) is unavailable"))
        }
    }
}
