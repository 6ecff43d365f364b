import Testing
import ZitdagCore

/// The intake: every question answered on its scale gives a score and a level, under thresholds a
/// city may set; the answers are kept as given.
@Suite struct IntakeTests {
    static func answers(_ skills: Int, device: Int = 1, connection: Int = 1) -> [String: Int] {
        var answers = ["device": device, "connection": connection]
        var left = skills
        for key in ["computer", "email", "internet", "forms", "jobs"] {
            answers[key] = min(3, left)
            left -= answers[key]!
        }
        return answers
    }

    @Test func theScoreIsTheSumOfTheSkillsAndGivesTheLevel() throws {
        let questionnaire = Questionnaire()
        #expect(Questionnaire.maximumScore == 15)
        for (skills, level) in [(0, DigitalLevel.starter), (5, .starter), (6, .basic), (10, .basic), (11, .advanced), (15, .advanced)] {
            let (score, found) = try questionnaire.assess(Self.answers(skills, device: 0))
            #expect(score == skills && found == level, "score \(skills)")
        }
    }

    @Test func aCitySetsItsOwnThresholds() throws {
        let strict = try Questionnaire.checked(basicFrom: 9, advancedFrom: 14)
        #expect(try strict.assess(Self.answers(8)).level == .starter)
        #expect(try strict.assess(Self.answers(13)).level == .basic)
        #expect(throws: BookingRefusal(.invalid, field: "advanced_from", Text("the scores must rise: 1 <= basic (\(9)) < advanced (\(9)) <= \(15)"))) {
            try Questionnaire.checked(basicFrom: 9, advancedFrom: 9)
        }
    }

    @Test func answersMustBeCompleteAndOnTheirScale() {
        var missing = Self.answers(7)
        missing["jobs"] = nil
        #expect(throws: BookingRefusal(.invalid, field: "jobs", Text("no answer given"))) { try Questionnaire().assess(missing) }
        var yesNo = Self.answers(7)
        yesNo["device"] = 2
        #expect(throws: BookingRefusal(.invalid, field: "device", Text("\(2) is not an answer: give 0 to \(1)"))) { try Questionnaire().assess(yesNo) }
        var extra = Self.answers(7)
        extra["name"] = 1
        #expect(throws: BookingRefusal.self) { try Questionnaire().assess(extra) }
    }

    @Test func anIntakeKeepsItsAnswersAndSaysWhatThePackageMustBring() throws {
        let answers = Self.answers(4, device: 0, connection: 1)
        let intake = try Intake.taking(answers, by: Questionnaire(), jobSeeker: "J1", on: LocalDate(iso: "2026-12-01")!, at: "Gent")
        #expect(intake.answers == answers && intake.score == 4 && intake.level == .starter)
        #expect(intake.needsDevice && !intake.needsConnection)
        #expect(SeriesDefault.standard(for: intake.level) == SeriesDefault(appointments: 3, durationMinutes: 60, gapDays: 7...14))
    }

    @Test func theLevelsOfOldProfilesAreReadLoosely() {
        #expect(DigitalLevel(loosely: " Starter") == .starter)
        #expect(DigitalLevel(loosely: "gevorderd") == .advanced)
        #expect(DigitalLevel(loosely: "basis") == .basic)
        #expect(DigitalLevel(loosely: "kan al wat") == nil)
    }
}
