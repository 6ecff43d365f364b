import GRDB
import ZitdagCore

/// Walk-in visits in the database.
enum WalkInTable {
    static let columns = "w.id, w.session_id, w.arrived, w.initials, w.topic, w.called, w.finished, w.outcome"

    static func visits(_ db: Database, session: String) throws -> [WalkInVisit] {
        try db.records(WalkInRecord.self, "SELECT \(columns) FROM walk_in w WHERE w.session_id = ? ORDER BY w.arrived, w.id", [session]).map(\.visit)
    }

    /// Inserts a new visit and returns it with its id.
    static func insert(_ visit: WalkInVisit, _ db: Database) throws -> WalkInVisit {
        try db.run(
            "INSERT INTO walk_in (session_id, arrived, initials, topic) VALUES (?, ?, ?, ?)",
            [visit.session, visit.arrived.seconds, visit.initials, visit.topic?.rawValue])
        var stored = visit
        stored.id = Int(db.lastInsertedRowID)
        return stored
    }

    /// Writes a visit's call, end, outcome and topic.
    static func update(_ visit: WalkInVisit, _ db: Database) throws {
        try db.run(
            "UPDATE walk_in SET called = ?, finished = ?, outcome = ?, topic = ? WHERE id = ?",
            [visit.called?.seconds, visit.finished?.seconds, visit.outcome?.rawValue, visit.topic?.rawValue, visit.id])
    }

    /// The median minutes from call to end of the last 200 helped visits at `location`, or `nil`.
    static func usualMinutes(_ db: Database, location: String) throws -> Int? {
        let minutes = try Int.fetchAll(
            db.cachedStatement(sql: """
                SELECT (w.finished - w.called) / 60 FROM walk_in w JOIN session s ON s.id = w.session_id
                WHERE s.location_id = ? AND w.outcome = 'helped' AND w.called IS NOT NULL AND w.finished > w.called
                ORDER BY w.finished DESC LIMIT 200
                """), arguments: [location]
        ).sorted()
        return minutes.isEmpty ? nil : max(1, minutes[minutes.count / 2])
    }
}

struct WalkInRecord: FetchableRecord {
    var visit: WalkInVisit

    init(row: Row) {
        let called: Int? = row["called"]
        let finished: Int? = row["finished"]
        let topic: String? = row["topic"]
        let outcome: String? = row["outcome"]
        visit = WalkInVisit(
            id: row["id"], session: row["session_id"], arrived: Instant(seconds: row["arrived"]), initials: row["initials"],
            topic: topic.flatMap(WalkInTopic.init(rawValue:)), called: called.map(Instant.init(seconds:)),
            finished: finished.map(Instant.init(seconds:)), outcome: outcome.flatMap(WalkInOutcome.init(rawValue:)))
    }
}
