import ZitdagCore

/// The true optimum of a tiny problem, by trying every combination of every
/// request's possible series (with pruning by a simple upper bound).
///
/// Written independently of the allocator: it knows the rules only through
/// the problem's types and checks conflicts in the plainest way.
struct Exhaustive {
    let problem: Problem

    struct Option {
        var assignments: [Assignment]
        var value: Int
        var request: Request
    }

    func optimum() -> Int {
        let options = problem.requests.map(allOptions)
        let ceilings = options.map { $0.map(\.value).max() ?? 0 }
        var suffix = [Int](repeating: 0, count: options.count + 1)
        for i in stride(from: options.count - 1, through: 0, by: -1) { suffix[i] = suffix[i + 1] + ceilings[i] }
        var best = 0
        var chosen: [Option] = []
        func search(_ i: Int, _ value: Int) {
            if value > best { best = value }
            guard i < options.count, value + suffix[i] > best else { return }
            for option in options[i] where fits(option, with: chosen) {
                chosen.append(option)
                search(i + 1, value + option.value)
                chosen.removeLast()
            }
            search(i + 1, value)
        }
        search(0, 0)
        return best
    }

    /// Every series of the request that respects its own constraints, ignoring everyone else.
    func allOptions(_ request: Request) -> [Option] {
        let grid = problem.gridSeconds
        // A job seeker is unavailable at the times of any of their requests, scheduled or not.
        let unavailable = problem.requests.filter { $0.jobSeeker == request.jobSeeker }.flatMap(\.unavailable.spans)
        var slots: [(session: Session, span: Span)] = []
        for session in problem.sessions where session.serves(request.language) {
            var start = session.span.start
            while start.adding(seconds: request.duration) <= session.span.end {
                let span = Span(start: start, end: start.adding(seconds: request.duration))
                if !unavailable.contains(where: { $0.overlaps(span) }) { slots.append((session, span)) }
                start = start.adding(seconds: grid)
            }
        }
        let consultant = problem.consultants.first { $0.id == request.consultant }
        let attendOptions: [Bool] = switch request.attendance {
        case .required: [true]
        case .preferred: [true, false]
        case .none: [false]
        }
        var options: [Option] = []
        var series: [Assignment] = []
        func extend() {
            if series.count == request.appointments {
                let firstDay = problem.zone.local(at: series[0].span.start).date
                let coaches = Set(series.map { a in problem.sessions.first { $0.id == a.session }!.coach })
                let value = Objective.value(
                    of: request, firstDay: firstDay, oneCoach: coaches.count == 1,
                    attended: series.filter(\.consultantAttends).count, weights: problem.weights)
                options.append(Option(assignments: series, value: value, request: request))
                return
            }
            for (session, span) in slots {
                let day = problem.zone.local(at: span.start).date
                if let last = series.last {
                    guard span.start >= last.span.end,
                        request.admitsGap(days: problem.zone.local(at: last.span.start).date.days(to: day))
                    else { continue }
                } else {
                    guard request.admitsFirst(day: day) else { continue }
                }
                for attends in attendOptions {
                    if attends, let consultant, !consultant.busy.isFree(span) { continue }
                    series.append(Assignment(request: request.id, index: series.count, session: session.id, span: span, consultantAttends: attends))
                    extend()
                    series.removeLast()
                }
            }
        }
        extend()
        return options
    }

    /// Whether an option conflicts with the options already chosen.
    func fits(_ option: Option, with chosen: [Option]) -> Bool {
        let sessions = Dictionary(problem.sessions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let others = chosen.flatMap { c in c.assignments.map { (c.request, $0) } }
        for mine in option.assignments {
            // Seats: count the session's appointments (booked ones too) at each moment during mine where one starts.
            let session = sessions[mine.session]!
            let sameSession = others.filter { $0.1.session == mine.session }.map(\.1.span) + session.booked + [mine.span]
            for moment in sameSession.map(\.start) where mine.span.start <= moment && moment < mine.span.end {
                let load = sameSession.filter { $0.start <= moment && moment < $0.end }.count
                if load > session.seats { return false }
            }
            for (request, theirs) in others where theirs.span.overlaps(mine.span) {
                if request.jobSeeker == option.request.jobSeeker { return false }
                if mine.consultantAttends, theirs.consultantAttends, request.consultant == option.request.consultant {
                    return false
                }
            }
        }
        return true
    }
}
