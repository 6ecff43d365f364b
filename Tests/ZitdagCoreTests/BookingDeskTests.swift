import Testing
import ZitdagCore

/// The desk's decisions, without a store: where a booking goes, or a refusal that is true of the
/// state it was decided on.
@Suite struct BookingDeskTests {
    static let zone = Zone.brussels
    static let today = LocalDate(year: 2026, month: 11, day: 30)!

    static func at(_ text: String) -> Instant { zone.instant(for: LocalDateTime(iso: text)!)! }
    static func span(_ from: String, _ to: String) -> Span { Span(start: at(from), end: at(to)) }

    /// Tuesday mornings with coach C1 (one seat, Dutch and English) and C2 (two seats, Arabic), three weeks running.
    static func sessions(booked: [String: [Span]] = [:]) -> [Session] {
        ["2026-12-01", "2026-12-08", "2026-12-15"].flatMap { day in
            [("C1", 1, ["nl", "en"] as Set<String>), ("C2", 2, ["ar"])].map { coach, seats, languages in
                let id = "\(coach)-\(day)"
                return Session(
                    id: id, coach: coach, location: "L1", span: span("\(day)T09:00:00", "\(day)T12:30:00"),
                    day: LocalDate(iso: day)!, seats: seats, languages: languages, booked: booked[id] ?? [])
            }
        }
    }

    static func desk(_ sessions: [Session], consultants: [Consultant] = [], today: LocalDate = today) -> BookingDesk {
        BookingDesk(zone: zone, gridMinutes: 15, sessions: sessions, rules: RuleBook(), today: today, consultants: consultants)
    }

    static func request(
        appointments: Int = 1, attendance: Attendance = .none, language: String? = nil, unavailable: [Span] = []
    ) -> Request {
        Request(
            id: "new", jobSeeker: "J1", consultant: attendance == .none ? nil : "K1", attendance: attendance, duration: 3600,
            appointments: appointments, release: today, language: language, unavailable: BusyCalendar(unavailable))
    }

    static func refusal(_ body: () throws(BookingRefusal) -> [Assignment]) -> BookingRefusal? {
        do {
            _ = try body()
            return nil
        } catch { return error }
    }

    @Test func aFreeStartIsBookedThere() throws {
        let placed = try Self.desk(Self.sessions()).place(Self.request(), at: [SlotChoice(start: Self.at("2026-12-01T10:00:00"))])
        #expect(placed.count == 1)
        #expect(placed[0].span == Self.span("2026-12-01T10:00:00", "2026-12-01T11:00:00"))
        #expect(placed[0].session == "C1-2026-12-01")
    }

    @Test func aSeriesFromItsFirstStartIsPlacedWholeWithinItsGaps() throws {
        let placed = try Self.desk(Self.sessions()).place(Self.request(appointments: 3), at: [SlotChoice(start: Self.at("2026-12-01T09:00:00"))])
        #expect(placed.map(\.index) == [0, 1, 2])
        #expect(placed.map(\.session) == ["C1-2026-12-01", "C1-2026-12-08", "C1-2026-12-15"])
    }

    @Test func aSeatBookedEarlierIsTakenAndFreeOnceEmpty() {
        let booked = ["C1-2026-12-01": [Self.span("2026-12-01T10:00:00", "2026-12-01T11:00:00")]]
        let choice = SlotChoice(start: Self.at("2026-12-01T10:30:00"), session: "C1-2026-12-01")
        let refusal = Self.refusal { () throws(BookingRefusal) in try Self.desk(Self.sessions(booked: booked)).place(Self.request(), at: [choice]) }
        #expect(refusal == BookingRefusal(.taken, Text("the slot at Tue 2026-12-01 10:30")))
        // True of the state: with the seat free again, the same start is booked.
        #expect(Self.refusal { () throws(BookingRefusal) in try Self.desk(Self.sessions()).place(Self.request(), at: [choice]) } == nil)
    }

    @Test func anOffGridStartNamesTheGridAndTheSession() {
        let refusal = Self.refusal { () throws(BookingRefusal) in
            try Self.desk(Self.sessions()).place(Self.request(), at: [SlotChoice(start: Self.at("2026-12-01T10:05:00"))])
        }
        #expect(refusal?.code == .invalid)
        #expect(refusal?.field == "start")
        #expect(refusal?.message.description.contains("off the 15-minute grid of C1-2026-12-01, which starts at 09:00") == true)
    }

    @Test func theJobSeekersOwnAppointmentIsTheReasonNotAFullSession() {
        let request = Self.request(unavailable: [Self.span("2026-12-01T10:00:00", "2026-12-01T11:00:00")])
        let refusal = Self.refusal { () throws(BookingRefusal) in
            try Self.desk(Self.sessions()).place(request, at: [SlotChoice(start: Self.at("2026-12-01T10:00:00"))])
        }
        #expect(refusal == BookingRefusal(.noRoom, Text("J1 already has an appointment, or is unavailable, during Tue 2026-12-01 10:00-11:00")))
    }

