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
    /// Plans every pending request released by `to` into the open sessions, around existing bookings:
    /// first appointments on days `from...to`, the rest of each series after them as its gaps say (a
    /// week's plan would otherwise leave out every series that does not fit in the week). The plan is
    /// checked by ``PlanChecker`` and committed in one transaction, during which no one else can book,
    /// so nothing can slip in between. Where the booking horizon cuts the sessions short, the reasons
    /// for the requests left out say so.
    public func plan(
        from: LocalDate, to: LocalDate, dryRun: Bool, seed: UInt64 = 1, timeLimit: Duration = .seconds(2), actor: String
    ) throws(StoreError) -> WeekPlan {
        guard from <= to else { throw .invalid(field: "to", reason: Text("\(to) is before \(from)")) }
        let now = now()
        let today = zone.local(at: now).date
        let (zone, gridMinutes) = (zone, store.gridMinutes)
        let store = self.store
        let work = { (db: Database) throws -> WeekPlan in
            if !dryRun { try store.settleOffers(db, now: now, actor: actor) }
            let pending = try RequestTable.pending(db, releasedBy: to)
            // Later appointments may fall after `to`: as far as the longest series reaches.
            let reach = pending.map { ($0.appointments - 1) * $0.gapDays.upperBound }.max() ?? 0
            let last = to.adding(days: reach)
            let state = try BookingState.load(db, days: from...last, zone: zone, agendas: .all)
            let sessions = state.sessions
            let rules = try RuleTable.ruleBook(db)
            let window = BookingWindow(sessions: sessions, rules: rules, today: today)
            // The first day the rules keep closed for being too far ahead, if any session falls there.
            let beyond = sessions.filter { $0.day > today && !rules.rules(for: $0).allows(day: $0.day, today: today) }.map(\.day).min()
            var requests: [Request] = []
            var asked: [Request] = []
            for var request in pending {
                request.unavailable = try Store.unavailable(db, waiting: request)
                // `due` bounds the first appointment: the period's last day at the latest.
                request.due = min(request.due ?? to, to)
                asked.append(request)
                requests.append(window.shape(request))
            }
            let problem = Problem(
                zone: zone, gridMinutes: gridMinutes, sessions: window.sessions, consultants: state.consultants, requests: requests)
            var result = Allocator(problem: problem).solve(options: .init(seed: seed, timeLimit: timeLimit), clock: ContinuousClock())
            let durations = Dictionary(uniqueKeysWithValues: requests.map { ($0.id, $0.duration - window.padding) })
            let placed = result.plan.assignments.map { window.unshape($0, duration: durations[$0.request]!) }
            // Left out for want of a half-day the calendar took back: said so, where it is true around this plan.
            let leftOut = Set(result.plan.unscheduled.map(\.request))
            let cancelledReasons = CancelledHalfDays(open: sessions, cancelled: state.cancelled, rules: rules, today: today).reasons(
                forLeftOut: asked.filter { leftOut.contains($0.id) }, around: placed, of: asked, consultants: state.consultants, zone: zone,
                gridMinutes: gridMinutes)
            for i in result.plan.unscheduled.indices {
                if let reason = cancelledReasons[result.plan.unscheduled[i].request] { result.plan.unscheduled[i].reason = reason }
            }
            if let beyond {
                for i in result.plan.unscheduled.indices {
                    result.plan.unscheduled[i].reason = Text("\(result.plan.unscheduled[i].reason); sessions from \(beyond) on are beyond the booking horizon")
                }
            }
            let report = PlanChecker(problem: problem).check(result.plan)
            guard report.isValid else {
                throw StoreError.conflict(Text("the plan failed its check and was not committed: \(Text.joined(report.violations.prefix(3).map(\.text), separator: "; "))"))
            }
            if !dryRun {
                for assignment in placed {
                    guard let id = RequestTable.storeID(assignment.request) else { preconditionFailure("the plan names \(assignment.request), not a stored request") }
                    try AppointmentTable.insert(db, request: id, assignment, changed: now)
                }
                let booked = Set(result.plan.assignments.compactMap { RequestTable.storeID($0.request) })
                for id in booked {
                    try db.run("UPDATE request SET status = 'booked' WHERE id = ?", [id])
                }
                // Those waiting for an earlier place replace their bookings, whose places go on.
                let freed = try store.replaceEarlier(db, booked: booked.sorted(), now: now, actor: actor)
                _ = try store.backfill(db, freed: freed, now: now, actor: actor)
                try AuditLog.record(
                    db, at: now, actor: actor, action: "plan", subject: "\(from)..\(to)",
                    detail: "\(result.scheduled) of \(requests.count) request(s) booked, objective \(result.plan.objective)")
            }
            return WeekPlan(plan: result.plan, requests: requests.count, scheduled: result.scheduled, committed: !dryRun)
        }
        return dryRun ? try store.read(work) : try store.write(work)
    }
}
