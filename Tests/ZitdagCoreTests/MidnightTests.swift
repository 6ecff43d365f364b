import Testing
import ZitdagCore

/// A session may run past midnight (the format allows it): an appointment is dated by its own
/// start, for release, due, gaps and waiting alike.
@Suite struct MidnightTests {
    static let zone = Zone.brussels
    static func at(_ day: Int, _ hour: Int) -> Instant {
        zone.instant(for: LocalDateTime(date: LocalDate(year: 2026, month: 11, day: day)!, secondOfDay: hour * 3600))!
    }
    static let friday = LocalDate(year: 2026, month: 11, day: 27)!
    static let saturday = LocalDate(year: 2026, month: 11, day: 28)!

    /// One late session, Friday 22:00 to Saturday 02:00, one seat.
    static func problem(_ requests: [Request]) -> Problem {
        let session = Session(id: "S1", coach: "C1", location: "L1", span: Span(start: at(27, 22), end: at(28, 2)), day: friday)
        return Problem(sessions: [session], consultants: [], requests: requests)
    }

    @Test func aRequestReleasedTheNextDayGetsAnAppointmentAfterMidnight() throws {
        let problem = Self.problem([
            Request(id: "R1", jobSeeker: "J1", duration: 3600, release: Self.saturday),
            Request(id: "R2", jobSeeker: "J2", duration: 3600, release: Self.friday, due: Self.friday),
        ])
        let result = Allocator(problem: problem).solve(options: .init(maxSteps: 50), clock: ContinuousClock())
        let report = PlanChecker(problem: problem).check(result.plan)
        #expect(report.isValid, "\(report.violations)")
        #expect(result.plan.unscheduled.isEmpty)
        let r1 = try #require(result.plan.assignments.first { $0.request == "R1" })
        #expect(Self.zone.local(at: r1.span.start).date == Self.saturday)
        let r2 = try #require(result.plan.assignments.first { $0.request == "R2" })
        #expect(Self.zone.local(at: r2.span.start).date == Self.friday)
        #expect(result.provenOptimal)
    }

    @Test func theHeuristicAloneDatesItsAppointmentsRight() {
        // Without the exact search, every plan still passes the checker (objective included).
        let problem = Self.problem((1...5).map { i in
            Request(id: "R\(i)", jobSeeker: "J\(i)", duration: 3600, release: i % 2 == 0 ? Self.saturday : Self.friday,
                    due: i % 2 == 0 ? nil : Self.friday, priority: i)
        })
        let result = Allocator(problem: problem).solve(options: .init(maxSteps: 50, exactRequestLimit: 0), clock: ContinuousClock())
        let report = PlanChecker(problem: problem).check(result.plan)
        #expect(report.isValid, "\(report.violations)")
        #expect(result.plan.unscheduled.count == 1)
    }

    @Test func twoWorkersPlanALargeProblemWhoseNightsOverlap() {
        // One coach runs Tuesday 22:00 to Wednesday 02:00, another Wednesday 00:00-03:00: the workers
        // must not share out the horizon between the two days (they each improve a plan of their own).
        // 400 half-hour requests of 3 job seekers, half released on each day.
        let tuesday = LocalDate(year: 2026, month: 11, day: 10)!
        let sessions = [
            Session(id: "LATE", coach: "C1", location: "L1", span: Span(start: Self.at(10, 22), end: Self.at(11, 2)), day: tuesday, seats: 1),
            Session(id: "EARLY", coach: "C2", location: "L1", span: Span(start: Self.at(11, 0), end: Self.at(11, 3)), day: tuesday.adding(days: 1), seats: 1),
        ]
        let requests = (0..<400).map { i in
            let day = tuesday.adding(days: i % 2)
            return Request(id: "R\(i)", jobSeeker: "J\(i % 8)", duration: 1800, release: day, due: day, priority: 1 + i % 5)
        }
        let problem = Problem(sessions: sessions, consultants: [], requests: requests)
        let result = Allocator(problem: problem).solve(options: .init(maxSteps: 2_000, workers: 2), clock: ContinuousClock())
        let report = PlanChecker(problem: problem).check(result.plan)
        #expect(report.isValid, "\(report.violations.prefix(3))")
        #expect(result.scheduled > 5)
    }
}
