/// A freed place offered to the consultant of the waiting request it serves best: the series is held
/// for them (booked) until they accept it, decline it, or the offer expires.
public struct PlaceOffer: Sendable, Hashable, Identifiable {
    public enum State: String, Sendable, CaseIterable {
        case open, accepted, declined, expired
        /// Its appointments were cancelled while it was open (a cancellation, an erasure): nothing to answer.
        case withdrawn
    }

    public enum Decision: String, Sendable {
        case accept, decline
    }

    public var id: Int64
    /// The waiting request's id in the store.
    public var request: Int64
    /// The freed half-days the offer puts it in.
    public var sessions: [String]
    /// The appointments held for it (booked while the offer is open).
    public var appointments: [Int64]
    public var created: Instant
    public var expires: Instant
    public var state: State
    public var decided: Instant?

    public init(
        id: Int64, request: Int64, sessions: [String], appointments: [Int64], created: Instant, expires: Instant, state: State = .open,
        decided: Instant? = nil
    ) {
        self.id = id
        self.request = request
        self.sessions = sessions
        self.appointments = appointments
        self.created = created
        self.expires = expires
        self.state = state
        self.decided = decided
    }

    /// An open offer made now, holding its place for `hours` (the rules' ``BookingRules/offerHours``),
    /// but never past the start of the first appointment it holds.
    public static func made(
        request: Int64, sessions: [String], appointments: [Int64], firstStart: Instant, hours: Int = 24, at now: Instant
    ) -> PlaceOffer {
        PlaceOffer(
            id: 0, request: request, sessions: sessions, appointments: appointments, created: now,
            expires: min(now.adding(seconds: hours * 3600), firstStart))
    }

    /// Whether it is open and past its expiry at `now`: its place is to be freed and offered on.
    public func hasExpired(at now: Instant) -> Bool { state == .open && now >= expires }

    /// The offer after the consultant's decision at `now`, or why it cannot be taken.
    public func deciding(_ decision: Decision, at now: Instant, zone: Zone) throws(BookingRefusal) -> PlaceOffer {
        guard state == .open else { throw BookingRefusal(.conflict, Text("offer \(id) was \(state.rawValue) already")) }
        guard now < expires else {
            throw BookingRefusal(.conflict, Text("offer \(id) expired at \(weekday: zone.local(at: expires)); its place went to the next waiting request"))
        }
        var decided = self
        decided.state = decision == .accept ? .accepted : .declined
        decided.decided = now
        return decided
    }
}
