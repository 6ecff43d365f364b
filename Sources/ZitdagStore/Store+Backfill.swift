import GRDB
import ZitdagCore

/// Places freed by a cancellation (or a new half-day) filled from the waiting list, where the
/// session's rules say `backfill book` or `backfill offer`: the core's ``Backfill`` chooses,
/// ``PlanChecker`` checks the result against everything booked, and it is written in the caller's
/// transaction, so two seats freed at once, or a booking racing the backfill, can never double-book.
/// An offered series is booked too, held for its consultant until the ``PlaceOffer`` is decided or
/// expires.
extension Store {
    /// What filling freed places did: the appointments booked, and the offers among them.
    public struct Backfilled: Sendable {
        public var appointments: [BookedAppointment] = []
        public var offers: [PlaceOffer] = []
    }

    /// Books (or offers) waiting requests into `freed` (session ids) as their rules allow.
    func backfill(_ db: Database, freed: Set<String>, now: Instant, actor: String) throws -> Backfilled {
        guard !freed.isEmpty else { return Backfilled() }
        let today = zone.local(at: now).date
        let rules = try RuleTable.ruleBook(db)
        let places = try freed.sorted().compactMap { try SessionTable.session(db, id: $0) }
            .filter { rules.rules(for: $0).backfill != .off && $0.day >= today }
        guard let first = places.map(\.day).min(), let last = places.map(\.day).max() else { return Backfilled() }
        let pending = try RequestTable.pending(db, releasedBy: last)
        guard !pending.isEmpty else { return Backfilled() }
        // A series through a freed half-day reaches as far before and after it as the longest series
        // spans: only those days are read (one day when every waiting request is one appointment).
        let reach = pending.map { ($0.appointments - 1) * $0.gapDays.upperBound }.max() ?? 0
        let state = try BookingState.load(
            db, days: max(today, first.adding(days: -reach))...last.adding(days: reach), zone: zone,
            agendas: .some(Set(pending.compactMap(\.consultant))))
        let window = BookingWindow(sessions: state.sessions, rules: rules, today: today)
        var waiting: [Request] = []
        for var request in pending {
            request.unavailable = try Store.unavailable(db, waiting: request)
            waiting.append(window.shape(request))
        }
        let chosen = Backfill(sessions: window.sessions, consultants: state.consultants, zone: zone, gridMinutes: gridMinutes)
            .fill(freed: Set(places.map(\.id)), waiting: waiting, refused: try OfferTable.refused(db))
        guard !chosen.isEmpty else { return Backfilled() }
        let ids = Set(chosen.map { $0.assignments[0].request })
        let plan = Plan(assignments: chosen.flatMap(\.assignments), unscheduled: [], objective: chosen.map(\.value).reduce(0, +))
        let problem = Problem(
            zone: zone, gridMinutes: gridMinutes, sessions: window.sessions, consultants: state.consultants,
            requests: waiting.filter { ids.contains($0.id) })
        let report = PlanChecker(problem: problem).check(plan)
        guard report.isValid else {
            throw StoreError.conflict(Text("filling the freed place failed its check and was not written: \(report.violations.prefix(3).map(\.message))"))
        }
        var done = Backfilled()
        let policies = Dictionary(uniqueKeysWithValues: places.map { ($0.id, rules.rules(for: $0)) })
        for offer in chosen {
            let problemID = offer.assignments[0].request
            guard let request = RequestTable.storeID(problemID), let waited = pending.first(where: { $0.id == problemID }) else {
                preconditionFailure("the backfill names \(problemID), not a waiting request")
            }
            var made: [BookedAppointment] = []
            for assignment in offer.assignments {
                let id = try AppointmentTable.insert(db, request: request, window.unshape(assignment, duration: waited.duration), changed: now)
                made.append(try AppointmentTable.appointment(db, id: id)!)
            }
            try db.run("UPDATE request SET status = 'booked' WHERE id = ?", [request])
            let used = offer.assignments.map(\.session).filter { policies[$0] != nil }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            // Offered only where a consultant can answer; a request without one is booked. Held as long
            // as the shortest hold among the half-days that offer it.
            let offering = used.compactMap { policies[$0] }.filter { $0.backfill == .offer }
            if waited.consultant != nil, let hours = offering.map(\.offerHours).min() {
                let placeOffer = try OfferTable.insert(
                    PlaceOffer.made(
                        request: request, sessions: used, appointments: made.map(\.id), firstStart: made.map(\.span.start).min()!, hours: hours, at: now),
                    db)
                done.offers.append(placeOffer)
                try AuditLog.record(
                    db, at: now, actor: actor, action: "offer", subject: "request \(request)",
                    detail: "offer \(placeOffer.id) of \(used.joined(separator: ", ")) until \(zone.local(at: placeOffer.expires))")
            } else {
                try AuditLog.record(
                    db, at: now, actor: actor, action: "backfill", subject: "request \(request)",
                    detail: "from the waiting list into \(used.joined(separator: ", "))")
            }
            done.appointments += made
        }
        // Booked for good (not offered): the bookings they replace go, and their places go on.
        let offered = Set(done.offers.map(\.request))
        let freedAgain = try replaceEarlier(
            db, booked: chosen.compactMap { RequestTable.storeID($0.assignments[0].request) }.filter { !offered.contains($0) }, now: now, actor: actor)
        if !freedAgain.isEmpty {
            let more = try backfill(db, freed: freedAgain, now: now, actor: actor)
            done.appointments += more.appointments
            done.offers += more.offers
        }
        return done
    }

