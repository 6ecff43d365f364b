import Foundation
import Testing
import ZitdagCore

/// Walk-in hours in the capacity simulation: the queue against queueing theory, and what walk-in
/// time and held-back seats take from appointments.
@Suite struct WalkInSimulationTests {
    /// Mean minutes waited by those arriving in `window` (hours after opening) of `hours` open, per
    /// replication: the steady state, after the queue has filled from empty.
    static func steadyWait(_ queue: WalkInQueue, servers: Int, hours: Int, window: ClosedRange<Double>, replications: Int) -> Estimate {
        var random = SplitMix64(seed: 2026)
        return Estimate((0..<replications).map { _ in
            let waits = queue.visits(open: hours * 3600, servers: servers, using: &random)
                .filter { window.contains($0.arrival / 3600) }.compactMap(\.waitSeconds)
            return waits.reduce(0, +) / Double(waits.count) / 60
        })
    }

    @Test("Erlang C in closed form", arguments: [
        // M/M/1: ρ/(μ-λ) = 0.5 / 1.5 per hour = 20 minutes.
        (1.5, 1, 20.0),
        // M/M/2, a = 1: C = (1/2 · 2/(2-1)) / (1 + 1 + 1) = 1/3; W = (1/3) / (6 - 3) per hour = 6.67 minutes.
        (3.0, 2, 20.0 / 3),
    ] as [(Double, Int, Double)])
    func erlangC(perHour: Double, servers: Int, minutes: Double) throws {
        let queue = WalkInQueue(perHour: perHour, serviceMinutes: 20)
        #expect(abs(try #require(queue.erlangCWait(servers: servers)) / 60 - minutes) < 1e-9)
        #expect(WalkInQueue(perHour: 6, serviceMinutes: 20).erlangCWait(servers: 2) == nil, "λ = cμ: no steady state")
    }

    @Test("with exponential service and long hours, the mean wait is Erlang C's", arguments: [
        (1.5, 1, 20.0, 12.0...44.0), (3.0, 2, 20.0 / 3, 4.0...44.0), (6.0, 3, 0.0, 8.0...44.0),
    ] as [(Double, Int, Double, ClosedRange<Double>)])
    func steadyStateMatchesErlangC(perHour: Double, servers: Int, minutes: Double, window: ClosedRange<Double>) throws {
        let queue = WalkInQueue(perHour: perHour, serviceMinutes: 20)
        let theory = minutes > 0 ? minutes : try #require(queue.erlangCWait(servers: servers)) / 60
        let simulated = Self.steadyWait(queue, servers: servers, hours: 48, window: window, replications: 1_200)
        #expect(simulated.low <= theory && theory <= simulated.high, "simulated \(simulated.mean) [\(simulated.low), \(simulated.high)], Erlang C \(theory)")
        // A sharp test, not a wide interval that would hold anything.
        #expect(simulated.halfWidth < 0.08 * theory, "\(simulated.halfWidth)")
    }

    @Test func atClosingThoseStillWaitingGoHomeAndThoseBeingHelpedFinish() {
        var random = SplitMix64(seed: 5)
        // Three an hour, an hour each, one seat, for an hour: the first is helped, most are not.
        let visits = WalkInQueue(perHour: 6, serviceMinutes: 60, exponential: false).visits(open: 3600, servers: 1, using: &random)
        #expect(visits.count > 2)
        #expect(visits[0].waitSeconds == 0)
        #expect(visits.dropFirst().allSatisfy { $0.waitSeconds == nil }, "\(visits)")
    }

    /// Two one-seat half-days a week, demand a queue can serve, walk-ins two an hour.
    static func digipunt(walkIn: Scenario.WalkIn?, heldBack: Scenario.HeldBack? = nil) -> Scenario {
        var scenario = SimulationTests.queue(rate: 2, capacity: 3, weeks: 30, warmup: 4, replications: 30)
        scenario.minimumNoticeDays = 1
        scenario.serviceFromNextWeek = false
        scenario.walkIn = walkIn
        scenario.heldBack = heldBack
        return scenario
    }

    static func report(_ scenario: Scenario) -> SimulationReport {
        let simulation = Simulation(scenario: scenario)
        return SimulationReport(scenario: scenario, outcomes: (0..<scenario.replications).map(simulation.replicate))
    }

