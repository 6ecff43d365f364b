import GRDB
import ZitdagCore

/// Booking rules by scope: the `booking_rule` table (see the README's "Booking rules").
enum RuleTable {
    static func ruleBook(_ db: Database) throws -> RuleBook {
        var book = RuleBook()
        for row in try db.rows("SELECT scope, scope_id, minimum_notice_days, horizon_weeks, buffer_minutes FROM booking_rule") {
            let rules = BookingRules(minimumNoticeDays: row[2], horizonWeeks: row[3], bufferMinutes: row[4])
            switch row[0] as String {
            case "location": book.byLocation[row[1]] = rules
            case "coach": book.byCoach[row[1]] = rules
            default: book.standard = rules
            }
        }
        return book
    }
}

/// Where a set of booking rules applies.
public enum RuleScope: Sendable, Hashable {
    case standard
    case location(String)
    case coach(String)

    var columns: (scope: String, id: String) {
        switch self {
        case .standard: ("default", "")
        case .location(let id): ("location", id)
        case .coach(let id): ("coach", id)
        }
    }
}
