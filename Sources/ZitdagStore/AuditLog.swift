import GRDB
import ZitdagCore

/// Who changed what when: one row per change, written in the same transaction as the change.
/// Subjects are ids (pseudonymous for job seekers), never names.
enum AuditLog {
    static func record(_ db: Database, at: Instant, actor: String, action: String, subject: String, detail: String) throws {
        try db.run("INSERT INTO audit (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)", [at.seconds, actor, action, subject, detail])
    }
}

extension Store {
    /// The audit log as text, oldest first: `at actor action subject: detail`.
    public func auditText() throws(StoreError) -> String {
        try read { db in
            try db.records(AuditRecord.self, "SELECT * FROM audit ORDER BY id").map { entry in
                "\(zone.local(at: entry.at)) \(entry.actor) \(entry.action) \(entry.subject): \(entry.detail)"
            }.joined(separator: "\n")
        }
    }
}

/// A row of the `audit` table.
struct AuditRecord: FetchableRecord {
    var at: Instant
    var actor: String
    var action: String
    var subject: String
    var detail: String

    init(row: Row) {
        at = Instant(seconds: row["at"])
        actor = row["actor"]
        action = row["action"]
        subject = row["subject"]
        detail = row["detail"]
    }
}
