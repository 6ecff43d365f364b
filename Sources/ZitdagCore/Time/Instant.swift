/// A point in real time: seconds since 1970-01-01T00:00:00Z.
///
/// Durations, overlaps and grid offsets are measured between instants, so
/// they stay right across daylight-saving changes.
public struct Instant: Hashable, Comparable, Sendable {
    public var seconds: Int

    public init(seconds: Int) {
        self.seconds = seconds
    }

    public func adding(seconds delta: Int) -> Instant {
        Instant(seconds: seconds + delta)
    }

    public static func < (lhs: Instant, rhs: Instant) -> Bool {
        lhs.seconds < rhs.seconds
    }

    public static func - (lhs: Instant, rhs: Instant) -> Int {
        lhs.seconds - rhs.seconds
    }
}

/// A half-open stretch of real time, `[start, end)`.
public struct Span: Hashable, Sendable {
    public var start: Instant
    public var end: Instant

    public init(start: Instant, end: Instant) {
        self.start = start
        self.end = end
    }

    /// Whether the two share a moment. Spans that only touch do not overlap.
    @inlinable
    public func overlaps(_ other: Span) -> Bool {
        start < other.end && other.start < end
    }

    public var seconds: Int { end - start }
}
