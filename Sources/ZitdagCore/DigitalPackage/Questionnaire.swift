/// The intake: a handful of questions a consultant or social worker asks, whose answers give a
/// digital level. The questions are fixed (so that intakes taken months apart compare); the scores
/// at which someone counts as basic or advanced are the city's to set.
public struct Questionnaire: Sendable, Hashable {
    /// One question: scored ones (how well someone manages a task) add to the level; the others
    /// (a device or internet at home) say what the package must bring.
    public struct Question: Sendable, Hashable {
        public enum Scale: Sendable, Hashable {
            /// 0 no, 1 yes.
            case yesNo
            /// 0 not at all, 1 with help, 2 alone with difficulty, 3 alone and easily.
            case ability
        }

        /// The key an answer is kept under (`email`).
        public let id: String
        public let text: Text
        public let scale: Scale

        public var highest: Int { scale == .yesNo ? 1 : 3 }
        public var scored: Bool { scale == .ability }
    }

    /// The questions in the order they are asked.
    public static let questions: [Question] = [
        Question(id: "computer", text: Text("Can switch on a computer or tablet and use a mouse, keyboard or touch screen"), scale: .ability),
        Question(id: "email", text: Text("Can read and send an e-mail with an attachment"), scale: .ability),
        Question(id: "internet", text: Text("Can look something up on the internet and tell whether a site can be trusted"), scale: .ability),
        Question(id: "forms", text: Text("Can log in with itsme or an eID and fill in a form online (such as Mijn VDAB)"), scale: .ability),
        Question(id: "jobs", text: Text("Can find a vacancy online and apply with a CV"), scale: .ability),
        Question(id: "device", text: Text("Has a computer or tablet of their own at home"), scale: .yesNo),
        Question(id: "connection", text: Text("Has an internet connection at home"), scale: .yesNo),
    ]

    /// The words for an answer on a scale, for forms and the person's path.
    public static func words(for value: Int, on scale: Question.Scale) -> Text {
        switch (scale, value) {
        case (.yesNo, 0): Text("no")
        case (.yesNo, _): Text("yes")
        case (.ability, 0): Text("not at all")
        case (.ability, 1): Text("with help")
        case (.ability, 2): Text("alone, with difficulty")
        default: Text("alone and easily")
        }
    }

    /// The lowest score (the sum of the scored answers, 0-15) that counts as basic, and as advanced.
    public var basicFrom: Int
    public var advancedFrom: Int

    public static let maximumScore = questions.filter(\.scored).reduce(0) { $0 + $1.highest }

    /// The default: basic from 6 (most tasks at least with help), advanced from 11 (most alone).
    public init(basicFrom: Int = 6, advancedFrom: Int = 11) {
        self.basicFrom = basicFrom
        self.advancedFrom = advancedFrom
    }

    /// The thresholds, checked: 1 <= basic < advanced <= the highest score.
    public static func checked(basicFrom: Int, advancedFrom: Int) throws(BookingRefusal) -> Questionnaire {
        guard basicFrom >= 1, basicFrom < advancedFrom, advancedFrom <= maximumScore else {
            throw BookingRefusal(
                .invalid, field: "advanced_from",
                Text("the scores must rise: 1 <= basic (\(basicFrom)) < advanced (\(advancedFrom)) <= \(maximumScore)"))
        }
        return Questionnaire(basicFrom: basicFrom, advancedFrom: advancedFrom)
    }

    /// The level a score gives.
    public func level(score: Int) -> DigitalLevel {
        score >= advancedFrom ? .advanced : score >= basicFrom ? .basic : .starter
    }

    /// Checks a complete set of answers (every question, each on its scale, nothing else) and scores it.
    public func assess(_ answers: [String: Int]) throws(BookingRefusal) -> (score: Int, level: DigitalLevel) {
        for key in answers.keys.sorted() where !Self.questions.contains(where: { $0.id == key }) {
            throw BookingRefusal(.invalid, field: key, Text("not a question of the intake; the questions are \(Self.questions.map(\.id).joined(separator: ", "))"))
        }
        var score = 0
        for question in Self.questions {
            guard let value = answers[question.id] else { throw BookingRefusal(.invalid, field: question.id, Text("no answer given")) }
            guard (0...question.highest).contains(value) else {
                throw BookingRefusal(.invalid, field: question.id, Text("\(value) is not an answer: give 0 to \(question.highest)"))
            }
            if question.scored { score += value }
        }
        return (score, level(score: score))
    }
}
