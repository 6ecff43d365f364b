import GRDB
import ZitdagCore

/// Places freed by a cancellation (or a new half-day) filled from the waiting list, where the
/// session's rules say `backfill book`: the core's ``Backfill`` chooses, ``PlanChecker`` checks the
/// result against everything booked, and it is written in the caller's transaction, so two seats
/// freed at once, or a booking racing the backfill, can never double-book.
extension Store {
    /// Books waiting requests into `freed` (session ids) as their rules allow; returns the appointments made.
    func backfill(_ db: Database, freed: Set<String>, now: Instant, actor: String) throws -> [BookedAppointment] {
        guard !freed.isEmpty else { return [] }
        let today = zone.local(at: now).date
        let rules = try RuleTable.ruleBook(db)
        let places = try freed.sorted().compactMap { try SessionTable.session(db, id: $0) }
            .filter { rules.rules(for: $0).backfill == .book && $0.day >= today }
        guard let last = places.map(\.day).max() else { return [] }
        let pending = try RequestTable.pending(db, releasedBy: last)
        guard !pending.isEmpty else { return [] }
        // Later appointments of a series may fall after the freed day: as far as the longest series reaches.
        let reach = pending.map { ($0.appointments - 1) * $0.gapDays.upperBound }.max() ?? 0
        let state = try BookingState.load(db, days: today...last.adding(days: reach), zone: zone, agendas: .all)
        let window = BookingWindow(sessions: state.sessions, rules: rules, today: today)
        var waiting: [Request] = []
        for var request in pending {
            request.unavailable = BusyCalendar(try JobSeekerTable.booked(db, request.jobSeeker))
            waiting.append(window.shape(request))
        }
        let chosen = Backfill(sessions: window.sessions, consultants: state.consultants, zone: zone, gridMinutes: gridMinutes)
            .fill(freed: Set(places.map(\.id)), waiting: waiting)
        guard !chosen.isEmpty else { return [] }
        let ids = Set(chosen.map { $0.assignments[0].request })
        let plan = Plan(assignments: chosen.flatMap(\.assignments), unscheduled: [], objective: chosen.map(\.value).reduce(0, +))
        let problem = Problem(
            zone: zone, gridMinutes: gridMinutes, sessions: window.sessions, consultants: state.consultants,
            requests: waiting.filter { ids.contains($0.id) })
        let report = PlanChecker(problem: problem).check(plan)
        guard report.isValid else {
            throw StoreError.conflict("filling the freed place failed its check and was not written: \(report.violations.prefix(3).map(\.message))")
        }
        var booked: [BookedAppointment] = []
        for offer in chosen {
            let problemID = offer.assignments[0].request
            guard let request = RequestTable.storeID(problemID), let duration = pending.first(where: { $0.id == problemID })?.duration else {
                preconditionFailure("the backfill names \(problemID), not a waiting request")
            }
            for assignment in offer.assignments {
                let id = try AppointmentTable.insert(db, request: request, window.unshape(assignment, duration: duration), changed: now)
                booked.append(try AppointmentTable.appointment(db, id: id)!)
            }
            try db.run("UPDATE request SET status = 'booked' WHERE id = ?", [request])
            try AuditLog.record(
                db, at: now, actor: actor, action: "backfill", subject: "request \(request)",
                detail: "from the waiting list into \(Set(offer.assignments.map(\.session)).intersection(freed).sorted().joined(separator: ", "))")
        }
        return booked
    }
}
