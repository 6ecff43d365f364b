import GRDB
import ZitdagCore

extension Desk {
    /// Books a draft: one appointment, a whole series from its first start (the rest placed as the
    /// allocator would), or a whole series at the given starts. All or nothing, in one transaction.
    ///
    /// When the place was taken a moment ago, ``StoreError/taken(what:next:zone:)`` lists what is free now.
    ///
    /// With an ``Idempotency`` key, a repeated call (same scope and key, same fingerprint) returns the
    /// first call's booking instead of booking again; the key is recorded in the booking's transaction.
    public func book(
        _ draft: RequestDraft, at choices: [SlotChoice], actor: String, idempotency: Idempotency? = nil
    ) throws(StoreError) -> [BookedAppointment] {
        let draft = try store.presetting(draft)
        try draft.validate(gridMinutes: store.gridMinutes)
        guard let first = choices.first else { throw .invalid(field: "start", reason: Text("give the first start, or all \(draft.appointments) starts of the series")) }
        let now = now()
        let today = zone.local(at: now).date
        let firstDay = zone.local(at: first.start).date
        let release = try release(of: draft, today: today)
        guard firstDay >= release else {
            throw .invalid(field: "start", reason: Text("\(weekday: zone.local(at: first.start)) is before \(release)"))
        }
        // A refusal is thrown inside the transaction, so it rolls back and the store's revision stays.
        do throws(StoreError) {
            return try store.write { db -> [BookedAppointment] in
                if let idempotency, let earlier = try idempotency.earlierRequest(db) {
                    return try AppointmentTable.appointments(db, request: earlier)
                }
                // An expired offer's place is free again before anything is decided.
                try store.settleOffers(db, now: now, actor: actor)
                let seeker = try draft.jobSeekerProfile(db)
                let request = try self.request(for: draft, release: release, seeker: seeker, db)
                // A series from its first start reads the days it may reach; starts of one's own, the sessions running then.
                let fromFirst = choices.count == 1 && draft.appointments > 1
                let days = choices.map { zone.local(at: $0.start).date }
                let state = try BookingState.load(
                    db, days: days.min()!...(fromFirst ? firstDay.adding(days: (draft.appointments - 1) * draft.gapDays.upperBound) : days.max()!),
                    zone: zone, agendas: .of(draft), running: fromFirst ? [] : choices)
                let desk = try state.desk(db, store: store, today: today, urgent: draft.urgent)
                let found = try StoreError.catching(zone: zone) { () throws(BookingRefusal) in try desk.place(request, at: choices) }
                let id = try RequestTable.insert(db, draft, request: request, status: "booked", created: now)
                // Returned as built, not read back (a test holds them equal to what the store reads);
                // coach and location are the state's sessions'.
                let booked = try found.map { assignment in
                    guard let session = state.sessions.first(where: { $0.id == assignment.session }) else { throw StoreError.unknown(kind: Text("session"), id: assignment.session) }
                    return BookedAppointment(
                        id: try AppointmentTable.insert(db, request: id, assignment, changed: now, urgent: draft.urgent), request: id, draft: draft,
                        assignment: assignment, session: session, initials: seeker.initials, changed: now)
                }
                try idempotency?.record(db, request: id, at: now)
                try AuditLog.record(
                    db, at: now, actor: actor, action: "book", subject: "request \(id)",
                    detail: "job seeker \(draft.jobSeeker), \(found.count) appointment(s) from \(zone.local(at: found[0].span.start))")
                return booked
            }
        } catch {
            guard error.code == .taken else { throw error }
            var taken = error
            taken.next = nextFree(draft, after: first.start)
            throw taken
        }
    }

    /// Up to three places for `draft` starting after `start`, best first: what to offer instead of a
    /// taken one (never one earlier than asked).
    func nextFree(_ draft: RequestDraft, after start: Instant) -> [Offer] {
        var later = draft
        later.from = zone.local(at: start).date
        let options = (try? slots(for: later, count: 12).options) ?? []
        return Array(options.filter { $0.assignments[0].span.start > start }.prefix(3))
    }
}
