import Testing
import ZitdagCore

/// The walk-in hours of a half-day, decided in the core: who may arrive, who is called, how a visit
/// ends, and when each one waiting can expect their turn.
@Suite struct WalkInRegisterTests {
    static let zone = Zone.brussels
    static func at(_ time: String) -> Instant { zone.instant(for: LocalDateTime(iso: "2026-12-01T\(time):00")!)! }
    static func session(seats: Int = 1, booked: [(String, String)] = []) -> Session {
        Session(
            id: "C1-2026-12-01-0900", coach: "C1", location: "L1", span: Span(start: at("09:00"), end: at("12:00")),
            day: LocalDate(year: 2026, month: 12, day: 1)!, seats: seats, booked: booked.map { Span(start: at($0.0), end: at($0.1)) })
    }
    static func waiting(_ id: Int, _ arrived: String) -> WalkInVisit { WalkInVisit(id: id, session: session().id, arrived: at(arrived)) }

    @Test func walkInsArriveFromHalfAnHourBeforeTheStartUntilTheEnd() throws {
        let register = WalkInRegister(session: Self.session(), visits: [])
        let early = try register.arrival(initials: " AB ", topic: .email, at: Self.at("08:30"))
        #expect(early.initials == "AB" && early.topic == .email && early.state == .waiting)
        #expect(try register.arrival(initials: nil, topic: nil, at: Self.at("11:59")).initials == nil)
        for time in ["08:29", "12:00"] {
            #expect(throws: BookingRefusal(
                .conflict, Text("session C1-2026-12-01-0900 takes walk-ins from 30 minutes before it starts until it ends, not at this time")
            )) { try register.arrival(initials: nil, topic: nil, at: Self.at(time)) }
        }
        #expect(throws: BookingRefusal(.invalid, field: "initials", Text("\"Anne\u{20}Smith\": 1 to 4 letters (initials only, never a name)"))) {
            try register.arrival(initials: "Anne Smith", topic: nil, at: Self.at("09:00"))
        }
        #expect(throws: BookingRefusal(.conflict, Text("session C1-2026-12-01-0900 is cancelled"))) {
            try WalkInRegister(session: Self.session(), cancelled: true, visits: []).arrival(initials: nil, topic: nil, at: Self.at("09:00"))
        }
    }

    @Test func theOneWaitingLongestIsCalledAndEachSeatTakesOneAtATime() throws {
        let visits = [Self.waiting(1, "09:05"), Self.waiting(2, "09:00")]
        let called = try WalkInRegister(session: Self.session(), visits: visits).callNext(at: Self.at("09:10"))
        #expect(called.id == 2 && called.called == Self.at("09:10") && called.state == .beingHelped)
        #expect(throws: BookingRefusal(.conflict, Text("visit 2 still has no outcome; record it first"))) {
            try WalkInRegister(session: Self.session(), visits: [called, visits[0]]).callNext(at: Self.at("09:20"))
        }
        // Two seats: two at a time.
        let second = try WalkInRegister(session: Self.session(seats: 2), visits: [called, visits[0]]).callNext(at: Self.at("09:20"))
        #expect(second.id == 1)
        #expect(throws: BookingRefusal(.conflict, Text("nobody is waiting in session C1-2026-12-01-0900"))) {
            try WalkInRegister(session: Self.session(seats: 3), visits: [called, second]).callNext(at: Self.at("09:25"))
        }
    }

    @Test func onlySomeoneCalledInIsHelpedButAnyoneWaitingMayLeave() throws {
        var helped = Self.waiting(1, "09:00")
        helped.called = Self.at("09:05")
        let register = WalkInRegister(session: Self.session(), visits: [helped, Self.waiting(2, "09:01")])
        let done = try register.finish(1, outcome: .helped, topic: .jobSearch, at: Self.at("09:25"))
        #expect(done.outcome == .helped && done.finished == Self.at("09:25") && done.topic == .jobSearch && done.state == .done)
        #expect(throws: BookingRefusal(.conflict, Text("visit 2 is still waiting: call it in first, or record that they left"))) {
            try register.finish(2, outcome: .referred, topic: nil, at: Self.at("09:25"))
        }
        #expect(try register.finish(2, outcome: .left, topic: nil, at: Self.at("09:30")).outcome == .left)
        #expect(throws: BookingRefusal(.conflict, Text("visit 1 already ended: helped"))) {
            try WalkInRegister(session: Self.session(), visits: [done]).finish(1, outcome: .left, topic: nil, at: Self.at("09:30"))
        }
        #expect(throws: BookingRefusal(.invalid, field: "visit", Text("no visit 9 in session C1-2026-12-01-0900"))) {
            try register.finish(9, outcome: .helped, topic: nil, at: Self.at("09:30"))
        }
    }

    @Test func expectedTurnsFollowTheFreeTimeLeftBetweenAppointments() {
        // Appointments 09:00-10:00 and 10:30-11:00 in a one-seat half-day; 20 minutes a walk-in.
        let session = Self.session(booked: [("09:00", "10:00"), ("10:30", "11:00")])
        let visits = (1...5).map { Self.waiting($0, "09:0\($0)") }
        let turns = WalkInRegister(session: session, visits: visits, usualMinutes: 20).board(at: Self.at("09:10"))
        #expect(turns.map(\.position) == [1, 2, 3, 4, 5])
        #expect(turns.map(\.expected) == [Self.at("10:00"), Self.at("11:00"), Self.at("11:20"), Self.at("11:40"), nil])
    }

    @Test func someoneBeingHelpedHoldsTheirSeatForTheUsualTime() {
        var helped = Self.waiting(1, "09:00")
        helped.called = Self.at("09:00")
        let turns = WalkInRegister(session: Self.session(), visits: [helped, Self.waiting(2, "09:05")], usualMinutes: 30)
            .board(at: Self.at("09:10"))
        #expect(turns.map(\.expected) == [Self.at("09:30")])
        // Past the usual time they are still there: the next turn is not before now.
        let late = WalkInRegister(session: Self.session(), visits: [helped, Self.waiting(2, "09:05")], usualMinutes: 30)
            .board(at: Self.at("09:45"))
        #expect(late.map(\.expected) == [Self.at("09:46")])
    }

    /// Over random half-days: turns in queue order, never earlier than now or the one ahead, each
    /// ending within the session, and never expected where appointments, those being helped and the
    /// turns before it already fill the seats.
    @Test func expectedTurnsNeverOverfillTheSeats() {
        var random = SplitMix64(seed: 11)
        for _ in 0..<300 {
            let seats = 1 + Int(random.next() % 2)
            var booked: [(String, String)] = []
            var minute = 9 * 60
            while minute < 12 * 60 - 30 {
                minute += 15 * Int(random.next() % 4)
                let length = 15 * (2 + Int(random.next() % 4))
                if minute + length <= 12 * 60 { booked.append((Self.clock(minute), Self.clock(minute + length))) }
                minute += length
            }
            if seats == 2 { booked += booked.prefix(1) }
            let session = Self.session(seats: seats, booked: booked)
            let now = Self.at(Self.clock(9 * 60 + 5 * Int(random.next() % 30)))
            var visits: [WalkInVisit] = []
            for id in 1...(1 + Int(random.next() % 8)) {
                var visit = Self.waiting(id, Self.clock(8 * 60 + 40 + Int(random.next() % 20)))
                if visits.filter({ $0.state == .beingHelped }).count < seats && random.next() % 3 == 0 { visit.called = now.adding(seconds: -600) }
                visits.append(visit)
            }
            let usual = 10 + 5 * Int(random.next() % 4)
            let register = WalkInRegister(session: session, visits: visits, usualMinutes: usual)
            let turns = register.board(at: now)
            #expect(turns.map(\.position) == Array(1..<(turns.count + 1)))
            #expect(turns.map(\.visit.id) == register.waiting.map(\.id))
            var previous = now
            var reached = true
            for turn in turns {
                guard let expected = turn.expected else { reached = false; continue }
                #expect(reached, "a turn after one the session does not reach")
                #expect(expected >= previous && expected.adding(seconds: usual * 60) <= session.span.end)
                previous = expected
            }
            var spans = session.booked
            spans += visits.filter { $0.state == .beingHelped }.map { Span(start: now, end: max($0.called!.adding(seconds: usual * 60), now.adding(seconds: 60))) }
            let expected = turns.compactMap { $0.expected.map { Span(start: $0, end: $0.adding(seconds: usual * 60)) } }
            spans += expected
            // Where a turn is expected (elsewhere appointments and those being helped may already fill more).
            for m in stride(from: now.seconds, to: session.span.end.seconds, by: 60) {
                let moment = Span(start: Instant(seconds: m), end: Instant(seconds: m + 60))
                guard expected.contains(where: { $0.overlaps(moment) }) else { continue }
                #expect(spans.filter { $0.overlaps(moment) }.count <= seats, "over the seats at \(Self.zone.local(at: moment.start))")
            }
        }
    }

    static func clock(_ minutes: Int) -> String {
        let (h, m) = (minutes / 60, minutes % 60)
        return (h < 10 ? "0\(h)" : "\(h)") + ":" + (m < 10 ? "0\(m)" : "\(m)")
    }

    @Test func theReportCountsOutcomesTopicsAndWaitsPerMonthAndLocation() {
        let session = Self.session()
        var a = Self.waiting(1, "09:00")
        (a.called, a.finished, a.outcome, a.topic) = (Self.at("09:10"), Self.at("09:30"), .helped, .email)
        var b = Self.waiting(2, "09:05")
        (b.called, b.finished, b.outcome) = (Self.at("09:35"), Self.at("09:50"), .referred)
        var c = Self.waiting(3, "09:06")
        (c.finished, c.outcome, c.topic) = (Self.at("09:20"), .left, .email)
        let d = Self.waiting(4, "11:50")
        let report = WalkInReport(visits: [a, b, c, d].map { ($0, session) }, by: .location)
        #expect(report.rows.count == 1)
        let row = report.rows[0]
        #expect((row.month, row.location, row.session) == ("2026-12", "L1", nil))
        #expect((row.arrivals, row.helped, row.left, row.referred, row.open) == (4, 1, 1, 1, 1))
        #expect(row.topics == [.email: 2])
        #expect(row.medianWaitMinutes == 30)  // waits 10 and 30: the upper median
        #expect(WalkInReport(visits: [(a, session)], by: .session).rows.map(\.session) == [session.id])
    }
}
