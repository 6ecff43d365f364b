import GRDB
import ZitdagCore

/// Offers of freed places in the database (`backfill_offer`).
enum OfferTable {
    static func insert(_ offer: PlaceOffer, _ db: Database) throws -> PlaceOffer {
        try db.run(
            "INSERT INTO backfill_offer (request_id, sessions, appointments, created, expires, state) VALUES (?, ?, ?, ?, ?, 'open')",
            [
                offer.request, offer.sessions.joined(separator: ","), offer.appointments.map(String.init).joined(separator: ","),
                offer.created.seconds, offer.expires.seconds,
            ])
        var stored = offer
        stored.id = db.lastInsertedRowID
        return stored
    }

    static func update(_ offer: PlaceOffer, _ db: Database) throws {
        try db.run("UPDATE backfill_offer SET state = ?, decided = ? WHERE id = ?", [offer.state.rawValue, offer.decided?.seconds, offer.id])
    }

    static func offer(_ db: Database, id: Int64) throws -> PlaceOffer? {
        try db.record(OfferRecord.self, "SELECT * FROM backfill_offer WHERE id = ?", [id])?.offer
    }

    /// Open offers, oldest first; only those for `consultant`'s requests when given.
    static func open(_ db: Database, consultant: String?) throws -> [PlaceOffer] {
        if let consultant {
            return try db.records(
                OfferRecord.self,
                "SELECT o.* FROM backfill_offer o JOIN request r ON r.id = o.request_id WHERE o.state = 'open' AND r.consultant_id = ? ORDER BY o.id",
                [consultant]
            ).map(\.offer)
        }
        return try db.records(OfferRecord.self, "SELECT * FROM backfill_offer WHERE state = 'open' ORDER BY id").map(\.offer)
    }

    /// Whether an open offer's held appointments are no longer all booked (cancelled meanwhile): it is void.
    static func isVoid(_ offer: PlaceOffer, _ db: Database) throws -> Bool {
        try offer.appointments.contains { try AppointmentTable.appointment(db, id: $0)?.status != .booked }
    }

    static func expired(_ db: Database, at now: Instant) throws -> [PlaceOffer] {
        try db.records(OfferRecord.self, "SELECT * FROM backfill_offer WHERE state = 'open' AND expires <= ? ORDER BY id", [now.seconds]).map(\.offer)
    }

    /// The sessions each request was offered and declined or let expire (by problem id, `R<id>`).
    static func refused(_ db: Database) throws -> [String: Set<String>] {
        var refused: [String: Set<String>] = [:]
        for offer in try db.records(OfferRecord.self, "SELECT * FROM backfill_offer WHERE state IN ('declined', 'expired')").map(\.offer) {
            refused["R\(offer.request)", default: []].formUnion(offer.sessions)
        }
        return refused
    }
}

struct OfferRecord: FetchableRecord {
    var offer: PlaceOffer

    init(row: Row) {
        let sessions: String = row["sessions"]
        let appointments: String = row["appointments"]
        let state: String = row["state"]
        let decided: Int? = row["decided"]
        offer = PlaceOffer(
            id: row["id"], request: row["request_id"], sessions: sessions.split(separator: ",").map(String.init),
            appointments: appointments.split(separator: ",").compactMap { Int64($0) },
            created: Instant(seconds: row["created"]), expires: Instant(seconds: row["expires"]), state: PlaceOffer.State(rawValue: state) ?? .open,
            decided: decided.map(Instant.init(seconds:)))
    }
}
