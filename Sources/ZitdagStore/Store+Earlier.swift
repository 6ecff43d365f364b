import GRDB
import ZitdagCore

/// A booked request that would like an earlier place waits for one: a twin of it joins the waiting
/// list with a due date before its first appointment, and when the backfill (or the week's plan)
/// books the twin, the booking it replaces is cancelled in the same transaction and its places go
/// on to the waiting list. Until then the booking stands.
extension Store {
    /// Puts booked request `id` on the waiting list for an earlier place; returns the waiting twin's id.
    ///
    /// - Throws: `.unknown` for no such request; `.conflict` when it is not booked, its series has
    ///   begun, it waits already, or nothing can come before its first appointment.
    public func waitForEarlier(request id: Int64, at now: Instant, actor: String) throws(StoreError) -> Int64 {
        let today = zone.local(at: now).date
        return try write { db in
            guard let status = try String.fetchOne(db, sql: "SELECT status FROM request WHERE id = ?", arguments: [id]),
                var draft = try RequestTable.draft(db, id)
            else { throw StoreError.unknown(kind: Text("request"), id: String(id)) }
            guard status == "booked" else { throw StoreError.conflict(Text("request \(id) is \(status), not booked")) }
            let series = try AppointmentTable.appointments(db, request: id).filter { $0.status != .cancelled }
            guard let first = series.map(\.span.start).min(), series.allSatisfy({ $0.status == .booked && $0.span.start > now }) else {
                throw StoreError.conflict(Text("request \(id)'s series has begun: an earlier place no longer applies"))
            }
            if let twin = try Store.twin(of: id, db) {
                throw StoreError.conflict(Text("request \(id) waits for an earlier place already (request \(twin))"))
            }
            let due = zone.local(at: first).date.adding(days: -1)
            // The soonest any half-day may be booked under the rules' notice.
            let book = try RuleTable.ruleBook(db)
            let notice = ([book.standard] + book.byLocation.values + book.byCoach.values).map(\.minimumNoticeDays).min() ?? 0
            guard due >= today.adding(days: notice) else {
                throw StoreError.conflict(Text("request \(id)'s first appointment is \(weekday: zone.local(at: first)): nothing can come earlier"))
            }
            (draft.from, draft.due) = (today, due)
            let request = draft.request(id: "", release: today, language: draft.language, unavailable: [])
            let twin = try RequestTable.insert(db, draft, request: request, status: "pending", created: now)
            try db.run("UPDATE request SET replaces = ? WHERE id = ?", [id, twin])
            try AuditLog.record(
                db, at: now, actor: actor, action: "wait for earlier", subject: "request \(id)",
                detail: "request \(twin) waits for a first appointment by \(due)")
            return twin
        }
    }

    /// Request `id`'s booking was moved or cancelled by hand: its wait for an earlier place ends.
    func endWaitForEarlier(_ db: Database, request id: Int64, now: Instant, actor: String) throws {
        guard let twin = try Store.twin(of: id, db) else { return }
        try db.run("UPDATE request SET status = 'cancelled' WHERE id = ?", [twin])
        try AuditLog.record(db, at: now, actor: actor, action: "cancel request", subject: "request \(twin)", detail: "request \(id) changed by hand: no longer waits for an earlier place")
    }

    /// The appointments of request `id`, in series order.
    public func series(of id: Int64) throws(StoreError) -> [BookedAppointment] {
        try read { db in try AppointmentTable.appointments(db, request: id) }
    }

    /// When waiting request `request` (a core request of the store's) cannot be placed: its job
    /// seeker's appointments, but for those of the booking it would replace (it may take their
    /// times, not their seats).
    static func unavailable(_ db: Database, waiting request: Request) throws -> BusyCalendar {
        let replaced = try RequestTable.storeID(request.id).map { id in
            Set(try Int64.fetchAll(
                db, sql: "SELECT a.id FROM appointment a JOIN request r ON r.replaces = a.request_id WHERE r.id = ? AND a.status = 'booked'",
                arguments: [id]))
        } ?? []
        return BusyCalendar(try JobSeekerTable.booked(db, request.jobSeeker, except: replaced))
    }

    /// The waiting twin of request `id`, if it waits for an earlier place.
    private static func twin(of id: Int64, _ db: Database) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT id FROM request WHERE replaces = ? AND status = 'pending'", arguments: [id])
    }

    /// After `booked` (store ids of requests just booked for good): the bookings they replace are
    /// cancelled, their requests too. Returns the sessions that freed.
    func replaceEarlier(_ db: Database, booked: [Int64], now: Instant, actor: String) throws -> Set<String> {
        var freed: Set<String> = []
        for twin in booked {
            guard let old = try Int64.fetchOne(db, sql: "SELECT replaces FROM request WHERE id = ?", arguments: [twin]) else { continue }
            let standing = try AppointmentTable.appointments(db, request: old).filter { $0.status == .booked }
            for appointment in standing {
                try AppointmentTable.cancel(db, where: "id = ?", [appointment.id], cause: CancellationCause(by: .system, reason: .replaced), now: now)
                freed.insert(appointment.session)
            }
            try db.run("UPDATE request SET status = 'cancelled' WHERE id = ? AND status = 'booked'", [old])
            try AuditLog.record(
                db, at: now, actor: actor, action: "earlier place", subject: "request \(old)",
                detail: "replaced by request \(twin): \(standing.count) appointment(s) cancelled")
        }
        return freed
    }
}
