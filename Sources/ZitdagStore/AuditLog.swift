import GRDB
import ZitdagCore

/// Who changed what when: one row per change, written in the same transaction as the change.
/// Subjects are ids (pseudonymous for job seekers), never names.
enum AuditLog {
    static func record(_ db: Database, at: Instant, actor: String, action: String, subject: String, detail: String) throws {
        try db.execute(
            sql: "INSERT INTO audit (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)",
            arguments: [at.seconds, actor, action, subject, detail])
    }
}
