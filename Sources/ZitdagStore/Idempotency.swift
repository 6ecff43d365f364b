import GRDB
import ZitdagCore

/// An `Idempotency-Key`: a client's name for one booking, so that a retried request books once.
public struct Idempotency: Sendable, Hashable {
    /// Whose keys these are (a token id): one client's key never matches another's.
    public var scope: String
    public var key: String
    /// A digest of the request; the same key with another request is refused.
    public var fingerprint: String

    public init(scope: String, key: String, fingerprint: String) {
        self.scope = scope
        self.key = key
        self.fingerprint = fingerprint
    }

    /// The fingerprint of a booking: a digest of a canonical encoding (every field by its API name,
    /// in a fixed order, each value length-prefixed, the starts as seconds since the epoch), so that
    /// it stays the same across versions of zitdag and never depends on how Swift prints a type.
    public static func fingerprint(of draft: RequestDraft, at choices: [SlotChoice]) -> String {
        var fields: [(String, String?)] = [
            ("job_seeker", draft.jobSeeker), ("consultant", draft.consultant), ("attendance", draft.attendance.rawValue),
            ("duration_minutes", String(draft.durationMinutes)), ("appointments", String(draft.appointments)),
            ("min_gap_days", String(draft.gapDays.lowerBound)), ("max_gap_days", String(draft.gapDays.upperBound)),
            ("from", draft.from?.description), ("due", draft.due?.description), ("priority", String(draft.priority)),
            ("language", draft.language), ("topic", draft.topic),
        ]
        // Added after the first version: absent unless set, so earlier fingerprints stay the same.
        if draft.urgent { fields.append(("urgent", "true")) }
        for (i, choice) in choices.enumerated() {
            fields += [("starts.\(i).start", String(choice.start.seconds)), ("starts.\(i).session", choice.session)]
        }
        let text = fields.map { key, value in "\(key)=" + (value.map { "\($0.utf8.count):\($0)" } ?? "-") }.joined(separator: "\n")
        return Digest.hex(text, bytes: 16)
    }

    /// The request booked under this key before, if any.
    func earlierRequest(_ db: Database) throws -> Int64? {
        guard let row = try db.row("SELECT fingerprint, request_id FROM idempotency WHERE scope = ? AND key = ?", [scope, key]) else {
            return nil
        }
        guard row["fingerprint"] as String == fingerprint else {
            throw StoreError.invalid(field: "Idempotency-Key", reason: Text("\"\(key)\" was used before for a different booking"))
        }
        return row["request_id"]
    }

    func record(_ db: Database, request: Int64, at now: Instant) throws {
        try db.run(
            "INSERT INTO idempotency (scope, key, fingerprint, request_id, created) VALUES (?, ?, ?, ?, ?)", [scope, key, fingerprint, request, now.seconds])
    }
}
