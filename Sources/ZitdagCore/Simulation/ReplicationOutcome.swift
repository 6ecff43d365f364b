/// What one replication measured. Requests arriving during the warm-up are served but not counted;
/// weekly series cover every week (the report leaves out the warm-up).
public struct ReplicationOutcome: Sendable {
    /// Days from arrival to the first appointment, per counted request that got one (drop-outs excluded).
    public var waits: [Int] = []
    /// Days from arrival to the last appointment of the series.
    public var seriesDays: [Int] = []
    /// Per week: requests released by its end, not dropped out, whose first appointment is later (or not booked).
    public var backlog: [Int] = []
    /// Per week: seat time used by attended appointments over the seat time the sessions offer.
    public var utilisation: [Double] = []
    /// Counted requests whose first appointment came after their due day (or never), of those counted.
    public var missedDue = 0
    public var counted = 0
    /// Appointments of preferred requests the consultant came along to, of all of theirs (required
    /// ones always have the consultant, so they would only blur the figure).
    public var along = 0
    public var alongWanted = 0
    public var notBooked = 0
    public var droppedOut = 0
    /// The walk-in hours, when the scenario has them.
    public var walkIn: WalkIn?
    /// Urgent cases, when the scenario has them.
    public var urgent: Urgent?

    /// What urgent cases met: days from arrival to the half-day whose held-back seat they took, and
    /// how many found none still held (a coordinator would then book them as any other).
    public struct Urgent: Sendable {
        public var waits: [Int] = []
        public var unserved = 0
    }

    /// What walk-in hours measured over the counted weeks.
    public struct WalkIn: Sendable {
        /// Minutes each visitor helped waited for their turn.
        public var waits: [Double] = []
        public var arrivals = 0
        /// Still waiting at closing, sent home unhelped.
        public var turnedAway = 0
        public var weeks = 0
    }

    init(scenario: Scenario, sessions: [Session], schedule: Schedule, arrivals: [Replication.Arrival], random: inout SplitMix64) {
        let model = schedule.model
        let weeks = scenario.horizonWeeks
        var capacity = [Double](repeating: 0, count: weeks)
        var used = [Double](repeating: 0, count: weeks)
        for session in sessions {
            let week = scenario.start.days(to: session.day) / 7
            if (0..<weeks).contains(week) { capacity[week] += Double(session.seats * session.span.seconds) }
        }
        // The first appointment's day of each request, by arrival.
        var firstDays: [LocalDate?] = []
        for arrival in arrivals {
            let request = model.problem.requests[arrival.request]
            let placement = schedule.placements[arrival.request]
            let days = placement?.slots.map { model.problem.sessions[Int($0.session)].day }
            firstDays.append(arrival.cancelledOn == nil ? days?.first : nil)
            if let placement, arrival.cancelledOn == nil {
                for slot in placement.slots {
                    let session = model.problem.sessions[Int(slot.session)]
                    let week = scenario.start.days(to: session.day) / 7
                    let attended = Double.random(in: 0..<1, using: &random) >= scenario.noShowRate
                    if attended, (0..<weeks).contains(week) { used[week] += Double(request.duration) }
                    if arrival.week >= scenario.warmupWeeks, request.attendance == .preferred {
                        alongWanted += 1
                        if slot.attends { along += 1 }
                    }
                }
            }
            guard arrival.week >= scenario.warmupWeeks else { continue }
            if arrival.cancelledOn != nil {
                droppedOut += 1
                continue
            }
            counted += 1
            guard let days, let first = days.first, let last = days.last else {
                notBooked += 1
                missedDue += 1
                continue
            }
            waits.append(arrival.day.days(to: first))
            seriesDays.append(arrival.day.days(to: last))
            if arrival.day.days(to: first) > scenario.dueDays { missedDue += 1 }
        }
        utilisation = zip(used, capacity).map { $1 > 0 ? $0 / $1 : 0 }
        // A request is in the backlog at the end of each week from the one it is released in up to
        // the one its first appointment or its drop-out falls in: +1 and -1 at those weeks, summed.
        var change = [Int](repeating: 0, count: weeks + 1)
        for (index, arrival) in arrivals.enumerated() {
            let from = max(0, Self.week(of: arrival.release, from: scenario.start))
            var until = weeks
            if let cancelled = arrival.cancelledOn { until = min(until, Self.week(of: cancelled, from: scenario.start)) }
            if let first = firstDays[index] { until = min(until, Self.week(of: first, from: scenario.start)) }
            guard from < until else { continue }
            change[from] += 1
            change[until] -= 1
        }
        var running = 0
        backlog = (0..<weeks).map { week in
            running += change[week]
            return running
        }
    }

    /// The week (from `start`, a Monday) that `day` falls in.
    static func week(of day: LocalDate, from start: LocalDate) -> Int {
        let days = start.days(to: day)
        return days >= 0 ? days / 7 : (days - 6) / 7
    }
}
