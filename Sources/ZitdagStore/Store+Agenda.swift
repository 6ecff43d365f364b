import GRDB
import ZitdagCore

/// Whose agenda to show.
public enum AgendaOwner: Sendable, Hashable {
    case consultant(String)
    case coach(String)
    case location(String)
}

/// One session in an agenda, with its appointments (coaches and locations see their empty half-days too).
public struct AgendaSession: Sendable, Hashable {
    public var session: Session
    public var appointments: [BookedAppointment]
}

extension Store {
    /// The appointments of a consultant, or the sessions and appointments of a coach or location,
    /// on days `from...to`, in time order. Cancelled appointments are left out unless asked for.
    public func agenda(
        of owner: AgendaOwner, from: LocalDate, to: LocalDate, includeCancelled: Bool = false
    ) throws(StoreError) -> [AgendaSession] {
        try read { db in
            let (condition, id): (String, String) = switch owner {
            case .consultant(let id): ("r.consultant_id = ?", id)
            case .coach(let id): ("s.coach_id = ?", id)
            case .location(let id): ("s.location_id = ?", id)
            }
            let roster: Roster = switch owner {
            case .consultant: .consultant
            case .coach: .coach
            case .location: .location
            }
            try roster.require(db, id)
            let status = includeCancelled ? "" : " AND a.status != 'cancelled'"
            let appointments = try AppointmentTable.fetch(
                db, where: "\(condition) AND s.day BETWEEN ? AND ?\(status) ORDER BY a.start, a.id",
                [id, from.daysSinceEpoch, to.daysSinceEpoch])
            let byStart = Dictionary(grouping: appointments, by: \.session)
            let sessions: [Session]
            switch owner {
            case .consultant:
                // Only the half-days of their appointments, not a region's whole week.
                sessions = try byStart.keys.compactMap { id in try SessionTable.sessionWithBookings(db, id: id).flatMap { $0.cancelled ? nil : $0.session } }
                    .sorted { ($0.day, $0.span.start.seconds, $0.id) < ($1.day, $1.span.start.seconds, $1.id) }
            case .coach(let coach): sessions = try SessionTable.sessions(db, days: from.daysSinceEpoch...to.daysSinceEpoch).filter { $0.coach == coach }
            case .location(let location):
                sessions = try SessionTable.sessions(db, days: from.daysSinceEpoch...to.daysSinceEpoch).filter { $0.location == location }
            }
            return sessions.map { AgendaSession(session: $0, appointments: byStart[$0.id] ?? []) }
        }
    }
}

extension Store {
    /// One appointment, or `nil`.
    public func appointment(_ id: Int64) throws(StoreError) -> BookedAppointment? {
        try read { db in try AppointmentTable.appointment(db, id: id) }
    }

    /// The open sessions on days `from...to`, with their bookings.
    public func sessions(from: LocalDate, to: LocalDate) throws(StoreError) -> [Session] {
        try read { db in try SessionTable.sessions(db, days: from.daysSinceEpoch...to.daysSinceEpoch) }
    }
}
