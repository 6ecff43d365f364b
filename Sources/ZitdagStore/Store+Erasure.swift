import GRDB
import ZitdagCore

/// What erasing a job seeker did.
public struct Erasure: Sendable, Hashable {
    public var requests: Int
    public var appointments: Int
    /// Future appointments cancelled, so their seats are free again.
    public var cancelled: Int
    /// Loans and intakes that lost the link to them (the devices' histories and the counts stay).
    public var loans: Int
    public var intakes: Int
}

extension Store {
    /// Erases a job seeker's personal data (GDPR art. 17): their profile goes, their requests lose the
    /// link to them and their topics, future appointments are cancelled, and the audit log forgets
    /// their id. What stays is anonymous: appointment rows without a person (so occupancy figures hold)
    /// and a count per month in `erased`.
    public func forget(jobSeeker id: String, at now: Instant, actor: String) throws(StoreError) -> Erasure {
        try write { db in
            guard try JobSeekerTable.profile(db, id) != nil else { throw StoreError.unknown(kind: Text("job seeker"), id: id) }
            // A device still out would be with someone nobody can name any more.
            if let open = try LoanTable.loans(db, where: "l.job_seeker_id = ? AND l.returned IS NULL", [id]).first {
                throw StoreError.conflict(
                    Text("job seeker \(id) still borrows \(open.device.map { Text("device \($0)") } ?? Text("a device")) (loan \(open.id)); take it back first, or record it lost"))
            }
            let loans = try Int.fetchOne(db, sql: "SELECT count(*) FROM loan WHERE job_seeker_id = ?", arguments: [id]) ?? 0
            let intakes = try Int.fetchOne(db, sql: "SELECT count(*) FROM intake WHERE job_seeker_id = ?", arguments: [id]) ?? 0
            let requests = try Int.fetchOne(db, sql: "SELECT count(*) FROM request WHERE job_seeker_id = ?", arguments: [id]) ?? 0
            let appointments = try Int.fetchOne(
                db, sql: "SELECT count(*) FROM appointment a JOIN request r ON r.id = a.request_id WHERE r.job_seeker_id = ?", arguments: [id]) ?? 0
            try AppointmentTable.cancel(
                db, where: "start > ? AND request_id IN (SELECT id FROM request WHERE job_seeker_id = ?)", [now.seconds, id],
                cause: CancellationCause(by: .system, reason: .erased), now: now)
            let cancelled = db.changesCount
            try db.run("UPDATE request SET status = CASE status WHEN 'pending' THEN 'erased' ELSE status END, topic = NULL WHERE job_seeker_id = ?", [id])
            // ON DELETE SET NULL unlinks the requests, loans and intakes.
            try db.run("DELETE FROM job_seeker WHERE id = ?", [id])
            try db.run("UPDATE audit SET subject = '(erased)', detail = '' WHERE subject = ? OR detail LIKE ? ESCAPE '\\' OR detail LIKE ? ESCAPE '\\'", [id, "%job seeker \(Store.escapeLike(id)),%", "%job seeker \(Store.escapeLike(id))"])
            let month = String(zone.local(at: now).date.description.prefix(7))
            try db.run("""
                    INSERT INTO erased (month, job_seekers, appointments) VALUES (?, 1, ?)
                    ON CONFLICT (month) DO UPDATE SET job_seekers = job_seekers + 1, appointments = appointments + excluded.appointments
                    """, [month, appointments])
            try AuditLog.record(db, at: now, actor: actor, action: "forget", subject: "(erased)", detail: "\(requests) request(s), \(appointments) appointment(s), \(loans) loan(s), \(intakes) intake(s)")
            return Erasure(requests: requests, appointments: appointments, cancelled: cancelled, loans: loans, intakes: intakes)
        }
    }

    static func escapeLike(_ text: String) -> String {
        String(text.flatMap { "%_\\".contains($0) ? ["\\", $0] : [$0] })
    }
}
