import GRDB
import ZitdagCore

/// What the core decides on, read one way for every question (slots, book, move, plan): the open
/// sessions of a run of days with what is booked in them, and the consultants' agendas over the
/// same days, from the first day's midnight to the end of the day after the last (sessions may run
/// past midnight).
struct BookingState {
    var sessions: [Session]
    /// The cancelled sessions of the same days, for reasons that name them.
    var cancelled: [Session]
    var consultants: [Consultant]

    /// Whose agendas to read.
    enum Agendas {
        case none
        case one(String)
        /// Only these consultants' (those of the requests in question).
        case some(Set<String>)
        case all
    }

    /// - Parameters:
    ///   - running: when given, only the sessions running at these starts (the one named, when one
    ///     is): a booking at chosen times needs no more, and reads a handful of sessions instead of a
    ///     day's hundreds.
    ///   - except: appointments left out, as if cancelled (the one being moved).
    static func load(
        _ db: Database, days: ClosedRange<LocalDate>, zone: Zone, agendas: Agendas, running: [SlotChoice] = [], except: Set<Int64> = []
    ) throws -> BookingState {
        let days = days.lowerBound.daysSinceEpoch...days.upperBound.daysSinceEpoch
        let sessions = if !running.isEmpty {
            try running.flatMap { try SessionTable.sessions(db, at: $0.start, id: $0.session, except: except) }
        } else {
            try SessionTable.sessions(db, days: days, except: except)
        }
        let first = LocalDate(daysSinceEpoch: days.lowerBound)
        let from = zone.instant(for: LocalDateTime(date: first, secondOfDay: 0)) ?? Instant(seconds: 0)
        let to = zone.instant(for: LocalDateTime(date: LocalDate(daysSinceEpoch: days.upperBound + 2), secondOfDay: 0)) ?? from
        let consultants: [Consultant] = switch agendas {
        case .none: []
        case .one(let id): [try ConsultantTable.consultant(db, id: id, from: from, to: to, except: except)]
        case .some(let ids): try ids.sorted().map { try ConsultantTable.consultant(db, id: $0, from: from, to: to, except: except) }
        case .all: try ConsultantTable.all(db, from: from, to: to)
        }
        return BookingState(sessions: sessions, cancelled: try SessionTable.cancelled(db, days: days), consultants: consultants)
    }

    /// The core's desk over this state, under the store's booking rules as of `today`.
    /// `urgent`: a coordinator's urgent booking, which may take held-back seats.
    func desk(_ db: Database, store: Store, today: LocalDate, urgent: Bool = false) throws -> BookingDesk {
        BookingDesk(
            zone: store.zone, gridMinutes: store.gridMinutes, sessions: sessions, cancelled: cancelled, rules: try RuleTable.ruleBook(db),
            today: today, consultants: consultants, urgent: urgent)
    }
}

extension BookingState.Agendas {
    /// The request's consultant's agenda, if it has one.
    static func of(_ draft: RequestDraft) -> Self { draft.consultant.map(Self.one) ?? .none }
}
