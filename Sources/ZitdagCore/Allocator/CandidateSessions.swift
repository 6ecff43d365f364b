/// The sessions an appointment may go to, in (day, start) order: those of the request's language
/// list on some days that have room for it, skipping full ones through the ``FreeRunIndex`` (unless
/// seats are relaxed), or those of one coach.
struct CandidateSessions: Sequence, IteratorProtocol {
    private let index: FreeRunIndex.List?
    private let sessions: [Int32]
    private let list: Int
    private let cells: Int
    private var position: Int
    private var end: Int
    /// Where each day starts in `sessions` (for language lists), to skip a settled day at once.
    private let dayStarts: [Int32]?
    /// For language lists: where each run of sessions alike in time ends (``Model/shapeEnds``).
    private let shapeEnds: [Int32]?
    /// What is left to go through once `end` is reached, when the round started past the first.
    private var rest: Range<Int>?
    /// The position of the session `next()` returned last.
    private(set) var current = 0
    private let firstDay: Int
    private let sessionDay: [Int]
    /// For coach lists: the language list a session must be in.
    private let membership: [UInt64]?

    /// The sessions at `positions` of a language list (see ``Model/lists``), from `turn` to the end
    /// and then from the start up to `turn`.
    init(
        index: FreeRunIndex.List?, sessions: [Int32], dayStarts: [Int32], shapeEnds: [Int32], firstDay: Int, list: Int, cells: Int,
        positions: Range<Int>, turningAt turn: Int
    ) {
        self.index = index
        self.sessions = sessions
        self.list = list
        self.cells = cells
        self.position = turn
        self.end = positions.upperBound
        self.rest = turn > positions.lowerBound ? positions.lowerBound..<turn : nil
        self.dayStarts = dayStarts
        self.shapeEnds = shapeEnds
        self.firstDay = firstDay
        self.sessionDay = []
        self.membership = nil
    }

    /// One coach's sessions (``Model/coachSessions``) on days `from...to` that are in `list`.
    init(coachSessions sessions: [Int32], sessionDay: [Int], membership: [UInt64], list: Int, cells: Int, from: Int, to: Int) {
        // Binary search for the first session on or after `from`.
        var low = 0
        var high = sessions.count
        while low < high {
            let mid = (low + high) / 2
            if sessionDay[Int(sessions[mid])] < from { low = mid + 1 } else { high = mid }
        }
        var upper = low
        while upper < sessions.count && sessionDay[Int(sessions[upper])] <= to { upper += 1 }
        self.index = nil
        self.sessions = sessions
        self.list = list
        self.cells = cells
        self.position = low
        self.end = upper
        self.dayStarts = nil
        self.shapeEnds = nil
        self.rest = nil
        self.firstDay = 0
        self.sessionDay = sessionDay
        self.membership = membership
    }

    mutating func next() -> Int? {
        while true {
            if let s = nextInRound() { return s }
            guard let rest else { return nil }
            (position, end, self.rest) = (rest.lowerBound, rest.upperBound, nil)
        }
    }

    private mutating func nextInRound() -> Int? {
        while position < end {
            if let index {
                guard let found = index.first(in: position..<end, cells: cells) else {
                    position = end
                    return nil
                }
                position = found
            }
            let s = Int(sessions[position])
            current = position
            position += 1
            if let membership, membership[s] & (1 << UInt64(list)) == 0 { continue }
            return s
        }
        return nil
    }

    /// Skips the sessions that start and end when the last one returned does (for a coach's
    /// sessions, which seldom repeat a time on one day, it skips nothing).
    mutating func skipShape() {
        if let shapeEnds { position = Swift.max(position, Int(shapeEnds[current])) }
    }

    /// Skips the rest of `day` (of this round, when the sessions turn).
    mutating func skip(day: Int) {
        if let dayStarts {
            let offset = day + 1 - firstDay
            if offset < dayStarts.count { position = Swift.max(position, Int(dayStarts[offset])) } else { position = end }
        } else {
            while position < end && sessionDay[Int(sessions[position])] <= day { position += 1 }
        }
    }
}
