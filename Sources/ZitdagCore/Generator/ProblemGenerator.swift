/// Makes realistic problems for demos, tests and benchmarks: weekly
/// half-days per coach with holidays skipped, busy consultants, series for
/// starters, and a mix of languages, priorities and attendance.
///
/// The same size, seed and start date always give the same problem.
public struct ProblemGenerator: Sendable {
    public var size: ProblemSize
    public var seed: UInt64
    /// The first Monday on or after this date starts the horizon.
    public var start: LocalDate
    public var zone: Zone

    public init(size: ProblemSize, seed: UInt64, start: LocalDate, zone: Zone = .brussels) {
        self.size = size
        self.seed = seed
        self.start = start
        self.zone = zone
    }

    /// The horizon's first day: the Monday on or after `start`.
    public var monday: LocalDate { start.adding(days: (8 - start.weekday) % 7) }

    public func generate() -> Problem {
        var random = SplitMix64(seed: seed)
        let sessions = makeSessions(&random)
        let consultants = (1...size.consultants).map { makeConsultant("K\($0)", &random) }
        let requests = (1...size.requests).map { makeRequest($0, consultants: consultants, &random) }
        return Problem(zone: zone, gridMinutes: 15, sessions: sessions, consultants: consultants, requests: requests)
    }

    private func time(_ day: LocalDate, _ hour: Int, _ minute: Int = 0) -> Instant {
        // Working hours never fall in a daylight-saving gap.
        zone.instant(for: LocalDateTime(date: day, secondOfDay: hour * 3600 + minute * 60))!
    }

    private func makeSessions(_ random: inout SplitMix64) -> [Session] {
        // Half-days: (weekday 1-5, morning or afternoon).
        let halfDays = (1...5).flatMap { [($0, true), ($0, false)] }
        var sessions: [Session] = []
        for coach in 1...size.coaches {
            let location = "L\((coach - 1) / 2 + 1)"
            let seats = random.next() % 5 == 0 && size != .jobteam ? 2 : 1
            var languages: Set = ["nl"]
            for (language, percent) in [("en", 40), ("fr", 20), ("ar", 10), ("uk", 10), ("tr", 5)]
            where random.next() % 100 < percent { languages.insert(language) }
            let first = Int(random.next() % UInt64(halfDays.count))
            let pattern = (0..<size.halfDaysPerWeek).map { halfDays[(first + $0 * 3) % halfDays.count] }
            for week in 0..<size.weeks {
                for (weekday, morning) in pattern {
                    let day = monday.adding(days: week * 7 + weekday - 1)
                    guard !BelgianHolidays.contains(day) else { continue }
                    let span = morning
                        ? Span(start: time(day, 9), end: time(day, 12, 30)) : Span(start: time(day, 13), end: time(day, 16, 30))
                    sessions.append(Session(
                        id: "C\(coach)-\(day)-\(morning ? "am" : "pm")", coach: "C\(coach)", location: location,
                        span: span, day: day, seats: Int(seats), languages: languages))
                }
            }
        }
        return sessions
    }

    private func makeConsultant(_ id: String, _ random: inout SplitMix64) -> Consultant {
        var busy: [Span] = []
        for week in 0..<size.weeks {
            let monday = self.monday.adding(days: week * 7)
            busy.append(Span(start: time(monday, 9), end: time(monday, 11)))  // the team meeting
            for _ in 0..<(3 + random.next() % 4) {
                let day = monday.adding(days: Int(random.next() % 5))
                let hour = 8 + Int(random.next() % 8)
                let length = 1 + Int(random.next() % 3)
                busy.append(Span(start: time(day, hour), end: time(day, min(hour + length, 18))))
            }
        }
        return Consultant(id: id, busy: BusyCalendar(busy))
    }

    private func makeRequest(_ n: Int, consultants: [Consultant], _ random: inout SplitMix64) -> Request {
        func roll() -> Int { Int(random.next() % 100) }
        let level = roll()
        let (appointments, gaps, minutes): (Int, ClosedRange<Int>, Int) =
            level < 30 ? (3, 7...14, 60) : level < 55 ? (2, 7...21, 60)
            : (1, 7...21, [60, 60, 60, 90, 30][Int(random.next() % 5)])
        let horizon = size.weeks * 7
        let release = monday.adding(days: Int(random.next() % UInt64(horizon * 3 / 4)))
        let due = roll() < 60 ? release.adding(days: 21 + Int(random.next() % 22)) : nil
        let priorityRoll = roll()
        let priority = priorityRoll < 40 ? 1 : priorityRoll < 65 ? 2 : priorityRoll < 85 ? 3 : priorityRoll < 95 ? 4 : 5
        let languageRoll = roll()
        let language: String? =
            languageRoll < 70 ? nil : languageRoll < 85 ? "nl" : languageRoll < 92 ? "en" : languageRoll < 96 ? "fr"
            : languageRoll < 98 ? "ar" : languageRoll < 99 ? "tr" : "so"
        let attendanceRoll = roll()
        let attendance: Attendance = attendanceRoll < 35 ? .required : attendanceRoll < 80 ? .preferred : .none
        let consultant = attendanceRoll < 90 ? consultants[Int(random.next() % UInt64(consultants.count))].id : nil
        // Some job seekers cannot come on one half-day a week (a course, childcare).
        var unavailable: [Span] = []
        if roll() < 20 {
            let weekday = Int(random.next() % 5)
            let morning = random.next() % 2 == 0
            for week in 0..<size.weeks {
                let day = monday.adding(days: week * 7 + weekday)
                unavailable.append(morning ? Span(start: time(day, 8), end: time(day, 12)) : Span(start: time(day, 12), end: time(day, 17)))
            }
        }
        // About one job seeker in twenty has a second request.
        let seeker = n > 20 && roll() < 5 ? n - 1 - Int(random.next() % 20) : n
        return Request(
            id: "R\(n)", jobSeeker: "J\(seeker)", consultant: consultant, attendance: attendance, duration: minutes * 60,
            appointments: appointments, gapDays: gaps, release: release, due: due, priority: priority,
            language: language, unavailable: BusyCalendar(unavailable))
    }
}
