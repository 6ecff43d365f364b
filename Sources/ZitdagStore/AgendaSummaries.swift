import ZitdagCore

/// A booked appointment as the desk shows it, on the command line (`--json`) and through the API
/// alike: local wall-clock times in the store's zone, its place in the series, how it stands.
public struct AppointmentSummary: Codable, Sendable, Hashable {
    public var id: Int64
    public var request: Int64
    /// "2/3": the second of three.
    public var series: String
    public var session: String
    public var coach: String
    public var location: String
    public var start: String
    public var end: String
    public var jobSeeker: String?
    public var initials: String?
    public var consultant: String?
    public var consultantAttends: Bool
    public var status: String
    public var sequence: Int
    public var topic: String?
    /// `true` for a coordinator's urgent booking (absent otherwise).
    public var urgent: Bool?
    /// Once cancelled: who called it off (`job_seeker`, `consultant`, `coach`, `coordinator`, `system`) and why.
    public var cancelledBy: String?
    public var cancelReason: String?

    enum CodingKeys: String, CodingKey {
        case id, request, series, session, coach, location, start, end, jobSeeker = "job_seeker", initials, consultant
        case consultantAttends = "consultant_attends", status, sequence, topic, urgent
        case cancelledBy = "cancelled_by", cancelReason = "cancel_reason"
    }

    public init(_ a: BookedAppointment, zone: Zone) {
        id = a.id
        request = a.request
        series = "\(a.index + 1)/\(a.seriesLength)"
        session = a.session
        coach = a.coach
        location = a.location
        start = zone.local(at: a.span.start).description
        end = zone.local(at: a.span.end).description
        jobSeeker = a.jobSeeker
        initials = a.initials
        consultant = a.consultant
        consultantAttends = a.consultantAttends
        status = a.status.rawValue
        sequence = a.sequence
        topic = a.topic
        urgent = a.urgent ? true : nil
        cancelledBy = a.cause?.by.rawValue
        cancelReason = a.cause?.reason.rawValue
    }

    /// The appointment as `viewer` may see it (see ``Viewer``): a coach's view has no job seeker id.
    public func seen(by viewer: Viewer) -> AppointmentSummary {
        var summary = self
        if !viewer.seesJobSeekerId { summary.jobSeeker = nil }
        return summary
    }
}

/// A session (a half-day) as an agenda shows it: local times, seats, and how many are booked.
public struct SessionSummary: Codable, Sendable, Hashable {
    public var id: String
    public var coach: String
    public var location: String
    public var start: String
    public var end: String
    public var seats: Int
    public var languages: [String]?
    public var booked: Int
    /// What the half-day keeps from ordinary booking (absent when nothing).
    public var reserved: [ReservationSummary]?

    public init(_ session: Session, zone: Zone) {
        id = session.id
        coach = session.coach
        location = session.location
        start = zone.local(at: session.span.start).description
        end = zone.local(at: session.span.end).description
        seats = session.seats
        languages = session.languages?.sorted()
        booked = session.booked.count + session.bookedUrgent.count
        reserved = session.reserved.isEmpty ? nil : session.reserved.map { ReservationSummary($0, of: session, zone: zone) }
    }
}

/// One reservation of a half-day: walk-in, or held back for urgent bookings until `released`.
public struct ReservationSummary: Codable, Sendable, Hashable {
    public var channel: String
    public var start: String
    public var end: String
    public var seats: Int
    /// The day held-back seats open to every booking (`urgent` only).
    public var released: String?

    public init(_ reservation: Reservation, of session: Session, zone: Zone) {
        channel = reservation.channel.rawValue
        start = zone.local(at: reservation.span.start).description
        end = zone.local(at: reservation.span.end).description
        seats = reservation.seats
        released = reservation.channel == .urgent ? reservation.releaseDay(sessionDay: session.day).description : nil
    }
}

/// One half-day of an agenda with its appointments.
public struct AgendaEntry: Codable, Sendable, Hashable {
    public var session: SessionSummary
    public var appointments: [AppointmentSummary]

    /// The half-day as `viewer` sees it (by default as a coordinator: everything).
    public init(_ item: AgendaSession, zone: Zone, viewer: Viewer = .coordinator) {
        session = SessionSummary(item.session, zone: zone)
        appointments = item.appointments.map { AppointmentSummary($0, zone: zone).seen(by: viewer) }
    }
}
