/// The sessions an appointment may go to, in (day, start) order: those of the request's language
/// list on some days that have room for it, skipping full ones through the ``FreeRunIndex`` (unless
/// seats are relaxed), or those of one coach.
struct CandidateSessions: Sequence, IteratorProtocol {
    private let index: FreeRunIndex?
    private let sessions: [Int32]
    private let list: Int
    private let cells: Int
    private var position: Int
    private let end: Int
    /// Where each day starts in `sessions` (for language lists), to skip a settled day at once.
    private let dayStarts: [Int32]?
    private let firstDay: Int
    private let sessionDay: [Int]
    /// For coach lists: the language list a session must be in.
    private let membership: [UInt64]?

    init(index: FreeRunIndex?, sessions: [Int32], list: Int, cells: Int, positions: Range<Int>, model: Model) {
        self.index = index
        self.sessions = sessions
        self.list = list
        self.cells = cells
        self.position = positions.lowerBound
        self.end = positions.upperBound
        self.dayStarts = model.dayStarts[list]
        self.firstDay = model.firstDay
        self.sessionDay = model.sessionDay
        self.membership = nil
    }

    /// The sessions of `coach` on days `from...to` in the run's language list.
    init(coach: Int, model: Model, list: Int, cells: Int, from: Int, to: Int) {
        let sessions = model.coachSessions[coach]
        // Binary search for the first session on or after `from`.
        var low = 0
        var high = sessions.count
        while low < high {
            let mid = (low + high) / 2
            if model.sessionDay[Int(sessions[mid])] < from { low = mid + 1 } else { high = mid }
        }
        var upper = low
        while upper < sessions.count && model.sessionDay[Int(sessions[upper])] <= to { upper += 1 }
        self.index = nil
        self.sessions = sessions
        self.list = list
        self.cells = cells
        self.position = low
        self.end = upper
        self.dayStarts = nil
        self.firstDay = model.firstDay
        self.sessionDay = model.sessionDay
        self.membership = model.sessionLists
    }

    mutating func next() -> Int? {
        while position < end {
            if let index {
                guard let found = index.first(in: position..<end, list: list, cells: cells) else {
                    position = end
                    return nil
                }
                position = found
            }
            let s = Int(sessions[position])
            position += 1
            if let membership, membership[s] & (1 << UInt64(list)) == 0 { continue }
            return s
        }
        return nil
    }

    /// Skips the rest of `day`.
    mutating func skip(day: Int) {
        if let dayStarts {
            let offset = day + 1 - firstDay
            if offset < dayStarts.count { position = Swift.max(position, Int(dayStarts[offset])) } else { position = end }
        } else {
            while position < end && sessionDay[Int(sessions[position])] <= day { position += 1 }
        }
    }
}
