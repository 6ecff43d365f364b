/// The weights of the plan objective. See ``Objective``.
public struct Weights: Sendable, Hashable {
    public var scheduled: Int
    public var waitDay: Int
    public var coAttendance: Int
    public var sameCoach: Int

    public init(scheduled: Int = 10_000, waitDay: Int = 10, coAttendance: Int = 50, sameCoach: Int = 100) {
        self.scheduled = scheduled
        self.waitDay = waitDay
        self.coAttendance = coAttendance
        self.sameCoach = sameCoach
    }

    public static let standard = Weights()
}
