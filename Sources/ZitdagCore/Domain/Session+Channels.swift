/// The one rule for what a half-day's channels leave to a booking.
///
/// At every moment, with `W` seats kept for walk-in, `H` held back and not yet released, `U` urgent
/// appointments and `R` ordinary ones: `R + max(H, U) + W <= seats`. Urgent appointments use the
/// held-back seats first; an urgent booking may take any seat walk-in leaves.
extension Session {
    /// The session as a new booking sees it, made `today` (urgent: by a coordinator for an urgent
    /// case): every seat taken at a moment, by an appointment or a reservation, is one span of
    /// `booked`; `bookedUrgent` and `reserved` are empty. The allocator, the desk and the checker
    /// count seats on this.
    public func forBooking(today: LocalDate?, urgent: Bool = false) -> Session {
        guard !reserved.isEmpty || !bookedUrgent.isEmpty else { return self }
        var taken = booked + bookedUrgent
        for reservation in reserved where reservation.channel == .walkIn {
            taken += repeatElement(reservation.span, count: reservation.seats)
        }
        if !urgent {
            // Held-back seats not taken by urgent appointments: max(H, U) - U at each moment.
            var steps: [(time: Int, delta: Int)] = []
            for reservation in reserved where reservation.channel == .urgent && reservation.binds(sessionDay: day, today: today) {
                steps.append((reservation.span.start.seconds, reservation.seats))
                steps.append((reservation.span.end.seconds, -reservation.seats))
            }
            if !steps.isEmpty {
                for span in bookedUrgent {
                    steps.append((span.start.seconds, -1))
                    steps.append((span.end.seconds, 1))
                }
                taken += Self.levels(of: steps)
            }
        }
        var seen = self
        seen.booked = taken
        seen.bookedUrgent = []
        seen.reserved = []
        return seen
    }

    /// What a coordinator keeps of this half-day, in their terms: walk-in time (`walkIn`; with only
    /// `walkInSeats`, the whole half-day) on `walkInSeats` seats (default: all), and `heldSeats`
    /// held back for urgent bookings the whole half-day until `releaseDays` before it.
    public func reservations(walkIn: Span?, walkInSeats: Int?, heldSeats: Int?, releaseDays: Int) -> [Reservation] {
        var reserved: [Reservation] = []
        if walkIn != nil || walkInSeats != nil {
            reserved.append(Reservation(.walkIn, span: walkIn ?? span, seats: walkInSeats ?? seats))
        }
        if let heldSeats { reserved.append(Reservation(.urgent, span: span, seats: heldSeats, releaseDays: releaseDays)) }
        return reserved
    }

    /// The first moment at which the session's appointments and what its reservations keep
    /// (as of `today`) need more seats than it has, or `nil`.
    public func overbooked(today: LocalDate?) -> Instant? {
        Self.peak(forBooking(today: today).booked.map { ($0, 1) }, over: seats)?.moment
    }

    /// Why `reserved` cannot be this session's, or `nil` when it can: each reservation inside the
    /// session on its grid, at least one seat, and never more seats kept at a moment than it has.
    public func reservationProblem(gridMinutes: Int) -> Text? {
        let grid = gridMinutes * 60
        for (index, reservation) in reserved.enumerated() {
            let label = Text("reservation \(index + 1) (\(reservation.channel.rawValue))")
            if reservation.span.end <= reservation.span.start { return Text("\(label) ends before it starts") }
            if reservation.span.start < span.start || reservation.span.end > span.end { return Text("\(label) lies outside the session") }
            if (reservation.span.start - span.start) % grid != 0 || (reservation.span.end - span.start) % grid != 0 {
                return Text("\(label) is off the session's \(gridMinutes)-minute grid")
            }
            if reservation.seats < 1 || reservation.seats > seats {
                return Text("\(label) keeps \(reservation.seats) seat(s); the session has \(seats)")
            }
            if reservation.releaseDays < 0 { return Text("\(label) has negative release days") }
        }
        if let peak = Self.peak(reserved.map { ($0.span, $0.seats) }, over: seats) {
            return Text("the reservations keep \(peak.count) seats at one moment; the session has \(seats)")
        }
        return nil
    }

    /// The first moment at which `spans` (each taking its count of seats) take more than `limit`
    /// seats, and how many they take then. Spans that only touch do not overlap.
    private static func peak(_ spans: [(span: Span, count: Int)], over limit: Int) -> (moment: Instant, count: Int)? {
        var steps: [(time: Int, delta: Int)] = []
        for (span, count) in spans {
            steps.append((span.start.seconds, count))
            steps.append((span.end.seconds, -count))
        }
        // Ends sort before starts at the same instant.
        steps.sort { ($0.time, $0.delta) < ($1.time, $1.delta) }
        var running = 0
        for step in steps {
            running += step.delta
            if running > limit { return (Instant(seconds: step.time), running) }
        }
        return nil
    }

    /// A step function (changes at times) as spans, one per unit of its positive part at each moment.
    private static func levels(of steps: [(time: Int, delta: Int)]) -> [Span] {
        let sorted = steps.sorted { $0.time < $1.time }
        var spans: [Span] = []
        var open: [Int] = []  // open[level - 1]: when the span of that level began
        var value = 0
        var i = 0
        while i < sorted.count {
            let time = sorted[i].time
            while i < sorted.count && sorted[i].time == time {
                value += sorted[i].delta
                i += 1
            }
            let level = max(value, 0)
            while open.count > level {
                spans.append(Span(start: Instant(seconds: open.removeLast()), end: Instant(seconds: time)))
            }
            while open.count < level { open.append(time) }
        }
        return spans
    }
}
