/// The plan objective, maximised. Every part of zitdag that scores a plan
/// (checker, allocator, slot ranking) scores it here.
///
/// For each scheduled request of priority `p`: `scheduled·p`, minus
/// `waitDay·p` per day between release and the first appointment, plus
/// `sameCoach` when a series of two or more stays with one coach; and
/// `coAttendance` for each appointment of a `preferred` request its
/// consultant attends.
public enum Objective {
    /// What one scheduled request contributes.
    ///
    /// - Parameters:
    ///   - firstDay: the local date of its first appointment.
    ///   - oneCoach: whether all its appointments are with one coach.
    ///   - attended: how many of its appointments the consultant attends.
    public static func value(
        of request: Request, firstDay: LocalDate, oneCoach: Bool, attended: Int, weights: Weights
    ) -> Int {
        let p = request.priority
        var value = weights.scheduled * p - weights.waitDay * p * request.release.days(to: firstDay)
        if request.appointments >= 2 && oneCoach { value += weights.sameCoach }
        if request.attendance == .preferred { value += weights.coAttendance * attended }
        return value
    }

    /// The most the request's bonuses (one coach, consultant along) can add.
    public static func maximumBonus(of request: Request, weights: Weights) -> Int {
        (request.appointments >= 2 ? weights.sameCoach : 0)
            + (request.attendance == .preferred ? weights.coAttendance * request.appointments : 0)
    }
}
