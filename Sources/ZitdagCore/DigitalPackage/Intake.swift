/// One intake as taken: the answers themselves (so later intakes show progress), and the score and
/// level they gave under the thresholds of the day.
public struct Intake: Sendable, Hashable {
    /// The store's number.
    public var id: Int
    /// `nil` once the job seeker is erased: the intake then only counts.
    public var jobSeeker: String?
    public var taken: LocalDate
    /// Where it was taken, for the report per location.
    public var location: String?
    public var answers: [String: Int]
    public var score: Int
    public var level: DigitalLevel

    public init(id: Int, jobSeeker: String?, taken: LocalDate, location: String?, answers: [String: Int], score: Int, level: DigitalLevel) {
        self.id = id
        self.jobSeeker = jobSeeker
        self.taken = taken
        self.location = location
        self.answers = answers
        self.score = score
        self.level = level
    }

    /// A new intake from its answers, checked and scored by `questionnaire`.
    public static func taking(
        _ answers: [String: Int], by questionnaire: Questionnaire, jobSeeker: String, on day: LocalDate, at location: String?
    ) throws(BookingRefusal) -> Intake {
        let (score, level) = try questionnaire.assess(answers)
        return Intake(id: 0, jobSeeker: jobSeeker, taken: day, location: location, answers: answers, score: score, level: level)
    }

    /// Whether the package must bring a device, or a connection (a dongle with a SIM card).
    public var needsDevice: Bool { answers["device"] == 0 }
    public var needsConnection: Bool { answers["connection"] == 0 }
}
