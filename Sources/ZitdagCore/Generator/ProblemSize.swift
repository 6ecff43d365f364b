/// The problem sizes of the format's table, from one city team to a stress test, and a tiny
/// size (a fortnight of one team) small enough to solve exactly.
public enum ProblemSize: String, Sendable, CaseIterable {
    case tiny, jobteam, city, region, stress

    public var coaches: Int { [2, 2, 12, 200, 1000][index] }
    public var halfDaysPerWeek: Int { [2, 2, 3, 3, 3][index] }
    public var weeks: Int { [4, 8, 12, 13, 13][index] }
    public var requests: Int { [8, 60, 800, 15_000, 100_000][index] }
    public var consultants: Int { [3, 10, 60, 1500, 8000][index] }

    private var index: Int { Self.allCases.firstIndex(of: self)! }
}
