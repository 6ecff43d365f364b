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
        try draft.validate(gridMinutes: store.gridMinutes)
        guard let first = choices.first, choices.count == 1 || choices.count == draft.appointments else {
            throw .invalid(field: "start", reason: "give the first start, or all \(draft.appointments) starts of the series")
        }
        let now = now()
        let today = zone.local(at: now).date
        let firstDay = zone.local(at: first.start).date
        let release = try release(of: draft, today: today)
        guard firstDay >= release else {
            throw .invalid(field: "start", reason: "\(zone.local(at: first.start).withWeekday) is before \(release)")
        }
        // A refusal is thrown inside the transaction, so it rolls back and the store's revision stays.
        do throws(StoreError) {
            return try store.write { db -> [BookedAppointment] in
                if let idempotency, let earlier = try idempotency.earlierRequest(db) {
                    return try AppointmentTable.appointments(db, request: earlier)
                }
                let request = try self.request(for: draft, release: release, db)
                let rules = try RuleTable.ruleBook(db)
                let sessions: [Session]
                if choices.count == 1 && draft.appointments > 1 {
                    let last = firstDay.adding(days: (draft.appointments - 1) * draft.gapDays.upperBound)
                    sessions = try SessionTable.sessions(db, days: firstDay.daysSinceEpoch...last.daysSinceEpoch)
                } else {
                    sessions = try choices.flatMap { try SessionTable.sessions(db, at: $0.start, id: $0.session) }
                }
                guard !sessions.isEmpty else {
                    throw StoreError.invalid(field: "start", reason: "no open session\(first.session.map { " \($0)" } ?? "") runs at \(zone.local(at: first.start).withWeekday)")
                }
                let window = BookingWindow(sessions: sessions, rules: rules, today: today)
                guard !window.sessions.isEmpty else {
                    throw StoreError.invalid(field: "start", reason: "\(zone.local(at: first.start).withWeekday) is outside the booking rules (notice or horizon)")
                }
                let consultants = try draft.consultant.map { id in
                    [try ConsultantTable.consultant(db, id: id, from: sessions.map(\.span.start).min()!, to: sessions.map(\.span.end).max()!)]
                } ?? []
                let shaped = window.shape(request)
                let availability = Availability(sessions: window.sessions, consultants: consultants, zone: zone, gridMinutes: store.gridMinutes)
                let found: [Assignment]
                if choices.count == 1 {
                    guard let offer = availability.offers(for: shaped, count: 1, firstStart: first.start).options.first else {
                        throw failure(shaped, at: first.start, availability: availability, window: window, consultants: consultants)
                    }
                    found = offer.assignments
                } else {
                    found = try explicitSeries(shaped, choices, window: window, consultants: consultants)
                }
                let problem = Problem(zone: zone, gridMinutes: store.gridMinutes, sessions: window.sessions, consultants: consultants, requests: [shaped])
                let violations = PlanChecker(problem: problem).check(Plan(assignments: found, unscheduled: [], objective: 0))
                    .violations.filter { $0.rule != .objective }
                if violations.contains(where: { $0.rule == .seats }) {
                    throw StoreError.taken(what: "the slot at \(zone.local(at: first.start).withWeekday)", next: [], zone: zone)
                }
                if let violation = violations.first { throw StoreError.invalid(field: "start", reason: violation.message) }
                let id = try RequestTable.insert(db, draft, request: request, status: "booked", created: now)
                for assignment in found {
                    try AppointmentTable.insert(db, request: id, window.unshape(assignment, duration: request.duration), changed: now)
                }
                try idempotency?.record(db, request: id, at: now)
                try AuditLog.record(
                    db, at: now, actor: actor, action: "book", subject: "request \(id)",
                    detail: "job seeker \(draft.jobSeeker), \(found.count) appointment(s) from \(zone.local(at: found[0].span.start))")
                return try AppointmentTable.appointments(db, request: id)
            }
        } catch .taken(let what, _, _) {
            throw .taken(what: what, next: nextFree(draft, after: first.start), zone: zone)
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

    /// Why a search pinned to `start` found nothing: off the grid, over the job seeker's own
    /// appointment, a seat taken (it fits once the seats are empty), or the allocator's diagnosis.
    func failure(
        _ request: Request, at start: Instant, availability: Availability, window: BookingWindow, consultants: [Consultant]
    ) -> StoreError {
        let grid = store.gridMinutes * 60
        let running = window.sessions.filter { $0.span.start <= start && start < $0.span.end }
        if let session = running.first, running.allSatisfy({ ($0.span.start.seconds - start.seconds) % grid != 0 }) {
            let first = zone.local(at: session.span.start)
            return .invalid(
                field: "start",
                reason: "\(zone.local(at: start).withWeekday) is off the \(store.gridMinutes)-minute grid of \(session.id), which starts at \(first.hourMinute)")
        }
        let span = Span(start: start, end: start.adding(seconds: request.duration))
        if !request.unavailable.isFree(span) {
            return .noRoom(reason: "\(request.jobSeeker) already has an appointment, or is unavailable, during \(zone.local(at: start).withWeekday)-\(zone.local(at: span.end).hourMinute)")
        }
        let empty = window.sessions.map { session in
            var session = session
            session.booked = []
            return session
        }
        let unbooked = Availability(sessions: empty, consultants: consultants, zone: zone, gridMinutes: store.gridMinutes)
        let offers = unbooked.offers(for: request, count: 1, firstStart: start)
        if !offers.options.isEmpty {
            return .taken(what: "the slot at \(zone.local(at: start).withWeekday)", next: [], zone: zone)
        }
        let reason = availability.offers(for: request, count: 1).reason
        return .noRoom(reason: "nothing starts at \(zone.local(at: start).withWeekday) for this request" + (reason.map { "; \($0)" } ?? ""))
    }

    /// A series at the consultant's own starts: each in the session running then (the named one, or
    /// one serving the language, the previous appointment's coach first).
    private func explicitSeries(
        _ request: Request, _ choices: [SlotChoice], window: BookingWindow, consultants: [Consultant]
    ) throws(StoreError) -> [Assignment] {
        var assignments: [Assignment] = []
        var coach: String?
        for (index, choice) in choices.enumerated() {
            let running = window.sessions.filter {
                $0.span.start <= choice.start && choice.start < $0.span.end && (choice.session == nil || $0.id == choice.session)
                    && $0.serves(request.language)
            }
            guard let session = running.first(where: { $0.coach == coach }) ?? running.first else {
                throw .invalid(
                    field: "start", reason: "no open session\(request.language.map { " serving \($0)" } ?? "") runs at \(zone.local(at: choice.start).withWeekday)")
            }
            coach = session.coach
            let span = Span(start: choice.start, end: choice.start.adding(seconds: request.duration))
            let attends = switch request.attendance {
            case .required: true
            case .none: false
            case .preferred: consultants.first?.busy.isFree(span) ?? false
            }
            assignments.append(Assignment(request: request.id, index: index, session: session.id, span: span, consultantAttends: attends))
        }
        return assignments
    }
}
