import GRDB
import ZitdagCore

/// Walk-in hours: the store loads a half-day's ``WalkInRegister``, lets the core decide, and saves
/// what it returns, in one transaction.
extension Store {
    /// Registers an arrival, anonymous or with initials; returns it with its place in the queue.
    public func walkInArrive(
        session: String, initials: String?, topic: WalkInTopic?, at now: Instant, actor: String
    ) throws(StoreError) -> WalkInRegister.Turn {
        try write { db in
            let register = try Self.walkInRegister(db, session: session)
            let visit = try WalkInTable.insert(try StoreError.catching(zone: zone) { () throws(BookingRefusal) in try register.arrival(initials: initials, topic: topic, at: now) }, db)
            try AuditLog.record(db, at: now, actor: actor, action: "walk-in arrive", subject: session, detail: "visit \(visit.id)")
            guard let turn = register.recording(visit).board(at: now).first(where: { $0.visit.id == visit.id }) else {
                preconditionFailure("an arrival is not waiting")
            }
            return turn
        }
    }

    /// Calls in the one waiting longest.
    public func walkInCallNext(session: String, at now: Instant, actor: String) throws(StoreError) -> WalkInVisit {
        try write { db in
            let register = try Self.walkInRegister(db, session: session)
            let visit = try StoreError.catching(zone: zone) { () throws(BookingRefusal) in try register.callNext(at: now) }
            try WalkInTable.update(visit, db)
            try AuditLog.record(db, at: now, actor: actor, action: "walk-in call", subject: session, detail: "visit \(visit.id)")
            return visit
        }
    }

    /// Records how visit `id` ended (and its topic, when given now).
    public func walkInFinish(visit id: Int, outcome: WalkInOutcome, topic: WalkInTopic?, at now: Instant, actor: String) throws(StoreError) -> WalkInVisit {
        try write { db in
            guard let session = try String.fetchOne(db.cachedStatement(sql: "SELECT session_id FROM walk_in WHERE id = ?"), arguments: [id]) else {
                throw StoreError.unknown(kind: Text("walk-in visit"), id: "\(id)")
            }
            let register = try Self.walkInRegister(db, session: session)
            let visit = try StoreError.catching(zone: zone) { () throws(BookingRefusal) in try register.finish(id, outcome: outcome, topic: topic, at: now) }
            try WalkInTable.update(visit, db)
            try AuditLog.record(db, at: now, actor: actor, action: "walk-in \(outcome.rawValue)", subject: session, detail: "visit \(id)")
            return visit
        }
    }

    /// The queue of a half-day now: those being helped, and those waiting with their expected turn.
    public func walkInQueue(session: String, at now: Instant) throws(StoreError) -> (register: WalkInRegister, turns: [WalkInRegister.Turn]) {
        try read { db in
            let register = try Self.walkInRegister(db, session: session)
            return (register, register.board(at: now))
        }
    }

    /// Counts of the visits to sessions on days `from...to`, per month and location or per session.
    public func walkInReport(from: LocalDate, to: LocalDate, by grouping: WalkInReport.Grouping) throws(StoreError) -> WalkInReport {
        try read { db in
            let visits = try db.records(
                WalkInRecord.self,
                "SELECT \(WalkInTable.columns) FROM walk_in w JOIN session s ON s.id = w.session_id WHERE s.day BETWEEN ? AND ? ORDER BY w.id",
                [from.daysSinceEpoch, to.daysSinceEpoch]
            ).map(\.visit)
            var sessions: [String: Session] = [:]
            for id in Set(visits.map(\.session)) { sessions[id] = try SessionTable.session(db, id: id) }
            return WalkInReport(visits: visits.map { ($0, sessions[$0.session]!) }, by: grouping)
        }
    }

    /// Visit `id`, or `nil`.
    public func walkInVisit(_ id: Int) throws(StoreError) -> WalkInVisit? {
        try read { db in try db.record(WalkInRecord.self, "SELECT \(WalkInTable.columns) FROM walk_in w WHERE w.id = ?", [id])?.visit }
    }

    static func walkInRegister(_ db: Database, session id: String) throws -> WalkInRegister {
        guard let (session, cancelled) = try SessionTable.sessionWithBookings(db, id: id) else {
            throw StoreError.unknown(kind: Text("session"), id: id)
        }
        return WalkInRegister(
            session: session, cancelled: cancelled, visits: try WalkInTable.visits(db, session: id),
            usualMinutes: try WalkInTable.usualMinutes(db, location: session.location) ?? WalkInRegister.defaultMinutes)
    }
}
