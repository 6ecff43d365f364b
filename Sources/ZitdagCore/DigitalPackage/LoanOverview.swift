/// What needs doing about the lending pool on a day: loans ending in the coming weeks, returns
/// overdue, devices due for replacement.
public struct LoanOverview: Sendable {
    /// Open loans ending from `day` to `weeks` weeks after it, soonest first.
    public var ending: [Loan]
    /// Open loans whose last day has passed, longest overdue first.
    public var overdue: [Loan]
    /// Devices in use (not retired) whose five years end within the weeks, oldest first.
    public var dueForReplacement: [Device]

    public init(devices: [Device], loans: [Loan], on day: LocalDate, weeks: Int) {
        let horizon = day.adding(days: 7 * weeks)
        let open = loans.filter(\.isOpen)
        ending = open.filter { $0.until >= day && $0.until <= horizon }.sorted { ($0.until, $0.id) < ($1.until, $1.id) }
        overdue = open.filter { $0.isOverdue(on: day) }.sorted { ($0.until, $0.id) < ($1.until, $1.id) }
        dueForReplacement = devices.filter { $0.state != .retired && $0.replaceOn <= horizon }
            .sorted { ($0.replaceOn, $0.id) < ($1.replaceOn, $1.id) }
    }
}
