import GRDB
import ZitdagCore

/// Offers of freed places (`backfill offer`): listed for their consultants, accepted or declined
/// before they expire. Expired offers are settled before every change at the desk and every listing.
extension Desk {
    /// An offer (open or answered) with its consultant and the appointments it holds.
    public struct OfferDetail: Sendable {
        public var offer: PlaceOffer
        public var consultant: String?
        public var appointments: [BookedAppointment]
    }

    /// The open offers (only `consultant`'s when given), oldest first, after settling expired ones.
    public func offers(consultant: String?, actor: String) throws(StoreError) -> [OfferDetail] {
        // A listing writes only when there is something to settle: the store's revision (and the feeds
        // that follow it) stays as it is otherwise.
        try settleOffers(actor: actor)
        return try store.read { db in try OfferTable.open(db, consultant: consultant).map { try Self.opened($0, db) } }
    }

    /// Settles expired (and withdraws void) offers now, and on a new day gives held-back seats
    /// released since to the waiting list; writes only when there is something to do, so that a
    /// server can call it every minute without changing the store's revision (and its feeds) for
    /// nothing. Returns whether it wrote.
    @discardableResult
    public func settleOffers(actor: String) throws(StoreError) -> Bool {
        let now = now()
        let store = self.store
        let due = try store.read { db in
            try store.heldSeatsDue(db, now: now)
                || OfferTable.open(db, consultant: nil).contains { offer in try offer.hasExpired(at: now) || OfferTable.isVoid(offer, db) }
        }
        guard due else { return false }
        try store.write { db in try store.settleOffers(db, now: now, actor: actor) }
        return true
    }

    /// Offer `id`, open or not, with what it holds; `nil` when there is none.
    public func offer(_ id: Int64) throws(StoreError) -> OfferDetail? {
        try store.read { db in try OfferTable.offer(db, id: id).map { try Self.opened($0, db) } }
    }

    /// Accepts or declines offer `id` now. Accepted, its appointments stay booked; declined, they are
    /// cancelled, the request waits again and the place goes to the next waiting request.
    public func decide(offer id: Int64, _ decision: PlaceOffer.Decision, actor: String) throws(StoreError) -> OfferDetail {
        let now = now()
        let (store, zone) = (self.store, self.zone)
        return try store.write { db in
            // Settled first: an offer past its expiry is answered as expired, and its place is already offered on.
            try store.settleOffers(db, now: now, actor: actor)
            guard let offer = try OfferTable.offer(db, id: id) else { throw StoreError.unknown(kind: Text("offer"), id: String(id)) }
            let decided = try StoreError.catching(zone: zone) { () throws(BookingRefusal) in try offer.deciding(decision, at: now, zone: zone) }
            if decision == .accept {
                try OfferTable.update(decided, db)
                try AuditLog.record(db, at: now, actor: actor, action: "offer accepted", subject: "request \(offer.request)", detail: "offer \(id)")
                // An earlier place accepted: the booking it replaces goes, and its places go on.
                let freed = try store.replaceEarlier(db, booked: [offer.request], now: now, actor: actor)
                _ = try store.backfill(db, freed: freed, now: now, actor: actor)
            } else {
                try store.release(decided, db, now: now, actor: actor)
            }
            return try Self.opened(decided, db)
        }
    }

    private static func opened(_ offer: PlaceOffer, _ db: Database) throws -> OfferDetail {
        let consultant = try String.fetchOne(db.cachedStatement(sql: "SELECT consultant_id FROM request WHERE id = ?"), arguments: [offer.request])
        return OfferDetail(offer: offer, consultant: consultant, appointments: try offer.appointments.compactMap { try AppointmentTable.appointment(db, id: $0) })
    }
}
