/// Makes realistic problems for demos, tests and benchmarks, using every
/// feature of the format as a city's job team meets it:
///
/// - weekly half-days per coach (holidays skipped), one or two seats;
/// - consultants busy 40-60 % of each working day in blocks of 45-180
///   minutes, and now and then a whole day;
/// - half the requests with the consultant required, a quarter preferred;
/// - 40 % starters (3 × 60 minutes, 7-14 days apart), 30 % basic
///   (2 × 60 minutes, 7-21 days), 30 % one appointment;
/// - 70 % with a due date 14-28 days after release; priorities 1-5;
/// - a quarter of job seekers with weekly childcare afternoons, part-time
///   mornings or a whole day off; about one in ten with a second request
///   14-35 days after the first, sharing those times.
///
/// With `channels`, a share of each coach's half-days also keep capacity from booking (see
/// ``Reservation``), and the problem is planned on the horizon's Monday: a quarter keep their last
/// hour for walk-in, a third of the two-seat ones keep one seat for walk-in, and a fifth hold one
/// seat back for urgent bookings until two days before. The rest of the problem is the same as without.
///
/// The same size, seed and start date always give the same problem.
public struct ProblemGenerator: Sendable {
    public var size: ProblemSize
    public var seed: UInt64
    /// The first Monday on or after this date starts the horizon.
    public var start: LocalDate
    public var zone: Zone
    /// Whether half-days keep capacity for walk-in and urgent bookings.
    public var channels: Bool

    public init(size: ProblemSize, seed: UInt64, start: LocalDate, zone: Zone = .brussels, channels: Bool = false) {
        self.channels = channels
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
        var requests: [Request] = []
        var seeker = 0
        while requests.count < size.requests {
            seeker += 1
            let unavailable = makeUnavailable(&random)
            let first = makeRequest(requests.count + 1, seeker: seeker, unavailable: unavailable, consultants: consultants, &random)
            requests.append(first)
            // A job seeker coming back for more, two to five weeks later.
            if requests.count < size.requests && random.percent() < 10 {
                var second = makeRequest(requests.count + 1, seeker: seeker, unavailable: unavailable, consultants: consultants, &random)
                second.release = first.release.adding(days: random.int(in: 14...35))
                second.due = second.due.map { _ in second.release.adding(days: random.int(in: 14...28)) }
                requests.append(second)
            }
        }
        var problem = Problem(zone: zone, gridMinutes: 15, sessions: sessions, consultants: consultants, requests: requests)
        if channels { reserveChannels(&problem) }
        return problem
    }

    /// Reservations per coach and half-day of the week, from a stream of their own.
    private func reserveChannels(_ problem: inout Problem) {
        var random = SplitMix64(seed: seed ^ 0x5EA7_C4A2_2E15)
        var kept: [String: [Reservation.Channel: Bool]] = [:]  // by coach, weekday and morning
        problem.today = monday
        for index in problem.sessions.indices {
            var session = problem.sessions[index]
            let pattern = "\(session.coach) \(session.day.weekday) \(session.span.start < time(session.day, 12, 45))"
            if kept[pattern] == nil {
                kept[pattern] = [.walkIn: random.percent() < 25, .urgent: random.percent() < 20]
                if session.seats > 1 && random.percent() < 33 { kept[pattern]![.walkIn] = nil }
            }
            var rest = session.span  // what walk-in leaves
            switch kept[pattern]![.walkIn] {
            case true?:
                rest.end = session.span.end.adding(seconds: -3600)
                session.reserved.append(Reservation(.walkIn, span: Span(start: rest.end, end: session.span.end), seats: session.seats))
            case nil:
                session.reserved.append(Reservation(.walkIn, span: session.span, seats: 1))
            case false?: break
            }
            if kept[pattern]![.urgent]! { session.reserved.append(Reservation(.urgent, span: rest, seats: 1, releaseDays: 2)) }
            problem.sessions[index] = session
        }
    }

