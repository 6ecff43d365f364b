import ZitdagCore

/// Why the booking store refused, in words a consultant can act on. Every case names what is wrong.
public enum StoreError: Error, CustomStringConvertible, Sendable {
    /// The database file cannot be opened or is not a zitdag database.
    case unusable(path: String, reason: String)
    /// Another process holds the database for longer than we wait.
    case locked(path: String)
    /// No such coach, consultant, job seeker, session, request or appointment.
    case unknown(kind: String, id: String)
    /// A value is out of bounds: the field and why.
    case invalid(field: String, reason: String)
    /// The slot or series was free a moment ago and is not now: here is what is free instead.
    case taken(what: String, next: [Offer], zone: Zone)
    /// Nothing fits the request (the reason comes from the allocator's diagnosis).
    case noRoom(reason: String)
    /// The action does not apply to the appointment as it stands (e.g. moving a cancelled one).
    case conflict(String)

    public var description: String {
        switch self {
        case .unusable(let path, let reason): "database \(path): \(reason)"
        case .locked(let path): "database \(path) is locked by another process; try again in a moment"
        case .unknown(let kind, let id): "no \(kind) \(id)"
        case .invalid(let field, let reason): "\(field): \(reason)"
        case .taken(let what, let next, let zone):
            // "Taken", not "just taken": the seat may have gone days ago, not only in a race.
            "\(what) is taken"
                + (next.isEmpty
                    ? "; nothing is free after it within the booking horizon"
                    : "; next free: " + next.map { zone.local(at: $0.assignments[0].span.start).withWeekday + " in " + $0.assignments[0].session }
                        .joined(separator: ", "))
        case .noRoom(let reason): "no free slot: \(reason)"
        case .conflict(let message): message
        }
    }
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
