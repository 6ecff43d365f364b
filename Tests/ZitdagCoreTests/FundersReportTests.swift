import Testing
import ZitdagCore

/// The funders' report: each figure, recomputed here from the raw events another way, equals the
/// report's, on random histories; and the CSV opens in a Belgian spreadsheet.
@Suite struct FundersReportTests {
    static let locations = ["Gent", "Ledeberg"]
    static let months = ["2026-10", "2026-11", "2026-12"]

    /// A random history: appointments ending every way, intakes, loans returned or not, first asks.
    static func facts(seed: UInt64) -> FundersReport.Facts {
        var random = SplitMix64(seed: seed)
        let start = LocalDate(iso: "2026-09-15")!
        func day(_ span: Int) -> LocalDate { start.adding(days: Int.random(in: 0..<span, using: &random)) }
        let people = (1...14).map { "J\($0)" }
        var appointments: [FundersReport.Facts.Appointment] = []
        for _ in 0..<60 {
            let status = AppointmentStatus.allCases.randomElement(using: &random)!
            let cause = status == .cancelled && Bool.random(using: &random)
                ? CancellationCause(by: CancellationCause.Party.allCases.randomElement(using: &random)!, reason: CancellationCause.Reason.allCases.randomElement(using: &random)!)
                : nil
            appointments.append(.init(person: people.randomElement(using: &random)!, location: locations.randomElement(using: &random)!, day: day(120), status: status, cause: cause))
        }
        let intakes = (0..<20).map { i in
            Intake(
                id: i, jobSeeker: people.randomElement(using: &random), taken: day(110), location: Bool.random(using: &random) ? locations.randomElement(using: &random) : nil,
                answers: [:], score: 0, level: DigitalLevel.allCases.randomElement(using: &random)!)
        }
        let loans = (0..<12).map { i in
            let from = day(100)
            let until = from.adding(days: Int.random(in: 10...200, using: &random))
            let returned: LocalDate? = Bool.random(using: &random) ? from.adding(days: Int.random(in: 1...150, using: &random)) : nil
            return FundersReport.Facts.Lending(
                loan: Loan(id: i, device: "D\(i)", jobSeeker: nil, from: from, until: until, returned: returned),
                location: [nil, "Gent", "Ledeberg"].randomElement(using: &random)!)
        }
        var firstAsked: [String: LocalDate] = [:]
        for person in people where Int.random(in: 0..<10, using: &random) > 0 { firstAsked[person] = start.adding(days: -Int.random(in: 0...40, using: &random)) }
        return FundersReport.Facts(appointments: appointments, intakes: intakes, loans: loans, firstAsked: firstAsked)
    }

    /// The smallest value with at least `share` of the values at or below it.
    static func percentile(_ values: [Int], _ share: Double) -> Int? {
        values.sorted().first { v in Double(values.filter { $0 <= v }.count) >= share * Double(values.count) }
    }

