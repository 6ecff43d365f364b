import ZitdagCore

/// A device as the CLI's `--json` and the API show it.
public struct DeviceSummary: Codable, Sendable, Hashable {
    public var id: String
    public var kind: String
    public var state: String
    public var bought: String
    public var location: String?
    /// The day it is due for replacement (five years after it was bought).
    public var replaceOn: String

    public init(_ device: Device) {
        id = device.id
        kind = device.kind.rawValue
        state = device.state.rawValue
        bought = device.bought.description
        location = device.location
        replaceOn = device.replaceOn.description
    }
}

/// A loan as `--json` and the API show it: the job seeker by pseudonymous id only.
public struct LoanSummary: Codable, Sendable, Hashable {
    public struct Extension: Codable, Sendable, Hashable {
        public var on: String
        public var from: String
        public var to: String
    }

    public var id: Int
    public var device: String?
    public var jobSeeker: String?
    public var from: String
    public var until: String
    public var extensions: [Extension]
    public var returned: String?
    public var condition: String?

    public init(_ loan: Loan) {
        id = loan.id
        device = loan.device
        jobSeeker = loan.jobSeeker
        from = loan.from.description
        until = loan.until.description
        extensions = loan.extensions.map { Extension(on: $0.on.description, from: $0.from.description, to: $0.to.description) }
        returned = loan.returned?.description
        condition = loan.condition?.rawValue
    }
}

/// What needs doing about the lending pool, as `--json` and the API show it.
public struct LoanOverviewSummary: Codable, Sendable, Hashable {
    public var ending: [LoanSummary]
    public var overdue: [LoanSummary]
    public var dueForReplacement: [DeviceSummary]

    public init(_ overview: LoanOverview) {
        ending = overview.ending.map(LoanSummary.init)
        overdue = overview.overdue.map(LoanSummary.init)
        dueForReplacement = overview.dueForReplacement.map(DeviceSummary.init)
    }
}

/// An intake as `--json` and the API show it: the answers by question.
public struct IntakeSummary: Codable, Sendable, Hashable {
    public var id: Int
    public var jobSeeker: String?
    public var taken: String
    public var location: String?
    public var answers: [String: Int]
    public var score: Int
    public var level: String

    public init(_ intake: Intake) {
        id = intake.id
        jobSeeker = intake.jobSeeker
        taken = intake.taken.description
        location = intake.location
        answers = intake.answers
        score = intake.score
        level = intake.level.rawValue
    }
}

/// One row of the funders' report as `--json` and the API show it: counts only.
public struct ReportRowSummary: Codable, Sendable, Hashable {
    public var month: String
    /// `nil`: the whole city.
    public var location: String?
    public var peopleReached: Int
    public var intakes: [String: Int]
    public var appointments: Int
    public var attended: Int
    public var noShows: Int
    public var cancelled: Int
    public var cancelledBy: [String: Int]
    public var cancelReasons: [String: Int]
    public var devicesOnLoan: Int
    public var firstAppointments: Int
    public var waitMedianDays: Int?
    public var waitP90Days: Int?

    public init(_ row: FundersReport.Row) {
        month = row.month
        location = row.location
        peopleReached = row.reached
        intakes = Dictionary(uniqueKeysWithValues: DigitalLevel.allCases.map { ($0.rawValue, row.intakes[$0] ?? 0) })
        appointments = row.booked
        attended = row.attended
        noShows = row.noShows
        cancelled = row.cancelled
        cancelledBy = Dictionary(uniqueKeysWithValues: row.cancelledBy.map { ($0.key.rawValue, $0.value) })
        cancelReasons = Dictionary(uniqueKeysWithValues: row.cancelReasons.map { ($0.key.rawValue, $0.value) })
        devicesOnLoan = row.devicesOnLoan
        firstAppointments = row.waits.count
        waitMedianDays = row.waitMedian
        waitP90Days = row.waitP90
    }
}

/// A job seeker's path as `--json` and the API show it, in the reader's language.
public struct PathSummary: Codable, Sendable, Hashable {
    public struct Step: Codable, Sendable, Hashable {
        public var day: String
        public var text: String
    }

    public var jobSeeker: String
    public var standing: [String]
    public var steps: [Step]
    public var intakes: [IntakeSummary]
    public var loans: [LoanSummary]

    public init(_ path: PersonPath, on day: LocalDate, renderer: Text.Renderer) {
        jobSeeker = path.jobSeeker
        standing = path.standing(on: day).map { $0.rendered(by: renderer) }
        steps = path.steps.map { Step(day: $0.day.description, text: $0.text.rendered(by: renderer)) }
        intakes = path.intakes.map(IntakeSummary.init)
        loans = path.loans.map { LoanSummary($0.loan) }
    }
}
