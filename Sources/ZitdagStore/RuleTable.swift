import GRDB
import ZitdagCore

/// Booking rules by scope: the `booking_rule` table (see the README's "Booking rules").
enum RuleTable {
    static func ruleBook(_ db: Database) throws -> RuleBook {
        var book = RuleBook()
        for record in try db.records(RuleRecord.self, "SELECT * FROM booking_rule") {
            switch record.scope {
            case "location": book.byLocation[record.scopeID] = record.rules
            case "coach": book.byCoach[record.scopeID] = record.rules
            default: book.standard = record.rules
            }
        }
        return book
    }
}

/// A row of the `booking_rule` table.
struct RuleRecord: FetchableRecord {
    var scope: String
    var scopeID: String
    var rules: BookingRules

    enum Columns {
        static let scope = Column("scope")
        static let scopeID = Column("scope_id")
        static let notice = Column("minimum_notice_days")
        static let horizon = Column("horizon_weeks")
        static let buffer = Column("buffer_minutes")
        static let backfill = Column("backfill")
        static let offerHours = Column("offer_hours")
        static let releaseDays = Column("release_days")
        static let noShowEndsSeries = Column("no_show_ends_series")
    }

    init(row: Row) {
        scope = row[Columns.scope]
        scopeID = row[Columns.scopeID]
        let backfill: String = row[Columns.backfill]
        rules = BookingRules(
            minimumNoticeDays: row[Columns.notice], horizonWeeks: row[Columns.horizon], bufferMinutes: row[Columns.buffer],
            backfill: BackfillPolicy(rawValue: backfill) ?? .off, offerHours: row[Columns.offerHours],
            releaseDays: row[Columns.releaseDays], noShowEndsSeries: row[Columns.noShowEndsSeries])
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
