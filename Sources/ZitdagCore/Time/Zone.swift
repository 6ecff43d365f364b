import Foundation

/// A named time zone (an IANA identifier such as `Europe/Brussels`) that turns
/// wall-clock times into instants and back.
public struct Zone: Sendable, Hashable {
    public let identifier: String
    private let timeZone: TimeZone

    /// The zone, or `nil` when the identifier is unknown.
    public init?(identifier: String) {
        guard !identifier.isEmpty, let timeZone = TimeZone(identifier: identifier) else { return nil }
        self.identifier = identifier
        self.timeZone = timeZone
    }

    /// The zone zitdag uses when nobody says otherwise.
    public static let brussels = Zone(identifier: "Europe/Brussels")!

    /// Offset from UTC in seconds at an instant.
    public func offset(at instant: Instant) -> Int {
        timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(instant.seconds)))
    }

    /// The instant a wall-clock time stands for.
    ///
    /// A wall time that happens twice (autumn fall-back) means its first
    /// occurrence; one that never happens (inside the spring-forward gap) gives
    /// `nil`.
    public func instant(for local: LocalDateTime) -> Instant? {
        let nominal = local.nominalSeconds
        // Offsets in force a day either side cover every transition near this wall time.
        let candidates = Set([
            offset(at: Instant(seconds: nominal - 86_400)), offset(at: Instant(seconds: nominal)),
            offset(at: Instant(seconds: nominal + 86_400)),
        ])
        var earliest: Instant?
        for candidate in candidates {
            let instant = Instant(seconds: nominal - candidate)
            if offset(at: instant) == candidate, earliest.map({ instant < $0 }) ?? true {
                earliest = instant
            }
        }
        return earliest
    }

    /// The wall-clock time at an instant.
    public func local(at instant: Instant) -> LocalDateTime {
        LocalDateTime(nominalSeconds: instant.seconds + offset(at: instant))
    }
}
