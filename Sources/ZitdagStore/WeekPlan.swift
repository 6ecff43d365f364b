import GRDB
import ZitdagCore

/// `zitdag plan`: the allocator over the pending requests, around what is booked, committed at once.
public struct WeekPlan: Sendable {
    /// The plan over the requests (ids `R<request id>`), as the allocator made it and the checker passed it.
    public var plan: Plan
    public var requests: Int
    public var scheduled: Int
    /// Whether the plan was written to the store (false for a dry run).
    public var committed: Bool
}

extension Desk {
    /// Plans every pending request released by `to` into the open sessions of `from...to`, leaving
    /// existing bookings where they are. The plan is checked by ``PlanChecker`` and committed in one
    /// transaction, during which no one else can book, so nothing can slip in between.
    public func plan(
        from: LocalDate, to: LocalDate, dryRun: Bool, seed: UInt64 = 1, timeLimit: Duration = .seconds(2), actor: String
    ) throws(StoreError) -> WeekPlan {
        guard from <= to else { throw .invalid(field: "to", reason: "\(to) is before \(from)") }
        let now = now()
        let today = zone.local(at: now).date
        let (zone, gridMinutes) = (zone, store.gridMinutes)
        let work = { (db: Database) throws -> WeekPlan in
            let window = BookingWindow(
                sessions: try SessionTable.sessions(db, days: from.daysSinceEpoch...to.daysSinceEpoch), rules: try RuleTable.ruleBook(db),
                today: today)
            var requests: [Request] = []
            for var request in try RequestTable.pending(db, releasedBy: to) {
                request.unavailable = BusyCalendar(try JobSeekerTable.booked(db, request.jobSeeker))
                requests.append(window.shape(request))
            }
            let start = zone.instant(for: LocalDateTime(date: from, secondOfDay: 0)) ?? now
            let consultants = try ConsultantTable.all(db, from: start, to: start.adding(seconds: (from.days(to: to) + 2) * 86_400))
            let problem = Problem(
                zone: zone, gridMinutes: gridMinutes, sessions: window.sessions, consultants: consultants, requests: requests)
            let result = Allocator(problem: problem).solve(options: .init(seed: seed, timeLimit: timeLimit), clock: ContinuousClock())
            let report = PlanChecker(problem: problem).check(result.plan)
            guard report.isValid else {
                throw StoreError.conflict("the plan failed its check and was not committed: \(report.violations.prefix(3).map(\.message))")
            }
            if !dryRun {
                let durations = Dictionary(uniqueKeysWithValues: requests.map { ($0.id, $0.duration - window.padding) })
                for assignment in result.plan.assignments {
                    let id = Int64(assignment.request.dropFirst())!
                    try AppointmentTable.insert(db, request: id, window.unshape(assignment, duration: durations[assignment.request]!), changed: now)
                }
                for id in Set(result.plan.assignments.map(\.request)) {
                    try db.run("UPDATE request SET status = 'booked' WHERE id = ?", [Int64(id.dropFirst())!])
                }
                try AuditLog.record(
                    db, at: now, actor: actor, action: "plan", subject: "\(from)..\(to)",
                    detail: "\(result.scheduled) of \(requests.count) request(s) booked, objective \(result.plan.objective)")
            }
            return WeekPlan(plan: result.plan, requests: requests.count, scheduled: result.scheduled, committed: !dryRun)
        }
        return dryRun ? try store.read(work) : try store.write(work)
    }
}