    @Test func walkInTimeIsTakenFromAppointmentsAndShortensTheWalkInWait() {
        let queue = WalkInQueue(perHour: 2, serviceMinutes: 20)
        let none = Self.report(Self.digipunt(walkIn: nil))
        let hour = Self.report(Self.digipunt(walkIn: Scenario.WalkIn(minutes: 60, queue: queue)))
        let twoHours = Self.report(Self.digipunt(walkIn: Scenario.WalkIn(minutes: 120, queue: queue)))
        let everything = Self.report(Self.digipunt(walkIn: Scenario.WalkIn(minutes: 180, queue: queue)))
        #expect(none.walkInWaitMean.count == 0, "no walk-in hours, no walk-in figures")
        // Appointments wait longer the more of the half-day is walk-in; with all of it, none is booked.
        #expect(hour.waitMean.mean > none.waitMean.mean && hour.waitMean.differs(from: none.waitMean))
        #expect(twoHours.waitMean.mean > hour.waitMean.mean)
        #expect(everything.notBooked.mean == 1)
        // Walk-ins: twice the hours, twice the helped, about; each sees a queue that had longer to build.
        #expect(abs(twoHours.walkInHelpedPerWeek.mean / hour.walkInHelpedPerWeek.mean - 2) < 0.1)
        #expect(hour.walkInWaitMean.mean > 0 && hour.walkInWaitP90.mean >= hour.walkInWaitMean.mean)
    }

    @Test func aScenarioWithoutWalkInComesOutAsBefore() {
        // Walk-in visitors draw from a stream of their own: seats kept as a seat for walk-in on a
        // second seat change nothing for appointments on the first.
        var plain = Self.digipunt(walkIn: nil)
        plain.sessions = plain.sessions.map { var s = $0; s.seats = 2; return s }
        var withWalkIn = plain
        withWalkIn.walkIn = Scenario.WalkIn(seats: 1, queue: WalkInQueue(perHour: 2, serviceMinutes: 20))
        var oneSeat = Self.digipunt(walkIn: nil)
        oneSeat.sessions = plain.sessions.map { var s = $0; s.seats = 1; return s }
        #expect(Self.report(withWalkIn).waitMean == Self.report(oneSeat).waitMean)
    }

    @Test func heldBackSeatsStayEmptyUntilTheirRelease() {
        // Two seats, series of two a week or two apart: a seat held until two days before keeps the
        // second appointments out of it, so series wait for the other seat; released three weeks
        // before, it is open by the time a series needs it.
        func scenario(_ heldBack: Scenario.HeldBack?) -> Scenario {
            var scenario = Self.digipunt(walkIn: nil, heldBack: heldBack)
            scenario.sessions = scenario.sessions.map { var s = $0; s.seats = 2; return s }
            scenario.ratePerWeek = 3
            scenario.levels = [Scenario.Level(name: "series", share: 1, appointments: 2, durationMinutes: 60, gapDays: 7...14)]
            return scenario
        }
        let open = Self.report(scenario(nil))
        let late = Self.report(scenario(Scenario.HeldBack(seats: 1, releaseDays: 2)))
        let early = Self.report(scenario(Scenario.HeldBack(seats: 1, releaseDays: 21)))
        #expect(late.waitMean.mean > open.waitMean.mean && late.waitMean.differs(from: open.waitMean), "\(open.waitMean.mean) -> \(late.waitMean.mean)")
        #expect(early.waitMean.mean < late.waitMean.mean && early.waitMean.differs(from: late.waitMean), "\(early.waitMean.mean)")
    }

    @Test func urgentCasesTakeHeldBackSeatsAndFewFindNoneWhileThereAreEnough() {
        // One one-seat half-day a week, held back until a week before: an urgent case every three weeks finds
        // the first still held, 10 to 14 days ahead (a later one when an earlier case took it); ten a
        // week mostly find none.
        func scenario(_ perWeek: Double) -> Scenario {
            Self.digipunt(walkIn: nil, heldBack: Scenario.HeldBack(seats: 1, releaseDays: 7, urgentPerWeek: perWeek))
        }
        let few = Self.report(scenario(0.3))
        let many = Self.report(scenario(10))
        #expect(few.urgentUnserved.mean < 0.05, "\(few.urgentUnserved.mean)")
        #expect(few.urgentWait.mean >= 10 && few.urgentWait.mean <= 16, "\(few.urgentWait.mean)")
        #expect(many.urgentUnserved.mean > 0.5, "\(many.urgentUnserved.mean)")
        // Seats urgent cases take are not released: with every one taken, ordinary requests find none.
        let none = Self.report(scenario(0))
        #expect(none.urgentWait.count == 0 && none.notBooked.mean < 0.05)
        #expect(many.notBooked.mean == 1)
    }

    @Test func theWalkInKnobSetsTimeOrSeats() throws {
        let variation = try Variation.parse("walkin=0,45m,1h30m,1seat").get()
        let scenario = Self.digipunt(walkIn: Scenario.WalkIn(minutes: 60, queue: WalkInQueue(perHour: 2, serviceMinutes: 20)))
        let kept = try variation.values.map { try variation.apply($0, to: scenario).get().scenario.walkIn.map { ($0.minutes, $0.seats) } }
        #expect(kept.map { $0?.0 } == [0, 45, 90, 0] && kept.map { $0?.1 } == [nil, nil, nil, 1])
        if case .success = Variation.parse("walkin=20x") { Issue.record("accepted 20x") }
        if case .success = try Variation.parse("walkin=1h").get().apply("1h", to: Self.digipunt(walkIn: nil)) {
            Issue.record("varied walk-in time in a scenario without walk-ins")
        }
    }
}
