import Testing
import ZitdagCore

/// Slot questions at the desk get the allocator's answers: valid, best first, around what is booked.
@Suite struct AvailabilityTests {
    let zone = Zone.brussels
    let tuesday = LocalDate(year: 2026, month: 12, day: 8)!

    func at(_ date: LocalDate, _ hour: Int, _ minute: Int = 0) -> Instant {
        zone.instant(for: LocalDateTime(date: date, secondOfDay: (hour * 60 + minute) * 60))!
    }

    func morning(_ id: String, _ date: LocalDate, booked: [Span] = []) -> Session {
        Session(id: id, coach: "C1", location: "L1", span: Span(start: at(date, 9), end: at(date, 12)), day: date, booked: booked)
    }

    func single(release: LocalDate, consultant: String? = nil, attendance: Attendance = .none) -> Request {
        Request(id: "new", jobSeeker: "J1", consultant: consultant, attendance: attendance, duration: 3600, release: release)
    }

    @Test func aBookedAppointmentTakesItsSeat() {
        let availability = Availability(
            sessions: [morning("S1", tuesday, booked: [Span(start: at(tuesday, 9), end: at(tuesday, 10))])],
            consultants: [])
        let offers = availability.offers(for: single(release: tuesday), count: 3)
        #expect(offers.options.first?.assignments.first?.span.start == at(tuesday, 10))
    }

    @Test func offersAreBestFirstAndOnePerSession() {
        let sessions = (0..<4).map { week in morning("S\(week)", tuesday.adding(days: 7 * week)) }
        let offers = Availability(sessions: sessions, consultants: []).offers(for: single(release: tuesday), count: 3)
        #expect(offers.options.map { $0.assignments[0].session } == ["S0", "S1", "S2"])
        #expect(offers.options.map(\.value) == offers.options.map(\.value).sorted(by: >))
    }

    @Test func aFirstStartPinsTheOffer() {
        let offers = Availability(sessions: [morning("S1", tuesday)], consultants: [])
            .offers(for: single(release: tuesday), count: 3, firstStart: at(tuesday, 10, 30))
        #expect(offers.options.map { $0.assignments[0].span.start } == [at(tuesday, 10, 30)])
    }

    @Test func aBusyConsultantIsNamedWithTheFirstSlotWithoutThem() {
        let busy = Consultant(id: "K1", busy: BusyCalendar([Span(start: at(tuesday, 8), end: at(tuesday, 13))]))
        let offers = Availability(sessions: [morning("S1", tuesday)], consultants: [busy])
            .offers(for: single(release: tuesday, consultant: "K1", attendance: .required), count: 3)
        #expect(offers.options.isEmpty)
        let reason = offers.reason?.description ?? ""
        #expect(reason.hasPrefix("consultant K1 is not free (busy, or along to another appointment) at every one of the 9 slots"))
        #expect(reason.hasSuffix("first free slot is Tue 2026-12-08 09:00 in S1 without K1"))
    }

    @Test func aLanguageNoSessionNamesIsServedOnlyBySessionsForEveryLanguage() {
        var dutchOnly = morning("S1", tuesday)
        dutchOnly.languages = ["nl"]
        let open = morning("S2", tuesday.adding(days: 7))
        var request = single(release: tuesday)
        request.language = "ti"
        let offers = Availability(sessions: [dutchOnly, open], consultants: []).offers(for: request, count: 3)
        #expect(offers.options.map { $0.assignments[0].session } == ["S2"])
    }

    @Test("the best offer is the exhaustive optimum, and every offer passes the checker", arguments: 0..<150)
    func bestOfferIsOptimalAndValid(seed: UInt64) {
        checkBestOffer(RandomProblem.withBookings(RandomProblem.make(seed: 5_000 + seed, shape: .tiny), seed: seed), seed: seed)
    }

    /// Days with many sessions alike, where the search skips sessions by their time and carries a
    /// series on from each day's first free slots.
    @Test("the best offer is the exhaustive optimum on wide days too", arguments: 0..<80)
    func bestOfferIsOptimalOnWideDays(seed: UInt64) {
        checkBestOffer(RandomProblem.withBookings(RandomProblem.make(seed: 6_000 + seed, shape: .wide), seed: seed), seed: seed)
    }

    func checkBestOffer(_ random: Problem, seed: UInt64) {
        guard let request = random.requests.first else { return }
        let problem = Problem(
            zone: random.zone, gridMinutes: random.gridMinutes, sessions: random.sessions,
            consultants: random.consultants, requests: [request])
        let offers = Availability(sessions: problem.sessions, consultants: problem.consultants, gridMinutes: problem.gridMinutes)
            .offers(for: request, count: 4)
        let exhaustive = Exhaustive(problem: problem)
        let best = exhaustive.allOptions(request).filter { exhaustive.fits($0, with: []) }.map(\.value).max()
        #expect(offers.options.first?.value == best, "seed \(seed)")
        #expect(offers.options.map(\.value) == offers.options.map(\.value).sorted(by: >), "seed \(seed)")
        #expect(Set(offers.options.map { $0.assignments[0].session }).count == offers.options.count, "seed \(seed)")
        #expect((offers.reason == nil) == !offers.options.isEmpty)
        for offer in offers.options {
            let plan = Plan(assignments: offer.assignments, unscheduled: [], objective: offer.value)
            let report = PlanChecker(problem: problem).check(plan)
            #expect(report.isValid, "seed \(seed): \(report.violations.prefix(2))")
        }
    }

    @Test("plans around booked appointments pass the checker", arguments: 0..<60)
    func plansAroundBookingsAreValid(seed: UInt64) {
        let problem = RandomProblem.withBookings(RandomProblem.make(seed: 7_000 + seed, shape: .small), seed: seed)
        let plan = AllocatorPropertyTests.solve(problem, seed: seed)
        let report = PlanChecker(problem: problem).check(plan)
        #expect(report.isValid, "seed \(seed): \(report.violations.prefix(3))")
    }
}
