/// Part of a half-day kept from ordinary booking: time or seats for walk-in ("vrije inloop"), or
/// seats held back for urgent bookings by coordinators until a number of days before the half-day.
///
/// ```swift
/// // 13:30-14:30 is vrije inloop on every seat; one seat held back until two days before.
/// session.reserved = [
///     Reservation(.walkIn, span: Span(start: half past one, end: half past two), seats: session.seats),
///     Reservation(.urgent, span: session.span, seats: 1, releaseDays: 2),
/// ]
/// ```
public struct Reservation: Sendable, Hashable {
    /// Who the capacity is kept for.
    public enum Channel: String, Sendable, CaseIterable {
        /// People who walk in without an appointment: never booked.
        case walkIn = "walk_in"
        /// Urgent bookings by coordinators; open to every booking from the release day on.
        case urgent
    }

    public var channel: Channel
    /// When the capacity is kept: inside the session, on its grid.
    public var span: Span
    /// How many of the session's seats are kept then.
    public var seats: Int
    /// For `.urgent`: days before the session's day on which the seats open to every booking.
    public var releaseDays: Int

    public init(_ channel: Channel, span: Span, seats: Int, releaseDays: Int = 0) {
        self.channel = channel
        self.span = span
        self.seats = seats
        self.releaseDays = channel == .urgent ? releaseDays : 0
    }

    /// Whether the reservation keeps its seats from an ordinary booking made `today` for a session
    /// on `day` (`today` unknown: held-back seats stay held).
    public func binds(sessionDay day: LocalDate, today: LocalDate?) -> Bool {
        switch channel {
        case .walkIn: true
        case .urgent: today.map { $0 < day.adding(days: -releaseDays) } ?? true
        }
    }

    /// In a coordinator's words, for `session`: "15:30-16:30 for walk-in", "1 seat 09:00-12:30 held
    /// back for urgent bookings until 2026-12-06".
    public func words(in session: Session, zone: Zone) -> Text {
        let time = "\(zone.local(at: span.start).hourMinute)-\(zone.local(at: span.end).hourMinute)"
        let kept = switch channel {
        case .walkIn: Text("\(time) for walk-in")
        case .urgent: Text("\(time) held back for urgent bookings until \(releaseDay(sessionDay: session.day))")
        }
        return self.seats == session.seats ? kept : Text("\(count: self.seats, "seat") \(kept)")
    }

    /// The day held-back seats open to every booking.
    public func releaseDay(sessionDay day: LocalDate) -> LocalDate {
        day.adding(days: -releaseDays)
    }
}
