/// Who a feed is for, and so what it shows: job seekers appear as its ``viewer`` sees them (a coach's
/// or location's feed by initials only).
public enum FeedAudience: Sendable, Hashable {
    /// A coach: their half-days and every appointment in them.
    case coach(String)
    /// A consultant: the appointments of the requests they made, whether they attend or not.
    case consultant(String)
    /// A location: the half-days held there and their appointments.
    case location(String)

    /// Who reads this feed.
    public var viewer: Viewer {
        switch self {
        case .coach: .coach
        case .consultant: .consultant
        case .location: .location
        }
    }

    /// The feed's name in calendar apps.
    public var calendarName: Text {
        switch self {
        case .coach(let id): Text("Half-days coach \(id)")
        case .consultant(let id): Text("Coaching appointments \(id)")
        case .location(let id): Text("Half-days location \(id)")
        }
    }

    /// The entries of a plan this audience sees, by start.
    public func entries(in problem: Problem, plan: Plan) -> [CalendarEntry] {
        let requests = Dictionary(problem.requests.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let sessions = Dictionary(problem.sessions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let byRequest = Dictionary(grouping: plan.assignments, by: \.request)
        var entries: [CalendarEntry] = []
        for session in problem.sessions where shows(session) {
            let count = plan.assignments.filter { $0.session == session.id }.count
            entries.append(CalendarEntry(
                uid: "session-\(session.id)@zitdag", span: session.span,
                summary: Text("Coaching half-day (\(count: count, "appointment"))"), location: session.location,
                description: Text("Coach \(session.coach), \(count: session.seats, "seat")")))
        }
        for assignment in plan.assignments {
            guard let request = requests[assignment.request], let session = sessions[assignment.session],
                shows(assignment, of: request, in: session)
            else { continue }
            let total = byRequest[request.id]?.count ?? request.appointments
            let along = assignment.consultantAttends ? Text("with consultant \(request.consultant ?? "")") : Text("without consultant")
            // A plan file has no initials: a coach's or location's feed names the request, not the person.
            let who = viewer.jobSeeker(id: request.jobSeeker, initials: nil)
            let about = Text("request \(request.id), appointment \(assignment.index + 1) of \(total), coach \(session.coach), \(along)")
            entries.append(CalendarEntry(
                uid: "appointment-\(request.id)-\(assignment.index)@zitdag", span: assignment.span,
                summary: Text("Coaching \(who.map { Text(verbatim: $0) } ?? Text("request \(request.id)")) (\(assignment.index + 1)/\(total))"),
                location: session.location, description: who.map { Text("Job seeker \($0), \(about)") } ?? about))
        }
        return entries.sorted { ($0.span.start, $0.uid) < ($1.span.start, $1.uid) }
    }

    /// Whether the coach, consultant or location is in the problem at all.
    public func appears(in problem: Problem) -> Bool {
        switch self {
        case .coach(let id): problem.sessions.contains { $0.coach == id }
        case .consultant(let id): problem.consultants.contains { $0.id == id }
        case .location(let id): problem.sessions.contains { $0.location == id }
        }
    }

    private func shows(_ session: Session) -> Bool {
        switch self {
        case .coach(let id): session.coach == id
        case .location(let id): session.location == id
        case .consultant: false
        }
    }

    private func shows(_ assignment: Assignment, of request: Request, in session: Session) -> Bool {
        switch self {
        case .coach(let id): session.coach == id
        case .location(let id): session.location == id
        case .consultant(let id): request.consultant == id
        }
    }
}
