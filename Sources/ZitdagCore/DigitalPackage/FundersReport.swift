/// The figures funders ask for, per month and per location or for the whole city, computed from
/// what happened (appointments as they ended, intakes, loans). Counts only: no row names anyone.
public struct FundersReport: Sendable {
    /// What the report is computed from, as the store reads it.
    public struct Facts: Sendable {
        /// One appointment as it stands or ended.
        public struct Appointment: Sendable, Hashable {
            /// A pseudonymous key per person (their id, or their request's for an erased person).
            public var person: String
            public var location: String
            public var day: LocalDate
            public var status: AppointmentStatus
            /// For a cancelled one, who and why (`nil` for those cancelled before causes were kept).
            public var cause: CancellationCause?

            public init(person: String, location: String, day: LocalDate, status: AppointmentStatus, cause: CancellationCause? = nil) {
                self.person = person
                self.location = location
                self.day = day
                self.status = status
                self.cause = cause
            }
        }

        /// A loan with where its device is kept.
        public struct Lending: Sendable, Hashable {
            public var loan: Loan
            public var location: String?

            public init(loan: Loan, location: String?) {
                self.loan = loan
                self.location = location
            }
        }

        public var appointments: [Appointment]
        public var intakes: [Intake]
        public var loans: [Lending]
        /// The day each person first asked for coaching (their first request).
        public var firstAsked: [String: LocalDate]

        public init(appointments: [Appointment], intakes: [Intake], loans: [Lending], firstAsked: [String: LocalDate]) {
            self.appointments = appointments
            self.intakes = intakes
            self.loans = loans
            self.firstAsked = firstAsked
        }
    }

    /// One month at one location (or the whole city).
    public struct Row: Sendable, Hashable {
        /// `YYYY-MM`.
        public var month: String
        /// `nil`: the whole city.
        public var location: String?
        /// People with at least one attended appointment.
        public var reached = 0
        public var intakes: [DigitalLevel: Int] = [:]
        /// Appointments planned in the month, however they ended: attended + no-shows + cancelled + still booked.
        public var booked = 0
        public var attended = 0
        public var noShows = 0
        public var cancelled = 0
        public var cancelledBy: [CancellationCause.Party: Int] = [:]
        public var cancelReasons: [CancellationCause.Reason: Int] = [:]
        /// Devices out on the month's last day.
        public var devicesOnLoan = 0
        /// Days from first asking to the first attended appointment, for those whose first one was this month.
        public var waits: [Int] = []

        public var waitMedian: Int? { Self.percentile(waits, 0.5) }
        public var waitP90: Int? { Self.percentile(waits, 0.9) }
        /// Attended among those that took place (attended or no-show), in percent.
        public var showRate: Double? { attended + noShows == 0 ? nil : 100 * Double(attended) / Double(attended + noShows) }

        /// The nearest-rank percentile: the smallest value with at least `p` of the values at or below it.
        public static func percentile(_ values: [Int], _ p: Double) -> Int? {
            guard !values.isEmpty else { return nil }
            let sorted = values.sorted()
            let rank = Int((p * Double(sorted.count)).rounded(.up))
            return sorted[max(rank, 1) - 1]
        }
    }

    public let rows: [Row]

    /// A report of these rows (such as one location's of a larger one).
    public init(rows: [Row]) {
        self.rows = rows
    }

    /// The months from `from`'s to `to`'s, each for the whole city and, with `locations`, for each of them.
    /// One pass over the facts, each counted in its month's city row and its location's row (a
    /// region's 50,000 appointments took 4.9 s when every row read them all).
    public init(facts: Facts, from: LocalDate, to: LocalDate, locations: [String] = []) {
        var months: [(name: String, last: LocalDate)] = []
        var first = LocalDate(year: from.components.year, month: from.components.month, day: 1)!
        while first <= to {
            let next = first.adding(months: 1)
            months.append((first.month, next.adding(days: -1)))
            first = next
        }
        let firstMonth = Self.monthNumber(from)
        let places = [nil] + locations.map(Optional.some)
        let column = Dictionary(locations.enumerated().map { ($0.element, $0.offset + 1) }, uniquingKeysWith: { first, _ in first })
        var rows = months.flatMap { month in places.map { Row(month: month.name, location: $0) } }
        var reached = [Set<String>](repeating: [], count: rows.count)
        /// The rows a fact of `day` at `place` counts in: its month's city row, and its location's.
        func rowsOf(_ day: LocalDate, _ place: String?) -> [Int] {
            let month = Self.monthNumber(day) - firstMonth
            guard month >= 0, month < months.count else { return [] }
            let city = month * places.count
            guard let place, let offset = column[place] else { return [city] }
            return [city, city + offset]
        }
        for appointment in facts.appointments {
            for i in rowsOf(appointment.day, appointment.location) {
                rows[i].booked += 1
                switch appointment.status {
                case .attended:
                    rows[i].attended += 1
                    reached[i].insert(appointment.person)
                case .noShow: rows[i].noShows += 1
                case .cancelled:
                    rows[i].cancelled += 1
                    let cause = appointment.cause ?? CancellationCause(by: .system, reason: .notGiven)
                    rows[i].cancelledBy[cause.by, default: 0] += 1
                    rows[i].cancelReasons[cause.reason, default: 0] += 1
                case .booked: break
                }
            }
        }
        for i in rows.indices { rows[i].reached = reached[i].count }
        for intake in facts.intakes {
            for i in rowsOf(intake.taken, intake.location) { rows[i].intakes[intake.level, default: 0] += 1 }
        }
        for month in months {
            for lending in facts.loans where lending.loan.isOut(on: month.last) {
                for i in rowsOf(month.last, lending.location) { rows[i].devicesOnLoan += 1 }
            }
        }
        // Each person's first attended appointment, over all time (a wait ends there, once).
        var firstSeen: [String: Facts.Appointment] = [:]
        for appointment in facts.appointments where appointment.status == .attended {
            if let seen = firstSeen[appointment.person], seen.day <= appointment.day { continue }
            firstSeen[appointment.person] = appointment
        }
        for (person, appointment) in firstSeen.sorted(by: { $0.key < $1.key }) {
            guard let asked = facts.firstAsked[person] else { continue }
            for i in rowsOf(appointment.day, appointment.location) { rows[i].waits.append(max(0, asked.days(to: appointment.day))) }
        }
        self.rows = rows
    }

    /// Months since year 0, to find a day's row without formatting it.
    static func monthNumber(_ day: LocalDate) -> Int {
        let (year, month, _) = day.components
        return year * 12 + month - 1
    }
}
