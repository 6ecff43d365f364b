import ArgumentParser
import ZitdagCore
import ZitdagStore

/// What a half-day keeps from ordinary booking: shared by `session add` and `session reserve`.
struct ReservationOptions: ParsableArguments {
    @Option(help: ArgumentHelp(Text("Walk-in time (vrije inloop), HH:MM-HH:MM within the half-day (default with --walk-in-seats: all of it).")))
    var walkIn: String?

    @Option(help: ArgumentHelp(Text("Seats kept for walk-in then (default: all).")))
    var walkInSeats: Int?

    @Option(help: ArgumentHelp(Text("Seats held back for urgent bookings by coordinators, the whole half-day.")))
    var heldSeats: Int?

    @Option(help: ArgumentHelp(Text("Days before the half-day its held-back seats open to every booking (default: the rules').")))
    var releaseDays: Int?

    var isEmpty: Bool { walkIn == nil && walkInSeats == nil && heldSeats == nil && releaseDays == nil }

    /// The reservations for `session`; `rules`' release days where none is given.
    func reservations(for session: Session, zone: Zone, rules: BookingRules) throws(CommandError) -> [Reservation] {
        if releaseDays != nil && heldSeats == nil { throw CommandError.input(Text("--release-days: give --held-seats too")) }
        var span: Span?
        if let walkIn {
            let ends = walkIn.split(separator: "-").map(String.init)
            guard ends.count == 2 else { throw CommandError.input(Text("--walk-in: \"\(walkIn)\" is not HH:MM-HH:MM")) }
            span = Span(
                start: try WallClock.instant("\(session.day) \(ends[0])", option: "--walk-in", zone: zone),
                end: try WallClock.instant("\(session.day) \(ends[1])", option: "--walk-in", zone: zone))
        }
        return session.reservations(walkIn: span, walkInSeats: walkInSeats, heldSeats: heldSeats, releaseDays: releaseDays ?? rules.releaseDays)
    }
}