    @Test(arguments: 1...40 as ClosedRange<UInt64>)
    func everyFigureEqualsOneRecomputedFromTheEvents(seed: UInt64) {
        let facts = Self.facts(seed: seed)
        let report = FundersReport(facts: facts, from: LocalDate(iso: "2026-10-05")!, to: LocalDate(iso: "2026-12-20")!, locations: Self.locations)
        #expect(report.rows.map(\.month) == Self.months.flatMap { [$0, $0, $0] })
        for row in report.rows {
            let place = { (location: String?) in row.location == nil || location == row.location }
            let inMonth = facts.appointments.filter { "\($0.day)".hasPrefix(row.month) && place($0.location) }
            #expect(row.booked == inMonth.count)
            #expect(row.attended == inMonth.filter { $0.status == .attended }.count)
            #expect(row.noShows == inMonth.filter { $0.status == .noShow }.count)
            #expect(row.cancelled == inMonth.filter { $0.status == .cancelled }.count)
            #expect(row.reached == Set(inMonth.filter { $0.status == .attended }.map(\.person)).count)
            for party in CancellationCause.Party.allCases {
                let expected = inMonth.filter { $0.status == .cancelled && ($0.cause?.by ?? .system) == party }.count
                #expect((row.cancelledBy[party] ?? 0) == expected)
            }
            #expect(row.cancelReasons.values.reduce(0, +) == row.cancelled)
            for level in DigitalLevel.allCases {
                #expect((row.intakes[level] ?? 0) == facts.intakes.filter { "\($0.taken)".hasPrefix(row.month) && place($0.location) && $0.level == level }.count)
            }
            let (y, m) = (Int(row.month.prefix(4))!, Int(row.month.suffix(2))!)
            let lastDay = LocalDate(year: m == 12 ? y + 1 : y, month: m == 12 ? 1 : m + 1, day: 1)!.adding(days: -1)
            #expect(row.devicesOnLoan == facts.loans.filter { place($0.location) && $0.loan.from <= lastDay && !($0.loan.returned.map { $0 <= lastDay } ?? false) }.count)
            var waits: [Int] = []
            for (person, asked) in facts.firstAsked {
                let attended = facts.appointments.filter { $0.person == person && $0.status == .attended }
                guard let earliest = attended.map(\.day).min() else { continue }
                // On a tie, the one recorded first.
                let first = attended.first { $0.day == earliest }!
                if "\(first.day)".hasPrefix(row.month) && place(first.location) { waits.append(max(0, earliest.daysSinceEpoch - asked.daysSinceEpoch)) }
            }
            #expect(row.waits.sorted() == waits.sorted())
            #expect(row.waitMedian == Self.percentile(row.waits, 0.5))
            #expect(row.waitP90 == Self.percentile(row.waits, 0.9))
        }
    }

    @Test func percentilesAreByNearestRank() {
        #expect(FundersReport.Row.percentile([], 0.5) == nil)
        #expect(FundersReport.Row.percentile([7], 0.9) == 7)
        #expect(FundersReport.Row.percentile([1, 2, 3, 4], 0.5) == 2)
        #expect(FundersReport.Row.percentile(Array(1...10), 0.9) == 9)
        #expect(FundersReport.Row.percentile(Array(1...11), 0.9) == 10)
    }

    @Test func theCSVOpensInABelgianSpreadsheet() {
        let facts = FundersReport.Facts(
            appointments: [
                .init(person: "J1", location: "Gent", day: LocalDate(iso: "2026-11-03")!, status: .attended),
                .init(person: "J1", location: "Gent", day: LocalDate(iso: "2026-11-10")!, status: .attended),
                .init(person: "J2", location: "Gent", day: LocalDate(iso: "2026-11-04")!, status: .noShow),
                .init(person: "J3", location: "Gent; centrum", day: LocalDate(iso: "2026-11-05")!, status: .cancelled, cause: CancellationCause(by: .jobSeeker, reason: .ill)),
            ], intakes: [], loans: [], firstAsked: ["J1": LocalDate(iso: "2026-10-20")!])
        let report = FundersReport(facts: facts, from: LocalDate(iso: "2026-11-01")!, to: LocalDate(iso: "2026-11-30")!, locations: ["Gent; centrum"])
        let csv = BelgianCSV.text(report.cells(by: .english, decimalComma: true))
        #expect(csv.hasPrefix("\u{FEFF}month;location;people reached;"))
        let lines = csv.dropFirst().split(separator: "\r\n").map(String.init)
        #expect(lines.count == 3 && csv.hasSuffix("\r\n"))
        // Two of three that took place were attended: 66,7 with a decimal comma; 14 days' wait.
        #expect(lines[1].hasPrefix("2026-11;whole city;1;0;0;0;4;2;1;1;1;"))
        #expect(lines[1].contains(";66,7;"))
        #expect(lines[1].hasSuffix(";0;1;14;14"))
        #expect(lines[2].hasPrefix("2026-11;\"Gent; centrum\";0;"))
        let headings = lines[0].split(separator: ";").count
        #expect(lines.allSatisfy { $0.split(separator: ";", omittingEmptySubsequences: false).count == headings || $0.contains("\"") })
    }
}
