import Testing
import ZitdagCore

/// A half-day's capacity per channel: walk-in time or seats are never booked, held-back seats only
/// by urgent bookings until their release, and the allocator, the desk and the checker agree.
@Suite struct ReservationTests {
    static let zone = Zone.brussels
    static let today = LocalDate(year: 2026, month: 11, day: 30)!
    static func at(_ text: String) -> Instant { zone.instant(for: LocalDateTime(iso: text)!)! }
    static func span(_ from: String, _ to: String) -> Span { Span(start: at(from), end: at(to)) }

    /// Tuesday 2026-12-08, 13:30-16:30, with the given seats and reservations.
    static func session(seats: Int = 1, _ reserved: [Reservation], bookedUrgent: [Span] = []) -> Session {
        Session(
            id: "S1", coach: "C1", location: "L1", span: span("2026-12-08T13:30:00", "2026-12-08T16:30:00"),
            day: LocalDate(iso: "2026-12-08")!, seats: seats, bookedUrgent: bookedUrgent, reserved: reserved)
    }

    static let lastHourWalkIn = Reservation(.walkIn, span: span("2026-12-08T15:30:00", "2026-12-08T16:30:00"), seats: 1)

    static func request(_ id: String = "new", seeker: String = "J1") -> Request {
        Request(id: id, jobSeeker: seeker, consultant: nil, attendance: .none, duration: 3600, appointments: 1, release: today)
    }

    static func desk(_ session: Session, today: LocalDate = today, urgent: Bool = false) -> BookingDesk {
        BookingDesk(zone: zone, gridMinutes: 15, sessions: [session], rules: RuleBook(), today: today, consultants: [], urgent: urgent)
    }

    static func book(_ desk: BookingDesk, at start: String) throws(BookingRefusal) -> [Assignment] {
        try desk.place(request(), at: [SlotChoice(start: at(start))])
    }

    @Test func walkInTimeIsNeverBookedAndTheRefusalSaysSo() throws {
        let desk = Self.desk(Self.session([Self.lastHourWalkIn]))
        #expect(try Self.book(desk, at: "2026-12-08T14:30:00").count == 1)
        #expect(throws: BookingRefusal.self) { try Self.book(desk, at: "2026-12-08T15:00:00") }
        do {
            _ = try Self.book(desk, at: "2026-12-08T15:30:00")
            Issue.record("booked in walk-in time")
        } catch {
            #expect(error.code == .noRoom)
            #expect(error.message.description.contains("S1 keeps 15:30-16:30 for walk-in"), "\(error.message)")
        }
    }

