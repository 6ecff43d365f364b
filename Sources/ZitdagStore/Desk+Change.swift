import GRDB
import ZitdagCore

extension Desk {
    /// Moves one appointment to another start (and session): it keeps its id, so calendar feeds
    /// show the same event at its new time. The new place is found and checked as a booking is,
    /// and it must keep the series' gaps.
    public func move(appointment id: Int64, to choice: SlotChoice, actor: String) throws(StoreError) -> BookedAppointment {
        let now = now()
        let today = zone.local(at: now).date
        // A refusal is thrown inside the transaction, so it rolls back and the store's revision stays.
        do throws(StoreError) {
            return try moveInTransaction(id, to: choice, now: now, today: today, actor: actor)
        } catch {
            guard error.code == .taken else { throw error }
            // What is free after the time asked, for this appointment alone, read after the rollback.
            var single = try store.read { db in try RequestTable.draft(db, try AppointmentTable.appointment(db, id: id)?.request ?? 0) }
            single?.appointments = 1
            var taken = error
            taken.next = single.map { nextFree($0, after: choice.start) } ?? []
            throw taken
        }
    }

    private func moveInTransaction(_ id: Int64, to choice: SlotChoice, now: Instant, today: LocalDate, actor: String) throws(StoreError) -> BookedAppointment {
        try store.write { db -> BookedAppointment in
            try store.settleOffers(db, now: now, actor: actor)
            let appointment = try changeable(db, id, now: now)
            let series = try AppointmentTable.appointments(db, request: appointment.request).filter { $0.status != .cancelled }
            guard let draft = try RequestTable.draft(db, appointment.request) else {
                throw StoreError.conflict(Text("appointment \(id) belongs to an erased job seeker and cannot be moved"))
            }
            var single = draft
            single.appointments = 1
            single.from = nil
            let release = zone.local(at: choice.start).date
            guard release >= today else { throw StoreError.invalid(field: "start", reason: Text("\(weekday: zone.local(at: choice.start)) is in the past")) }
            let request = try self.request(for: single, release: release, except: [id], db)
            let state = try BookingState.load(db, days: release...release, zone: zone, agendas: .of(draft), running: [choice], except: [id])
            // An urgent appointment stays urgent where it goes.
            let urgent = try Bool.fetchOne(db, sql: "SELECT urgent FROM appointment WHERE id = ?", arguments: [id]) ?? false
            let desk = try state.desk(db, store: store, today: today, urgent: urgent)
            let placed = try StoreError.catching(zone: zone) { () throws(BookingRefusal) in
                // The series' gap rule, against the appointments before and after it.
                try BookingDesk.checkGaps(
                    of: request, moving: appointment.index, to: release,
                    others: series.filter { $0.id != id }.map { ($0.index, zone.local(at: $0.span.start).date) })
                return try desk.place(request, at: [choice])[0]
            }
            try db.run(#"UPDATE appointment SET session_id = ?, start = ?, "end" = ?, consultant_attends = ?, sequence = sequence + 1, changed = ? WHERE id = ?"#, [placed.session, placed.span.start.seconds, placed.span.end.seconds, placed.consultantAttends, now.seconds, id])
            try store.endWaitForEarlier(db, request: appointment.request, now: now, actor: actor)
            try AuditLog.record(
                db, at: now, actor: actor, action: "move", subject: "appointment \(id)",
                detail: "\(zone.local(at: appointment.span.start)) in \(appointment.session) -> \(zone.local(at: placed.span.start)) in \(placed.session)")
            // The place it left may serve a waiting request.
            _ = try store.backfill(db, freed: [appointment.session], now: now, actor: actor)
            return try AppointmentTable.appointment(db, id: id)!
        }
    }

    /// Cancels an appointment (or, with `wholeSeries`, it and every later one of its series: the
    /// earlier ones, which may have taken place, stay) and returns what was cancelled. Cancelled
    /// appointments stay in the store, so feeds can show them as cancelled for a while. Where the
    /// session's rules say `backfill book`, the freed place goes to a waiting request in the same
    /// transaction (see ``cancelling(appointment:wholeSeries:actor:)``).
    public func cancel(
        appointment id: Int64, wholeSeries: Bool = false, cause: CancellationCause = CancellationCause(by: .consultant), actor: String
    ) throws(StoreError) -> [BookedAppointment] {
        try cancelling(appointment: id, wholeSeries: wholeSeries, cause: cause, actor: actor).cancelled
    }

    /// What a cancellation changed: the appointments cancelled, and what filled the places they freed.
    public struct Cancellation: Sendable {
        public var cancelled: [BookedAppointment]
        public var filled: Store.Backfilled
    }

    /// Cancels as ``cancel(appointment:wholeSeries:actor:)`` does and says what filled the freed places.
    /// `cause`: who called it off and why, kept for the funders' report.
    public func cancelling(
        appointment id: Int64, wholeSeries: Bool = false, cause: CancellationCause = CancellationCause(by: .consultant), actor: String
    ) throws(StoreError) -> Cancellation {
        let now = now()
        let store = self.store
        return try store.write { db in
            try store.settleOffers(db, now: now, actor: actor)
            let appointment = try changeable(db, id, now: now)
            let series = wholeSeries ? try AppointmentTable.appointments(db, request: appointment.request) : [appointment]
            let ids = AppointmentRules.cancelling(appointment.standing, series: series.map(\.standing), rest: wholeSeries)
            let targets = series.filter { ids.contains($0.id) }
            for target in targets {
                try AppointmentTable.cancel(db, where: "id = ?", [target.id], cause: cause, now: now)
            }
            try db.run("""
                    UPDATE request SET status = 'cancelled' WHERE id = ?
                    AND NOT EXISTS (SELECT 1 FROM appointment WHERE request_id = ? AND status != 'cancelled')
                    """, [appointment.request, appointment.request])
            try AuditLog.record(
                db, at: now, actor: actor, action: "cancel", subject: "appointment \(id)",
                detail: (wholeSeries ? "series of request \(appointment.request): \(targets.count) appointment(s)" : "one appointment")
                    + ", by \(cause.by.rawValue): \(cause.reason.rawValue)")
            // Changed by hand, the booking no longer waits for an earlier place (before the backfill looks).
            try store.endWaitForEarlier(db, request: appointment.request, now: now, actor: actor)
            let cancelled = try targets.map { try AppointmentTable.appointment(db, id: $0.id)! }
            let filled = try store.backfill(db, freed: Set(targets.map(\.session)), now: now, actor: actor)
            return Cancellation(cancelled: cancelled, filled: filled)
        }
    }

    /// Records how an appointment went: attended or no-show. Only once it has started.
    public func mark(appointment id: Int64, as status: BookedAppointment.Status, actor: String) throws(StoreError) -> BookedAppointment {
        try marking(appointment: id, as: status, actor: actor).marked
    }

    /// What recording an outcome did: the appointment marked; where the rules say a no-show ends
    /// the series, its later appointments cancelled and their places filled from the waiting list.
    public struct Marking: Sendable {
        public var marked: BookedAppointment
        public var ended: [BookedAppointment] = []
        public var filled = Store.Backfilled()
    }

    /// ``mark(appointment:as:actor:)``, saying what else it changed, in one transaction.
    public func marking(appointment id: Int64, as status: BookedAppointment.Status, actor: String) throws(StoreError) -> Marking {
        let now = now()
        return try store.write { db in
            guard let appointment = try AppointmentTable.appointment(db, id: id) else {
                throw StoreError.unknown(kind: Text("appointment"), id: String(id))
            }
            try StoreError.catching(zone: zone) { () throws(BookingRefusal) in
                try AppointmentRules.checkMarkable(appointment.standing, as: status, now: now, zone: zone)
            }
            try db.run("UPDATE appointment SET status = ?, changed = ? WHERE id = ?", [status.rawValue, now.seconds, id])
            try AuditLog.record(db, at: now, actor: actor, action: status.rawValue, subject: "appointment \(id)", detail: "")
            var marking = Marking(marked: try AppointmentTable.appointment(db, id: id)!)
            guard status == .noShow, let session = try SessionTable.session(db, id: appointment.session),
                try RuleTable.ruleBook(db).rules(for: session).noShowEndsSeries
            else { return marking }
            let series = try AppointmentTable.appointments(db, request: appointment.request)
            let ended = AppointmentRules.endedByNoShow(appointment.standing, series: series.map(\.standing))
            guard !ended.isEmpty else { return marking }
            for other in ended {
                try AppointmentTable.cancel(db, where: "id = ?", [other], cause: CancellationCause(by: .system, reason: .noShow), now: now)
            }
            try AuditLog.record(
                db, at: now, actor: actor, action: "end series", subject: "request \(appointment.request)",
                detail: "no-show at appointment \(id): \(ended.count) later appointment(s) cancelled")
            marking.ended = try ended.map { try AppointmentTable.appointment(db, id: $0)! }
            marking.filled = try store.backfill(db, freed: Set(marking.ended.map(\.session)), now: now, actor: actor)
            return marking
        }
    }

    /// The appointment, if it exists, is booked and has not started yet.
    private func changeable(_ db: Database, _ id: Int64, now: Instant) throws -> BookedAppointment {
        guard let appointment = try AppointmentTable.appointment(db, id: id) else {
            throw StoreError.unknown(kind: Text("appointment"), id: String(id))
        }
        try StoreError.catching(zone: zone) { () throws(BookingRefusal) in try AppointmentRules.checkChangeable(appointment.standing, now: now, zone: zone) }
        return appointment
    }
}
