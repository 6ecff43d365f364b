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