    /// Offers past their expiry: their held appointments are cancelled, their requests wait again,
    /// and the places go to the next waiting request. Offers whose appointments were cancelled
    /// meanwhile are withdrawn. Held-back seats whose release day has come go to the waiting list
    /// too. Run before every change at the desk and every listing of offers.
    func settleOffers(_ db: Database, now: Instant, actor: String) throws {
        _ = try releaseHeldSeats(db, now: now, actor: actor)
        for offer in try OfferTable.open(db, consultant: nil) where try OfferTable.isVoid(offer, db) {
            var withdrawn = offer
            (withdrawn.state, withdrawn.decided) = (.withdrawn, now)
            try OfferTable.update(withdrawn, db)
        }
        for offer in try OfferTable.expired(db, at: now) {
            var expired = offer
            (expired.state, expired.decided) = (.expired, offer.expires)
            try release(expired, db, now: now, actor: actor)
        }
    }

    /// The last day held-back seats were given to the waiting list (the setting `held_released_on`).
    private func heldSeatsReleasedOn(_ db: Database) throws -> LocalDate? {
        try Int.fetchOne(db, sql: "SELECT CAST(value AS INTEGER) FROM setting WHERE key = 'held_released_on'").map(LocalDate.init(daysSinceEpoch:))
    }

    /// Whether held-back seats may have been released since the last look (a new day).
    func heldSeatsDue(_ db: Database, now: Instant) throws -> Bool {
        try heldSeatsReleasedOn(db) != zone.local(at: now).date
    }

    /// The half-days whose held-back seats opened to every booking since the last look (once a
    /// day), filled from the waiting list like freed places.
    func releaseHeldSeats(_ db: Database, now: Instant, actor: String) throws -> Backfilled {
        let today = zone.local(at: now).date
        let since = try heldSeatsReleasedOn(db)
        guard since != today else { return Backfilled() }
        var released: Set<String> = []
        let rows = try Row.fetchAll(
            db, sql: "SELECT id, day, reserved FROM session WHERE cancelled = 0 AND day >= ? AND reserved LIKE '%urgent%'", arguments: [today.daysSinceEpoch])
        for row in rows {
            let day = LocalDate(daysSinceEpoch: row["day"])
            let opened = SessionTable.reservations(row["reserved"]).contains { reservation in
                let release = reservation.releaseDay(sessionDay: day)
                return reservation.channel == .urgent && release <= today && since.map { release > $0 } ?? true
            }
            if opened { released.insert(row["id"]) }
        }
        try db.run(
            "INSERT INTO setting (key, value) VALUES ('held_released_on', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [String(today.daysSinceEpoch)])
        return try backfill(db, freed: released, now: now, actor: actor)
    }

    /// Writes a declined or expired offer: its held appointments cancelled, its request waiting
    /// again, and the freed places filled anew (not with this request there).
    func release(_ offer: PlaceOffer, _ db: Database, now: Instant, actor: String) throws {
        try OfferTable.update(offer, db)
        let held = try offer.appointments.compactMap { try AppointmentTable.appointment(db, id: $0) }.filter { $0.status == .booked }
        for appointment in held {
            let cause = CancellationCause(by: offer.state == .declined ? .consultant : .system, reason: .offerDeclined)
            try AppointmentTable.cancel(db, where: "id = ?", [appointment.id], cause: cause, now: now)
        }
        try db.run("UPDATE request SET status = 'pending' WHERE id = ? AND status = 'booked'", [offer.request])
        try AuditLog.record(db, at: now, actor: actor, action: "offer \(offer.state.rawValue)", subject: "request \(offer.request)", detail: "offer \(offer.id)")
        _ = try backfill(db, freed: Set(held.map(\.session)), now: now, actor: actor)
    }
}