    @Test func aRequiredConsultantWhoIsBusyIsNamed() {
        let busy = Consultant(id: "K1", busy: BusyCalendar([Self.span("2026-12-01T09:00:00", "2026-12-01T12:30:00")]))
        let refusal = Self.refusal { () throws(BookingRefusal) in
            try Self.desk(Self.sessions(), consultants: [busy]).place(
                Self.request(attendance: .required), at: [SlotChoice(start: Self.at("2026-12-01T10:00:00"))])
        }
        #expect(refusal == BookingRefusal(.noRoom, Text("consultant K1 is not free (busy, or along to another appointment) during Tue 2026-12-01 10:00-11:00")))
    }

    @Test func aDayUnderTheNoticeIsOutsideTheRules() {
        let refusal = Self.refusal { () throws(BookingRefusal) in
            try Self.desk(Self.sessions(), today: LocalDate(year: 2026, month: 12, day: 1)!).place(
                Self.request(), at: [SlotChoice(start: Self.at("2026-12-01T10:00:00"))])
        }
        #expect(refusal == BookingRefusal(.invalid, field: "start", Text("Tue 2026-12-01 10:00 is outside the booking rules (notice or horizon)")))
    }

    @Test func noSessionAtTheTimeIsInvalid() {
        let refusal = Self.refusal { () throws(BookingRefusal) in
            try Self.desk([]).place(Self.request(), at: [SlotChoice(start: Self.at("2026-12-02T10:00:00"))])
        }
        #expect(refusal == BookingRefusal(.invalid, field: "start", Text("no open session runs at Wed 2026-12-02 10:00")))
    }

    @Test func aSeriesAtItsOwnStartsNeedsASessionServingItsLanguage() {
        let starts = ["2026-12-01T09:00:00", "2026-12-08T09:00:00"].map { SlotChoice(start: Self.at($0)) }
        let arabic = Self.request(appointments: 2, language: "ar")
        let placed = try? Self.desk(Self.sessions()).place(arabic, at: starts)
        #expect(placed?.map(\.session) == ["C2-2026-12-01", "C2-2026-12-08"])
        let refusal = Self.refusal { () throws(BookingRefusal) in
            try Self.desk(Self.sessions()).place(Self.request(appointments: 2, language: "tr"), at: starts)
        }
        #expect(refusal == BookingRefusal(.invalid, field: "start", Text("no open session serving tr runs at Tue 2026-12-01 09:00")))
    }

    @Test func aStartForEveryAppointmentOrJustTheFirst() {
        let refusal = Self.refusal { () throws(BookingRefusal) in
            try Self.desk(Self.sessions()).place(
                Self.request(appointments: 3), at: ["2026-12-01T09:00:00", "2026-12-08T09:00:00"].map { SlotChoice(start: Self.at($0)) })
        }
        #expect(refusal == BookingRefusal(.invalid, field: "start", Text("give the first start, or all 3 starts of the series")))
    }

