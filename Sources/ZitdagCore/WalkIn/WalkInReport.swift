/// Walk-in counts for reports: per month and location, or per session. Counts only, no one identifiable.
public struct WalkInReport: Sendable {
    public enum Grouping: String, Sendable, CaseIterable {
        case location, session
    }

    /// One row: a month and a location (`session` nil), or one session.
    public struct Row: Sendable, Hashable {
        /// `YYYY-MM`, the month of the session's date.
        public var month: String
        public var location: String
        public var session: String?
        public var arrivals = 0
        public var helped = 0
        public var left = 0
        public var referred = 0
        /// Arrived and never given an outcome.
        public var open = 0
        /// Minutes from arrival to being called, the median over those called in (the upper one of an
        /// even count); `nil` when none was.
        public var medianWaitMinutes: Int?
        /// Visits per topic, for the topics recorded.
        public var topics: [WalkInTopic: Int] = [:]
    }

    public var rows: [Row]

    /// The rows for `visits`, each with its session (for the location and the date), in (month,
    /// location, session) order.
    public init(visits: [(visit: WalkInVisit, session: Session)], by grouping: Grouping) {
        var rows: [String: Row] = [:]
        var waits: [String: [Int]] = [:]
        for (visit, session) in visits {
            let month = String(session.day.description.prefix(7))
            let key = grouping == .session ? "\(month)\u{0}\(session.location)\u{0}\(session.id)" : "\(month)\u{0}\(session.location)"
            var row = rows[key] ?? Row(month: month, location: session.location, session: grouping == .session ? session.id : nil)
            row.arrivals += 1
            switch visit.outcome {
            case .helped: row.helped += 1
            case .left: row.left += 1
            case .referred: row.referred += 1
            case nil: row.open += 1
            }
            if let topic = visit.topic { row.topics[topic, default: 0] += 1 }
            if let called = visit.called { waits[key, default: []].append((called.seconds - visit.arrived.seconds) / 60) }
            rows[key] = row
        }
        self.rows = rows.keys.sorted().map { key in
            var row = rows[key]!
            if let list = waits[key]?.sorted(), !list.isEmpty { row.medianWaitMinutes = list[list.count / 2] }
            return row
        }
    }
}
