import Foundation

/// A named time zone (an IANA identifier such as `Europe/Brussels`) that turns
/// wall-clock times into instants and back.
public struct Zone: Sendable, Hashable {
    public let identifier: String
    private let timeZone: TimeZone
    /// The instants (seconds) from 1900 to 2100 at which the offset changes, and the offset from each on:
    /// asking the system's time zone data once per zone keeps every later conversion a binary search.
    private let changes: [Int]
    private let offsets: [Int]

    /// Conversions outside these years ask the system's time zone data directly.
    private static let tabulated = -2_208_988_800..<4_102_444_800  // 1900-01-01 to 2100-01-01 UTC

    /// The zone, or `nil` when the identifier is unknown.
    public init?(identifier: String) {
        guard !identifier.isEmpty, let timeZone = TimeZone(identifier: identifier) else { return nil }
        self.identifier = identifier
        self.timeZone = timeZone
        var changes = [Self.tabulated.lowerBound]
        var offsets = [timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(Self.tabulated.lowerBound)))]
        var date = Date(timeIntervalSince1970: Double(Self.tabulated.lowerBound))
        while let next = timeZone.nextDaylightSavingTimeTransition(after: date), next.timeIntervalSince1970 < Double(Self.tabulated.upperBound) {
            let offset = timeZone.secondsFromGMT(for: next)
            if offset != offsets.last {
                changes.append(Int(next.timeIntervalSince1970))
                offsets.append(offset)
            }
            date = next
        }
        self.changes = changes
        self.offsets = offsets
    }

    /// The zone zitdag uses when nobody says otherwise.
    public static let brussels = Zone(identifier: "Europe/Brussels")!

    public static func == (lhs: Zone, rhs: Zone) -> Bool { lhs.identifier == rhs.identifier }

    public func hash(into hasher: inout Hasher) { hasher.combine(identifier) }

    /// Offset from UTC in seconds at an instant.
    public func offset(at instant: Instant) -> Int {
        guard Self.tabulated.contains(instant.seconds) else { return systemOffset(at: instant) }
        // The last change at or before the instant.
        var low = 0
        var high = changes.count
        while high - low > 1 {
            let mid = (low + high) / 2
            if changes[mid] <= instant.seconds { low = mid } else { high = mid }
        }
        return offsets[low]
    }

    /// The offset as the system's time zone data gives it, without the table.
    public func systemOffset(at instant: Instant) -> Int {
        timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(instant.seconds)))
    }

    /// The instant a wall-clock time stands for.
    ///
    /// A wall time that happens twice (autumn fall-back) means its first
    /// occurrence; one that never happens (inside the spring-forward gap) gives
    /// `nil`.
    public func instant(for local: LocalDateTime) -> Instant? {
        let nominal = local.nominalSeconds
        // Offsets in force a day either side cover every transition near this wall time; one that
        // comes twice is simply tried twice (rather than making a set of them for each of the
        // hundreds of thousands of times a large problem file holds).
        var earliest: Instant?
        for day in -1...1 {
            let candidate = offset(at: Instant(seconds: nominal + day * 86_400))
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