    @Test func aSeatKeptForWalkInLeavesTheOthersToAppointments() throws {
        let session = Self.session(seats: 2, [Reservation(.walkIn, span: Self.session([]).span, seats: 1)])
        let first = try Self.desk(session).place(Self.request(), at: [SlotChoice(start: Self.at("2026-12-08T14:00:00"))])
        var booked = session
        booked.booked = first.map(\.span)
        #expect(throws: BookingRefusal.self) {
            try Self.desk(booked).place(Self.request(seeker: "J2"), at: [SlotChoice(start: Self.at("2026-12-08T14:00:00"))])
        }
        #expect(try Self.desk(booked).place(Self.request(seeker: "J2"), at: [SlotChoice(start: Self.at("2026-12-08T15:00:00"))]).count == 1)
    }

    @Test func heldBackSeatsOpenToUrgentBookingsAtOnceAndToEveryoneOnTheReleaseDay() throws {
        let held = Self.session([Reservation(.urgent, span: Self.session([]).span, seats: 1, releaseDays: 2)])
        do {
            _ = try Self.book(Self.desk(held), at: "2026-12-08T14:00:00")
            Issue.record("an ordinary booking took a held-back seat before its release")
        } catch {
            #expect(error.message.description.contains("back for urgent bookings until 2026-12-06"), "\(error.message)")
        }
        #expect(try Self.book(Self.desk(held, urgent: true), at: "2026-12-08T14:00:00").count == 1)
        #expect(throws: BookingRefusal.self) { try Self.book(Self.desk(held, today: LocalDate(iso: "2026-12-05")!), at: "2026-12-08T14:00:00") }
        #expect(try Self.book(Self.desk(held, today: LocalDate(iso: "2026-12-06")!), at: "2026-12-08T14:00:00").count == 1)
    }

    @Test func urgentAppointmentsUseTheHeldBackSeatsFirst() throws {
        // Two seats, one held back; an urgent appointment at 14:00 sits in the held seat, so an
        // ordinary one still fits beside it, and a second urgent one at 14:00 takes the last seat.
        let urgent = Self.span("2026-12-08T14:00:00", "2026-12-08T15:00:00")
        let session = Self.session(
            seats: 2, [Reservation(.urgent, span: Self.session([]).span, seats: 1, releaseDays: 2)], bookedUrgent: [urgent])
        let ordinary = try Self.book(Self.desk(session), at: "2026-12-08T14:00:00")
        let later = try Self.book(Self.desk(session), at: "2026-12-08T15:00:00")
        var full = session
        full.booked = (ordinary + later).map(\.span)
        // At 15:00 one seat is free, but it is the held-back one.
        #expect(throws: BookingRefusal.self) { try Self.book(Self.desk(full), at: "2026-12-08T15:00:00") }
        #expect(try Self.book(Self.desk(full, urgent: true), at: "2026-12-08T15:00:00").count == 1)
        // At 14:00 the urgent appointment and the ordinary one fill both seats.
        #expect(throws: BookingRefusal.self) { try Self.book(Self.desk(full, urgent: true), at: "2026-12-08T14:00:00") }
    }

    @Test func theCheckerRefusesAnAppointmentInWalkInTime() {
        let session = Self.session([Self.lastHourWalkIn])
        let problem = Problem(zone: Self.zone, sessions: [session], consultants: [], requests: [Self.request("R1")])
        let plan = Plan(
            assignments: [Assignment(request: "R1", index: 0, session: "S1", span: Self.span("2026-12-08T15:00:00", "2026-12-08T16:00:00"), consultantAttends: false)],
            unscheduled: [], objective: Objective.value(of: Self.request("R1"), firstDay: Self.today.adding(days: 8), oneCoach: true, attended: 0, weights: .standard))
        let report = PlanChecker(problem: problem).check(plan)
        #expect(report.violations.map(\.rule) == [.seats])
        #expect(report.violations.first?.message.description.contains("1 kept for walk-in or held back") == true)
    }

    /// Seats at `moment` by the extension's rule, counted here from the reservations directly.
    static func free(_ session: Session, at moment: Instant, today: LocalDate?) -> Int {
        let covering = session.reserved.filter { $0.span.start <= moment && moment < $0.span.end }
        let walkIn = covering.filter { $0.channel == .walkIn }.reduce(0) { $0 + $1.seats }
        let held = covering.filter { $0.channel == .urgent && $0.binds(sessionDay: session.day, today: today) }.reduce(0) { $0 + $1.seats }
        return session.seats - walkIn - held
    }

    @Test("random problems with channels: plans pass the checker and never use kept seats", arguments: 0..<60)
    func randomProblemsWithChannels(seed: UInt64) {
        var problem = RandomProblem.make(seed: 7_000 + seed, shape: seed % 2 == 0 ? .small : .tiny)
        var random = SplitMix64(seed: seed)
        let grid = problem.gridSeconds
        problem.today = RandomProblem.starts.randomElement(using: &random)!.adding(days: Int.random(in: 0...14, using: &random))
        for index in problem.sessions.indices {
            var session = problem.sessions[index]
            let cells = session.span.seconds / grid
            for _ in 0..<Int.random(in: 0...2, using: &random) {
                let from = Int.random(in: 0..<cells, using: &random)
                let to = Int.random(in: (from + 1)...cells, using: &random)
                let channel: Reservation.Channel = Bool.random(using: &random) ? .walkIn : .urgent
                var candidate = session
                candidate.reserved.append(Reservation(
                    channel, span: Span(start: session.span.start.adding(seconds: from * grid), end: session.span.start.adding(seconds: to * grid)),
                    seats: Int.random(in: 1...session.seats, using: &random), releaseDays: Int.random(in: 0...7, using: &random)))
                if candidate.reservationProblem(gridMinutes: problem.gridMinutes) == nil { session = candidate }
            }
            problem.sessions[index] = session
        }
        let plan = Allocator(problem: problem).solve(options: .init(seed: seed, maxSteps: 200), clock: ContinuousClock()).plan
        let report = PlanChecker(problem: problem).check(plan)
        #expect(report.isValid, "seed \(seed): \(report.violations.prefix(3))")
        let sessions = Dictionary(uniqueKeysWithValues: problem.sessions.map { ($0.id, $0) })
        for assignment in plan.assignments {
            let session = sessions[assignment.session]!
            var moment = assignment.span.start
            while moment < assignment.span.end {
                let here = plan.assignments.filter { $0.session == session.id && $0.span.start <= moment && moment < $0.span.end }.count
                #expect(here <= Self.free(session, at: moment, today: problem.today), "seed \(seed): \(session.id) at \(moment)")
                moment = moment.adding(seconds: grid)
            }
        }
    }

    @Test func theProblemFileCarriesReservationsAndToday() throws {
        var problem = ProblemGenerator(size: .city, seed: 4, start: LocalDate(iso: "2026-11-23")!, channels: true).generate()
        #expect(problem.today == LocalDate(iso: "2026-11-23"))
        #expect(problem.sessions.contains { $0.reserved.contains { $0.channel == .walkIn } })
        #expect(problem.sessions.contains { $0.reserved.contains { $0.channel == .urgent } })
        let read = try ProblemFile.decode(Array(JSONWriter.write(ProblemFile.encode(problem)).utf8))
        #expect(read.today == problem.today)
        #expect(read.sessions.map(\.reserved) == problem.sessions.map(\.reserved))
        problem.today = nil
        #expect(try ProblemFile.decode(Array(JSONWriter.write(ProblemFile.encode(problem)).utf8)).today == nil)
    }

    @Test("a broken reservation is refused naming the session and field", arguments: [
        (#"{"channel": "walk_in", "start": "2026-11-24T08:00:00", "end": "2026-11-24T10:00:00"}"#, "lies outside the session"),
        (#"{"channel": "walk_in", "start": "2026-11-24T09:10:00", "end": "2026-11-24T10:00:00"}"#, "off the session's 15-minute grid"),
        (#"{"channel": "urgent", "seats": 3}"#, "keeps 3 seat(s); the session has 2"),
        (#"{"channel": "walk_in", "release_days": 2}"#, "is for channel urgent only"),
        (#"{"channel": "drop_in"}"#, "must be walk_in or urgent"),
        (#"{"channel": "walk_in", "seats": 1}, {"channel": "urgent", "seats": 2}"#, "keep 3 seats at one moment"),
    ])
    func brokenReservations(reserved: String, message: String) {
        let text = """
            {"format": "zitdag-problem/1", "timezone": "Europe/Brussels", "consultants": [], "requests": [],
             "sessions": [{"id": "S1", "coach": "C1", "location": "L1", "start": "2026-11-24T09:00:00",
                           "end": "2026-11-24T12:30:00", "seats": 2, "reserved": [\(reserved)]}]}
            """
        do {
            _ = try ProblemFile.decode(Array(text.utf8))
            Issue.record("accepted \(reserved)")
        } catch {
            #expect(error.description.contains(message), "\(error.description)")
            #expect(error.description.contains("S1"), "\(error.description)")
            #expect(error.description.contains("sessions[0].reserved"), "\(error.description)")
        }
    }
}
