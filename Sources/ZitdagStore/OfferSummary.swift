import ZitdagCore

/// An offer of a freed place as `--json` and the API show it.
public struct OfferSummary: Codable, Sendable, Hashable {
    public var id: Int64
    public var request: Int64
    public var consultant: String?
    public var state: String
    public var created: String
    public var expires: String
    public var decided: String?
    public var sessions: [String]
    /// The appointments it holds (booked while open; cancelled once declined or expired).
    public var appointments: [AppointmentSummary]

    public init(_ open: Desk.OfferDetail, zone: Zone, viewer: Viewer) {
        id = open.offer.id
        request = open.offer.request
        consultant = open.consultant
        state = open.offer.state.rawValue
        created = zone.local(at: open.offer.created).description
        expires = zone.local(at: open.offer.expires).description
        decided = open.offer.decided.map { zone.local(at: $0).description }
        sessions = open.offer.sessions
        appointments = open.appointments.map { AppointmentSummary($0, zone: zone).seen(by: viewer) }
    }
}
