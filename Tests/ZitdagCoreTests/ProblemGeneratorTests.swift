import Testing
import ZitdagCore

/// Generated problems use every feature of the format, in the shares a city's job team sees.
@Suite struct ProblemGeneratorTests {
    static let problem = ProblemGenerator(size: .jobteam, seed: 4, start: LocalDate(year: 2026, month: 11, day: 23)!).generate()

    @Test func sessionsHaveOneOrTwoSeats() {
        #expect(Set(Self.problem.sessions.map(\.seats)) == [1, 2])
        // 2 coaches × 2 half-days × 8 weeks, less the Christmas and New Year holidays.
        #expect((28...32).contains(Self.problem.sessions.count))
    }

    @Test func aboutHalfTheRequestsNeedTheirConsultant() {
        let requests = Self.problem.requests
        let required = requests.filter { $0.attendance == .required }.count
        #expect((20...40).contains(required), "\(required) of \(requests.count)")
        #expect(requests.contains { $0.attendance == .preferred })
        #expect(requests.contains { $0.consultant == nil })
    }

    @Test func startersNeedThreeHourLongAppointmentsOneToTwoWeeksApart() {
        let starters = Self.problem.requests.filter { $0.appointments == 3 }
        #expect(starters.count >= 15)
        #expect(starters.allSatisfy { $0.duration == 3600 && $0.gapDays == 7...14 })
    }

    @Test func mostRequestsAreDueTwoToFourWeeksAfterRelease() {
        let due = Self.problem.requests.compactMap { r in r.due.map { r.release.days(to: $0) } }
        #expect(due.count >= 30)
        #expect(due.allSatisfy { (14...28).contains($0) })
        #expect(Set(Self.problem.requests.map(\.priority)) == [1, 2, 3, 4, 5])
    }

    @Test func consultantsAreBusyAboutHalfTheWorkingDay() {
        let zone = Self.problem.zone
        let monday = ProblemGenerator(size: .jobteam, seed: 4, start: LocalDate(year: 2026, month: 11, day: 23)!).monday
        var busy = 0
        var total = 0
        for consultant in Self.problem.consultants {
            for day in (0..<56).map({ monday.adding(days: $0) }) where day.weekday <= 5 {
                let open = Span(
                    start: zone.instant(for: LocalDateTime(date: day, secondOfDay: 8 * 3600 + 1800))!,
                    end: zone.instant(for: LocalDateTime(date: day, secondOfDay: 17 * 3600))!)
                total += open.seconds
                for span in consultant.busy.spans where span.overlaps(open) {
                    busy += min(span.end, open.end) - max(span.start, open.start)
                }
            }
        }
        let share = Double(busy) / Double(total)
        #expect((0.4...0.62).contains(share), "\(share)")
    }

    @Test func someJobSeekersComeBackWithTheSameUnavailableTimes() {
        let bySeeker = Dictionary(grouping: Self.problem.requests, by: \.jobSeeker).values.filter { $0.count == 2 }
        #expect(!bySeeker.isEmpty)
        for pair in bySeeker {
            #expect(pair[0].unavailable == pair[1].unavailable)
            #expect((14...35).contains(pair[0].release.days(to: pair[1].release)))
        }
        let unavailable = Set(Self.problem.requests.filter { !$0.unavailable.isEmpty }.map(\.jobSeeker)).count
        #expect(unavailable >= 5)
    }
}