    @Test func aMoveKeepsTheSeriesGaps() throws {
        let series = Self.request(appointments: 3)
        let others = [(index: 0, day: LocalDate(year: 2026, month: 12, day: 1)!), (index: 2, day: LocalDate(year: 2026, month: 12, day: 22)!)]
        try BookingDesk.checkGaps(of: series, moving: 1, to: LocalDate(year: 2026, month: 12, day: 10)!, others: others)
        #expect(throws: BookingRefusal(.invalid, field: "start", Text("appointment #1 of the series is on 2026-12-01: 1 day apart is outside 7..21"))) {
            try BookingDesk.checkGaps(of: series, moving: 1, to: LocalDate(year: 2026, month: 12, day: 2)!, others: others)
        }
        #expect(throws: BookingRefusal(.invalid, field: "start", Text("appointment #3 of the series is on 2026-12-22: 0 days apart is outside 7..21"))) {
            try BookingDesk.checkGaps(of: series, moving: 1, to: LocalDate(year: 2026, month: 12, day: 22)!, others: others)
        }
    }

    /// Random states and random starts, on and off the grid: every placement passes the checker
    /// against the whole state, and every refusal is true of it, checked by relaxing what it names.
    @Test func everyPlacementIsValidAndEveryRefusalTrue() throws {
        var random = SplitMix64(seed: 12)
        func pick(_ n: Int) -> Int { Int(random.next() % UInt64(n)) }
        var outcomes: [String: Int] = [:]
        for _ in 0..<2_000 {
            let days = ["2026-12-01", "2026-12-08", "2026-12-15"]
            var booked: [String: [Span]] = [:]
            for _ in 0..<pick(10) {
                let day = days[pick(3)]
                let start = Self.at("\(day)T09:00:00").adding(seconds: 900 * pick(11))
                booked["\(["C1", "C2"][pick(2)])-\(day)", default: []].append(Span(start: start, end: start.adding(seconds: 3600)))
            }
            // Seats may have been overbooked by the draw: keep only states the store could hold.
            let held = Self.sessions(booked: booked).filter { session in
                let problem = Problem(zone: Self.zone, gridMinutes: 15, sessions: [session], consultants: [], requests: [])
                return PlanChecker(problem: problem).check(Plan(assignments: [], unscheduled: [], objective: 0)).violations.isEmpty
            }
            // Half the time the calendar has taken back one half-day after the first week (where a
            // series needs it).
            let later = held.filter { $0.day > LocalDate(iso: days[0])! }
            let cancelled = pick(2) == 0 && !later.isEmpty ? [later[pick(later.count)]] : []
            let sessions = held.filter { session in !cancelled.contains { $0.id == session.id } }
            let busyStart = Self.at("\(days[pick(3)])T09:00:00").adding(seconds: 900 * pick(12))
            let consultant = Consultant(id: "K1", busy: BusyCalendar(pick(2) == 0 ? [] : [Span(start: busyStart, end: busyStart.adding(seconds: 900 * (1 + pick(8))))]))
            let ownStart = Self.at("\(days[pick(3)])T09:00:00").adding(seconds: 900 * pick(12))
            let request = Self.request(
                appointments: 1 + pick(3), attendance: [.none, .preferred, .required][pick(3)], language: [nil, "ar", "nl", "tr"][pick(4)],
                unavailable: pick(2) == 0 ? [] : [Span(start: ownStart, end: ownStart.adding(seconds: 3600))])
            let start = Self.at("\(days[pick(3)])T09:00:00").adding(seconds: 300 * pick(40))
            let choice = SlotChoice(start: start)
            let consultants = request.consultant == nil ? [] : [consultant]
            let desk = BookingDesk(
                zone: Self.zone, gridMinutes: 15, sessions: sessions, cancelled: cancelled, rules: RuleBook(), today: Self.today, consultants: consultants)
            let running = sessions.filter { $0.span.start <= start && start < $0.span.end }
            do {
                let placed = try desk.place(request, at: [choice])
                outcomes["placed", default: 0] += 1
                #expect(placed[0].span.start == start)
                let problem = Problem(zone: Self.zone, gridMinutes: 15, sessions: sessions, consultants: consultants, requests: [request])
                let violations = PlanChecker(problem: problem).check(Plan(assignments: placed, unscheduled: [], objective: 0)).violations
                #expect(violations.filter { $0.rule != .objective }.isEmpty, "\(violations)")
            } catch {
                outcomes[error.code.rawValue, default: 0] += 1
                let unbooked = sessions.map { session in
                    var session = session
                    session.booked = []
                    return session
                }
                let again = Self.refusal { () throws(BookingRefusal) in try Self.desk(unbooked, consultants: consultants).place(request, at: [choice]) }
                switch error.code {
                case .taken:
                    // With every seat free, the start asked for is booked.
                    #expect(again == nil, "\(error) but with the seats free: \(String(describing: again))")
                case .noRoom where error.message.description.contains(", which is cancelled"):
                    // With the half-day held again (empty), it fits there.
                    let reopened = cancelled.map { session in
                        var session = session
                        session.booked = []
                        return session
                    }
                    let relaxed = Self.refusal { () throws(BookingRefusal) in
                        try Self.desk((sessions + reopened).sorted { $0.span.start < $1.span.start }, consultants: consultants).place(request, at: [choice])
                    }
                    #expect(relaxed == nil, "\(error) but with the half-day held: \(String(describing: relaxed))")
                    outcomes["for want of a cancelled half-day", default: 0] += 1
                case .noRoom where error.message.description.hasPrefix("J1 "):
                    #expect(!request.unavailable.isFree(Span(start: start, end: start.adding(seconds: request.duration))))
                case .noRoom where error.message.description.hasPrefix("consultant K1 "):
                    #expect(request.attendance == .required && !consultant.busy.isFree(Span(start: start, end: start.adding(seconds: request.duration))))
                case .noRoom where error.message.description.contains(" serves language "):
                    #expect(!running.contains { $0.serves(request.language) })
                case .noRoom where error.message.description.contains(" lasts until "):
                    #expect(!running.contains { $0.span.end >= start.adding(seconds: request.duration) })
                case .noRoom:
                    // Not a matter of seats: with them free, it still does not fit there.
                    #expect(again?.code == .noRoom, "\(error) but with the seats free: \(String(describing: again))")
                case .conflict:
                    Issue.record("a new booking is never a conflict: \(error)")
                case .invalid:
                    if error.message.description.contains("off the 15-minute grid") {
                        #expect(sessions.allSatisfy { !($0.span.start <= start && start < $0.span.end) || ($0.span.start - start) % 900 != 0 })
                    } else {
                        #expect(error.message.description.contains("runs at"), "\(error)")
                        if error.message.description.hasSuffix("then is cancelled)") {
                            #expect(cancelled.contains { $0.span.start <= start && start < $0.span.end })
                        }
                    }
                }
            }
        }
        // The draw reaches every kind of outcome.
        #expect(outcomes.keys.sorted() == ["for want of a cancelled half-day", "invalid", "no_room", "placed", "taken"], "\(outcomes)")
    }
}
