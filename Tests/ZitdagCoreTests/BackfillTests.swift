import Testing
import ZitdagCore

/// A place freed by a cancellation goes to the waiting request it serves best, and nowhere else:
/// nobody booked moves, and nothing is placed outside the freed sessions.
@Suite struct BackfillTests {
    static let zone = Zone.brussels
    static func at(_ text: String) -> Instant { zone.instant(for: LocalDateTime(iso: text)!)! }
    static let tuesday = LocalDate(year: 2026, month: 12, day: 1)!
    static let thursday = LocalDate(year: 2026, month: 12, day: 3)!

    /// A Tuesday half-day with its first hour free (unless `freeOnTuesday` is false) and an empty
    /// Thursday hour serving French too.
    static func sessions(freeOnTuesday: Bool = true) -> [Session] {
        [
            Session(
                id: "C1-tue", coach: "C1", location: "L1", span: Span(start: at("2026-12-01T09:00:00"), end: at("2026-12-01T11:00:00")),
                day: tuesday, seats: 1, languages: ["nl"],
                booked: [Span(start: at("2026-12-01T10:00:00"), end: at("2026-12-01T11:00:00"))]
                    + (freeOnTuesday ? [] : [Span(start: at("2026-12-01T09:00:00"), end: at("2026-12-01T10:00:00"))])),
            Session(
                id: "C2-thu", coach: "C2", location: "L2", span: Span(start: at("2026-12-03T13:00:00"), end: at("2026-12-03T14:00:00")),
                day: thursday, seats: 1, languages: ["nl", "fr"]),
        ]
    }

    /// One free hour with two seats on Tuesday.
    static let twoSeats = [
        Session(
            id: "C1-tue", coach: "C1", location: "L1", span: Span(start: at("2026-12-01T09:00:00"), end: at("2026-12-01T10:00:00")),
            day: tuesday, seats: 2),
    ]

    static func waiting(_ id: String, _ seeker: String, priority: Int = 1, language: String? = nil, consultant: String? = nil) -> Request {
        Request(
            id: id, jobSeeker: seeker, consultant: consultant, attendance: consultant == nil ? .none : .required, duration: 3600,
            release: LocalDate(year: 2026, month: 11, day: 30)!, priority: priority, language: language)
    }

    static func fill(_ sessions: [Session], _ waiting: [Request], freed: Set<String> = ["C1-tue"], consultants: [Consultant] = []) -> [Offer] {
        Backfill(sessions: sessions, consultants: consultants, zone: zone, gridMinutes: 15).fill(freed: freed, waiting: waiting)
    }

    @Test func theFreedSeatGoesToTheWaitingRequestWorthMost() {
        let chosen = Self.fill(Self.sessions(), [
            Self.waiting("R1", "J1", priority: 1), Self.waiting("R2", "J2", priority: 3), Self.waiting("R3", "J3", priority: 5, language: "fr"),
        ])
        // R3 is worth most but only C2 serves French, and C2 was not freed.
        #expect(chosen.map { $0.assignments.map(\.request) } == [["R2"]])
        #expect(chosen.first?.assignments.first?.span == Span(start: Self.at("2026-12-01T09:00:00"), end: Self.at("2026-12-01T10:00:00")))
    }

    @Test func nothingIsPlacedOutsideTheFreedSessions() {
        // Tuesday is full again: the Thursday half-day has room, but nothing there was freed.
        #expect(Self.fill(Self.sessions(freeOnTuesday: false), [Self.waiting("R1", "J1")]).isEmpty)
        #expect(Self.fill(Self.sessions(), [Self.waiting("R1", "J1")], freed: []).isEmpty)
    }

    @Test func onATieTheOldestWaitingRequestGoesFirst() {
        let chosen = Self.fill(Self.sessions(), [Self.waiting("R7", "J7", priority: 2), Self.waiting("R8", "J8", priority: 2)])
        #expect(chosen.map { $0.assignments[0].request } == ["R7"])
    }

    /// Two seats freed at once fill with two requests, and one job seeker's two requests never
    /// overlap; the result passes the plan checker with everything booked before.
    @Test func twoFreedSeatsFillWithTwoRequestsThatTheCheckerPasses() {
        let sessions = Self.twoSeats
        let waiting = [Self.waiting("R1", "J1", priority: 4), Self.waiting("R2", "J1", priority: 4), Self.waiting("R3", "J3", priority: 1)]
        let chosen = Self.fill(sessions, waiting)
        #expect(chosen.map { $0.assignments[0].request } == ["R1", "R3"], "R2 would overlap J1's R1 in the one free hour")
        let problem = Problem(
            zone: Self.zone, gridMinutes: 15, sessions: sessions, consultants: [],
            requests: waiting.filter { r in chosen.contains { $0.assignments[0].request == r.id } })
        let plan = Plan(assignments: chosen.flatMap(\.assignments), unscheduled: [], objective: chosen.map(\.value).reduce(0, +))
        let report = PlanChecker(problem: problem).check(plan)
        #expect(report.isValid, "\(report.violations)")
    }

    @Test func aConsultantAlongIsNotPlacedTwiceAtOnce() {
        let sessions = Self.twoSeats
        let waiting = [Self.waiting("R1", "J1", consultant: "K1"), Self.waiting("R2", "J2", consultant: "K1")]
        let chosen = Self.fill(sessions, waiting, consultants: [Consultant(id: "K1")])
        #expect(chosen.count == 1, "K1 comes along to R1 in the one free hour; R2 needs K1 too")
    }
}
