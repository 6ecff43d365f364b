import ZitdagCore

/// Random problems of many shapes for property tests: seats, busy calendars,
/// gaps, languages, unavailability and weeks that cross a DST change.
struct RandomProblem {
    struct Shape: CustomStringConvertible {
        var sessions: ClosedRange<Int>
        var requests: ClosedRange<Int>
        var maxAppointments: Int
        var gridMinutes: [Int]
        var sessionHours: ClosedRange<Int>
        var days: Int
        var coaches = 1...3
        /// Every session starts at 07:00 or 12:00 and is as long as the others, as a region's
        /// half-days are: many sessions alike on each day.
        var halfDays = false

        static let tiny = Shape(sessions: 2...4, requests: 1...6, maxAppointments: 2, gridMinutes: [30, 60], sessionHours: 1...2, days: 10)
        /// Series of up to three, hour-long appointments on an hour's grid (so that exhaustive search
        /// over start times stays quick), seats 1-3, busy consultants, over four weeks.
        static let tinySeries = Shape(sessions: 3...7, requests: 2...6, maxAppointments: 3, gridMinutes: [60], sessionHours: 1...3, days: 28)
        static let small = Shape(sessions: 3...12, requests: 2...25, maxAppointments: 3, gridMinutes: [15, 30], sessionHours: 1...4, days: 28)
        static let medium = Shape(sessions: 20...60, requests: 30...120, maxAppointments: 3, gridMinutes: [15], sessionHours: 2...4, days: 60)
        /// Few days, many coaches on the same half-days.
        static let wide = Shape(
            sessions: 12...30, requests: 2...30, maxAppointments: 3, gridMinutes: [30, 60], sessionHours: 2...2, days: 12,
            coaches: 6...12, halfDays: true)

        var description: String { "\(sessions) sessions, \(requests) requests" }
    }

    /// Mondays just before the spring and autumn DST changes in Brussels, and an ordinary one.
    static let starts = [
        LocalDate(year: 2026, month: 3, day: 23)!, LocalDate(year: 2026, month: 10, day: 19)!,
        LocalDate(year: 2026, month: 11, day: 23)!,
    ]

    static func make(seed: UInt64, shape: Shape) -> Problem {
        var random = SplitMix64(seed: seed)
        func pick(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }
        func pick(_ range: Range<Int>) -> Int { Int.random(in: range, using: &random) }
        func chance(_ percent: Int) -> Bool { pick(0...99) < percent }
        let zone = Zone.brussels
        let grid = shape.gridMinutes.randomElement(using: &random)!
        let start = starts.randomElement(using: &random)!
        let languages = ["nl", "en", "fr"]
        func at(_ day: Int, _ minute: Int) -> Instant {
            // Minutes from 07:00; the DST changes happen at night, so these times exist.
            zone.instant(for: LocalDateTime(date: start.adding(days: day), secondOfDay: (7 * 60 + minute) * 60))!
        }

        let coachCount = pick(shape.coaches)
        var sessions: [Session] = []
        var coachFree = [Int](repeating: 0, count: coachCount * shape.days)  // minutes used per coach-day
        for i in 0..<pick(shape.sessions) {
            let coach = pick(0..<coachCount)
            let day = pick(0..<shape.days)
            let startMinute = shape.halfDays ? 300 * pick(0...1) : coachFree[coach * shape.days + day] + grid * pick(0...2)
            if shape.halfDays && coachFree[coach * shape.days + day] > startMinute { continue }
            let length = pick(shape.sessionHours) * 60
            guard startMinute + length <= 13 * 60 else { continue }
            coachFree[coach * shape.days + day] = startMinute + length
            let served: Set<String>? = chance(30) ? nil : Set(languages.filter { _ in chance(60) } + ["nl"])
            sessions.append(Session(
                id: "S\(i)", coach: "C\(coach)", location: "L\(pick(0...1))",
                span: Span(start: at(day, startMinute), end: at(day, startMinute + length)),
                day: start.adding(days: day), seats: chance(70) ? 1 : pick(2...3), languages: served))
        }
        let consultants = (0..<pick(1...4)).map { k in
            Consultant(id: "K\(k)", busy: BusyCalendar((0..<pick(0...6)).map { _ in
                let day = pick(0..<shape.days)
                let from = pick(0...20) * 30
                return Span(start: at(day, from), end: at(day, from + pick(1...6) * 30))
            }))
        }
        let requests = (0..<pick(shape.requests)).map { r -> Request in
            let consultant = chance(85) ? consultants.randomElement(using: &random)!.id : nil
            let attendance: Attendance = consultant == nil ? .none : [.required, .preferred, .none].randomElement(using: &random)!
            let minGap = pick(0...3)
            let release = start.adding(days: pick(0...(shape.days / 2)))
            return Request(
                id: "R\(r)", jobSeeker: "J\(chance(15) ? pick(0...r) : r)", consultant: consultant,
                attendance: attendance, duration: grid * pick(1...max(1, 90 / grid)) * 60,
                appointments: pick(1...shape.maxAppointments), gapDays: minGap...(minGap + pick(0...7)),
                release: release, due: chance(50) ? release.adding(days: pick(0...14)) : nil, priority: pick(1...5),
                language: chance(70) ? nil : languages.randomElement(using: &random),
                unavailable: BusyCalendar(chance(25) ? [Span(start: at(pick(0..<shape.days), 0), end: at(pick(0..<shape.days), 600))] : []))
        }
        return Problem(zone: zone, gridMinutes: grid, sessions: sessions, consultants: consultants, requests: requests)
    }

    /// The problem with some seats already taken: up to three booked appointments per session, on the grid.
    static func withBookings(_ problem: Problem, seed: UInt64) -> Problem {
        var random = SplitMix64(seed: seed ^ 0xB00C)
        var problem = problem
        let grid = problem.gridSeconds
        for i in problem.sessions.indices {
            let session = problem.sessions[i]
            let cells = session.span.seconds / grid
            var taken = [Int](repeating: 0, count: cells)
            for _ in 0..<Int.random(in: 0...3, using: &random) {
                let from = Int.random(in: 0..<cells, using: &random)
                let to = Int.random(in: (from + 1)...min(cells, from + 4), using: &random)
                // Booked appointments never overfill a session: the store sees to that.
                guard taken[from..<to].allSatisfy({ $0 < session.seats }) else { continue }
                for cell in from..<to { taken[cell] += 1 }
                problem.sessions[i].booked.append(
                    Span(start: session.span.start.adding(seconds: from * grid), end: session.span.start.adding(seconds: to * grid)))
            }
        }
        return problem
    }
}
