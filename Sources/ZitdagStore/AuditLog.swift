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
            try db.rows("SELECT at, actor, action, subject, detail FROM audit ORDER BY id").map { row in
                "\(zone.local(at: Instant(seconds: row[0]))) \(row[1] as String) \(row[2] as String) \(row[3] as String): \(row[4] as String)"
            }.joined(separator: "\n")
        }
    }
}
