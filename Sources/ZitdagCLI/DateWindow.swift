import ArgumentParser
import ZitdagCore

/// `--from DATE --to DATE` options: local midnight to local midnight in Brussels.
struct DateWindow: ParsableArguments {
    @Option(help: ArgumentHelp(Text("From this date (default: today).")))
    var from: String?

    @Option(help: ArgumentHelp(Text("Up to this date, exclusive (default: the period above).")))
    var to: String?

    func validate() throws {
        for (name, value) in [("--from", from), ("--to", to)] {
            if let value, LocalDate(iso: value) == nil { throw ValidationError(Text("\(name) must be a date YYYY-MM-DD, got \(value)")) }
        }
    }

    /// The window as instants (by default a year from today, as `ZITDAG_NOW` sets it); throws when it is empty.
    func span(in zone: Zone) throws(CommandError) -> Span {
        let first = from.flatMap { LocalDate(iso: $0) } ?? zone.local(at: StoreOptions.clock()).date
        let last = to.flatMap { LocalDate(iso: $0) } ?? first.adding(days: 365)
        guard first < last else { throw CommandError.input(Text("--to must be after --from")) }
        // Midnight exists in Brussels: the clocks change at 02:00 and 03:00.
        func midnight(_ date: LocalDate) -> Instant { zone.instant(for: LocalDateTime(date: date, secondOfDay: 0))! }
        return Span(start: midnight(first), end: midnight(last))
    }
}