    private var days: Int { size.weeks * 7 }

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
            var languages: Set = ["nl"]
            for (language, percent) in [("en", 40), ("fr", 20), ("ar", 10), ("uk", 10), ("tr", 5)]
            where random.percent() < percent { languages.insert(language) }
            let first = random.int(in: 0...(halfDays.count - 1))
            // A third of a coach's half-days take two job seekers at once (a second table, a digipunt).
            let pattern = (0..<size.halfDaysPerWeek).map { (halfDays[(first + $0 * 3) % halfDays.count], random.percent() < 33 ? 2 : 1) }
            for week in 0..<size.weeks {
                for ((weekday, morning), seats) in pattern {
                    let day = monday.adding(days: week * 7 + weekday - 1)
                    guard !BelgianHolidays.contains(day) else { continue }
                    let span = morning
                        ? Span(start: time(day, 9), end: time(day, 12, 30)) : Span(start: time(day, 13, 30), end: time(day, 16, 30))
                    sessions.append(Session(
                        id: "C\(coach)-\(day)-\(morning ? "am" : "pm")", coach: "C\(coach)", location: location,
                        span: span, day: day, seats: seats, languages: languages))
                }
            }
        }
        return sessions
    }

    /// Busy 40-60 % of each working day (08:30-17:00) in blocks of 45-180 minutes; one day in
    /// twenty busy all day (training, leave).
    private func makeConsultant(_ id: String, _ random: inout SplitMix64) -> Consultant {
        var busy: [Span] = []
        for offset in 0..<days where offset % 7 < 5 {
            let day = monday.adding(days: offset)
            if random.percent() < 5 {
                busy.append(Span(start: time(day, 0), end: time(day.adding(days: 1), 0)))
                continue
            }
            // Quarters of an hour from 08:30: 34 in the working day.
            var taken = [Bool](repeating: false, count: 34)
            let target = 34 * random.int(in: 40...60) / 100
            var filled = 0
            for _ in 0..<40 where filled < target {
                let length = random.int(in: 3...12)
                let from = random.int(in: 0...(34 - length))
                guard !taken[from..<(from + length)].contains(true) else { continue }
                for quarter in from..<(from + length) { taken[quarter] = true }
                filled += length
                let start = 8 * 60 + 30 + from * 15
                busy.append(Span(start: time(day, start / 60, start % 60), end: time(day, (start + length * 15) / 60, (start + length * 15) % 60)))
            }
        }
        return Consultant(id: id, busy: BusyCalendar(busy))
    }

    /// A quarter of job seekers: weekly childcare afternoons, part-time mornings or a whole day off.
    private func makeUnavailable(_ random: inout SplitMix64) -> BusyCalendar {
        guard random.percent() < 25 else { return BusyCalendar() }
        let kind = random.int(in: 0...2)
        let weekdays = kind == 1 ? [0, 1, 2, 3, 4].filter { _ in random.percent() < 60 } : [random.int(in: 0...4)]
        var spans: [Span] = []
        for week in 0..<(size.weeks + 6) {
            for weekday in weekdays {
                let day = monday.adding(days: week * 7 + weekday)
                switch kind {
                case 0: spans.append(Span(start: time(day, 12), end: time(day, 17)))
                case 1: spans.append(Span(start: time(day, 8), end: time(day, 12, 30)))
                default: spans.append(Span(start: time(day, 0), end: time(day.adding(days: 1), 0)))
                }
            }
        }
        return BusyCalendar(spans)
    }

    private func makeRequest(
        _ n: Int, seeker: Int, unavailable: BusyCalendar, consultants: [Consultant], _ random: inout SplitMix64
    ) -> Request {
        let level = random.percent()
        let (appointments, gaps, minutes): (Int, ClosedRange<Int>, Int) =
            level < 40 ? (3, 7...14, 60) : level < 70 ? (2, 7...21, 60)
            : (1, 7...21, [60, 60, 60, 90, 30, 45][random.int(in: 0...5)])
        // Tiny problems release everything early enough for a series to fit.
        let release = monday.adding(days: random.int(in: 0...((size == .tiny ? days / 3 : days * 3 / 4) - 1)))
        let due = random.percent() < 70 ? release.adding(days: random.int(in: 14...28)) : nil
        let priority = random.int(in: 1...5)
        let languageRoll = random.percent()
        let language: String? =
            languageRoll < 70 ? nil : languageRoll < 85 ? "nl" : languageRoll < 92 ? "en" : languageRoll < 96 ? "fr"
            : languageRoll < 98 ? "ar" : languageRoll < 99 ? "tr" : "so"
        let attendanceRoll = random.percent()
        let attendance: Attendance = attendanceRoll < 50 ? .required : attendanceRoll < 75 ? .preferred : .none
        let consultant = attendanceRoll < 90 ? consultants[random.int(in: 0...(consultants.count - 1))].id : nil
        return Request(
            id: "R\(n)", jobSeeker: "J\(seeker)", consultant: consultant, attendance: attendance, duration: minutes * 60,
            appointments: appointments, gapDays: gaps, release: release, due: due, priority: priority,
            language: language, unavailable: unavailable)
    }
}

extension SplitMix64 {
    /// 0...99.
    fileprivate mutating func percent() -> Int { Int(next() % 100) }

    fileprivate mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }
}
