import ZitdagCore

/// Why the booking store refused, in words a consultant can act on: a code to act on (each edge
/// maps it once: the CLI to an exit status, the API to a problem's status), the field at fault,
/// the message, and after a taken place what is free instead.
public struct StoreError: Error, CustomStringConvertible, Sendable, TextConvertible {
    public enum Code: String, Sendable {
        /// The database file cannot be opened or is not a zitdag database.
        case unusable
        /// Another process holds the database for longer than we wait.
        case locked
        /// No such coach, consultant, job seeker, session, request or appointment.
        case unknown
        /// A value is out of bounds: ``StoreError/field`` says which.
        case invalid
        /// The slot or series fits but its seats are taken: ``StoreError/next`` is what is free instead.
        case taken
        /// Nothing fits the request (the reason comes from the core's diagnosis).
        case noRoom = "no_room"
        /// The action does not apply as things stand (e.g. moving a cancelled appointment).
        case conflict
    }

    public var code: Code
    /// The field at fault, named as in the problem format and the API (`start`, `duration_minutes`).
    public var field: String?
    /// What is wrong, without the field.
    public var message: Text
    /// After a taken place: what is free after it, best first.
    public var next: [Offer]
    /// The zone ``next`` is told in.
    var zone: Zone?

    init(_ code: Code, field: String? = nil, _ message: Text, next: [Offer] = [], zone: Zone? = nil) {
        self.code = code
        self.field = field
        self.message = message
        self.next = next
        self.zone = zone
    }

    public static func unusable(path: String, reason: Text) -> StoreError { StoreError(.unusable, Text("database \(path): \(reason)")) }
    public static func locked(path: String) -> StoreError {
        StoreError(.locked, Text("database \(path) is locked by another process; try again in a moment"))
    }
    /// No `kind` (`Text("job seeker")`) with this id.
    public static func unknown(kind: Text, id: String) -> StoreError { StoreError(.unknown, Text("no \(kind) \(id)")) }
    public static func invalid(field: String, reason: Text) -> StoreError { StoreError(.invalid, field: field, reason) }
    /// `what` ("the slot at Tue 2026-12-01 10:00") is taken; `next` is what is free after it.
    public static func taken(what: Text, next: [Offer], zone: Zone) -> StoreError {
        // "Taken", not "just taken": the seat may have gone days ago, not only in a race.
        StoreError(.taken, Text("\(what) is taken"), next: next, zone: zone)
    }
    public static func noRoom(reason: Text) -> StoreError { StoreError(.noRoom, Text("no free slot: \(reason)")) }
    public static func conflict(_ message: Text) -> StoreError { StoreError(.conflict, message) }

    public var text: Text {
        switch code {
        case .invalid: return field.map { Text("\($0): \(message)") } ?? message
        case .taken:
            guard !next.isEmpty else { return Text("\(message); nothing is free after it within the booking horizon") }
            let free = next.map { offer in
                let start = offer.assignments[0].span.start
                return zone.map { Text("\(weekday: $0.local(at: start)) in \(offer.assignments[0].session)") }
                    ?? Text("\(String(describing: start)) in \(offer.assignments[0].session)")
            }
            return Text("\(message); next free: \(Text.joined(free, separator: ", "))")
        default: return message
        }
    }
    public var description: String { text.description }
}

extension StoreError {
    /// The core desk's refusal in the store's terms (the store adds what is free instead of a taken place).
    init(_ refusal: BookingRefusal, zone: Zone) {
        switch refusal.code {
        case .invalid: self = .invalid(field: refusal.field ?? "start", reason: refusal.message)
        case .taken: self = .taken(what: refusal.message, next: [], zone: zone)
        case .noRoom: self = .noRoom(reason: refusal.message)
        case .conflict: self = .conflict(refusal.message)
        }
    }

    /// What `decide` answers, or its refusal as a store error.
    static func catching<T>(zone: Zone, _ decide: () throws(BookingRefusal) -> T) throws(StoreError) -> T {
        do { return try decide() } catch { throw StoreError(error, zone: zone) }
    }
}
