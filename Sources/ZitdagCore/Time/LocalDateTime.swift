/// A wall-clock time with no offset, such as `2026-11-24T09:00:00`.
///
/// It only becomes an instant together with a ``Zone``: the same wall time
/// can be missing (spring forward) or happen twice (fall back).
public struct LocalDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var date: LocalDate
    /// Seconds since local midnight, 0..<86400.
    public var secondOfDay: Int

    public init(date: LocalDate, secondOfDay: Int) {
        precondition((0..<86_400).contains(secondOfDay), "second of day out of range")
        self.date = date
        self.secondOfDay = secondOfDay
    }

    public init?(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int = 0) {
        guard let date = LocalDate(year: year, month: month, day: day),
            (0..<24).contains(hour), (0..<60).contains(minute), (0..<60).contains(second)
        else { return nil }
        self.init(date: date, secondOfDay: hour * 3600 + minute * 60 + second)
    }

    /// Parses exactly `YYYY-MM-DDTHH:MM:SS` (no offset, no fraction).
    public init?(iso text: String) {
        var text = text
        // Read in place (see ``LocalDate/parse(_:)``).
        let parsed: LocalDateTime? = text.withUTF8 { bytes in
            guard bytes.count == 19, bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"),
                bytes[16] == UInt8(ascii: ":"),
                let date = LocalDate.parse(UnsafeBufferPointer(rebasing: bytes[0..<10])),
                let h = digits(bytes, 11, 2), let m = digits(bytes, 14, 2), let s = digits(bytes, 17, 2),
                h < 24, m < 60, s < 60
            else { return nil }
            return LocalDateTime(date: date, secondOfDay: h * 3600 + m * 60 + s)
        }
        guard let parsed else { return nil }
        self = parsed
    }

    /// The same wall time read as if it were UTC, in seconds since the epoch.
    var nominalSeconds: Int { date.daysSinceEpoch * 86_400 + secondOfDay }

    init(nominalSeconds: Int) {
        let day = nominalSeconds >= 0 ? nominalSeconds / 86_400 : (nominalSeconds - 86_399) / 86_400
        self.init(date: LocalDate(daysSinceEpoch: day), secondOfDay: nominalSeconds - day * 86_400)
    }

    public var hour: Int { secondOfDay / 3600 }
    public var minute: Int { secondOfDay / 60 % 60 }

    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        lhs.nominalSeconds < rhs.nominalSeconds
    }

    /// `YYYY-MM-DDTHH:MM:SS`.
    public var description: String {
        "\(date)T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(secondOfDay % 60, 2))"
    }
}
