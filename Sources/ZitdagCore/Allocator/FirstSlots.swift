/// One search's memo of each day's earliest free slots: per kind (with the consultant, without),
/// the first in (session, start) order and the first of another coach after it.
///
/// While a search runs the schedule stands still, so when appointments are at least a day apart
/// the search needs only these to carry a series on across coaches: a day is looked at once, not
/// once per branch, however many sessions it holds.
struct FirstSlots {
    /// Four entries a day: kind with (first, other coach), kind without (first, other coach). Each
    /// is `position << 8 | cell` in the request's session list, `none`, or `unknown` (day not seen).
    private var entries: [Int]
    static let none = -1
    static let unknown = -2

    init(days: Int) {
        entries = Array(repeating: Self.unknown, count: days * 4)
    }

    /// Covers `days` days from now on, with nothing known (keeping the storage, for the next search).
    mutating func reset(days: Int) {
        entries.removeAll(keepingCapacity: true)
        entries.append(contentsOf: repeatElement(Self.unknown, count: days * 4))
    }

    /// Covers `days` days from now on (more than before).
    mutating func grow(days: Int) {
        entries.append(contentsOf: repeatElement(Self.unknown, count: days * 4 - entries.count))
    }

    subscript(offset: Int, kind: Int, other: Bool) -> Int {
        get { entries[offset * 4 + kind * 2 + (other ? 1 : 0)] }
        set { entries[offset * 4 + kind * 2 + (other ? 1 : 0)] = newValue }
    }
}

extension PlacementSearch.Run {
    /// Whether `day` has a free slot of some kind the request can have.
    mutating func hasSlot(day: Int) -> Bool {
        let offset = day - memoStart
        findFirstSlots(offset: offset)
        return firstSlots[offset, 0, false] >= 0 || firstSlots[offset, 1, false] >= 0
    }

    /// Fills in the day's entries, unless known: sessions in order until each kind has two coaches.
    private mutating func findFirstSlots(offset: Int) {
        guard firstSlots[offset, 0, false] == FirstSlots.unknown else { return }
        for kind in 0..<2 {
            firstSlots[offset, kind, false] = FirstSlots.none
            firstSlots[offset, kind, true] = FirstSlots.none
        }
        // A day without a session with room (most days of a backlog, or of a week with two half-days):
        // settled without going through its sessions.
        let day = memoStart + offset
        guard firstDayWithRoom(from: day, through: day) == day else { return }
        var missing = allKinds
        var firstCoach = (-1, -1)
        var candidates = sessions(from: day, to: day)
        while missing != 0, let s = candidates.next() {
            // Busy at every start of this time: skip the sessions alike.
            guard masks(s).starts(kinds: missing) != 0 else {
                candidates.skipShape()
                continue
            }
            let free = freeStarts(in: s, notBefore: Int.min, kinds: missing)
            let coach = model.sessionCoach[s]
            for kind in 0..<2 {
                let cells = kind == 0 ? free.with : free.without
                guard cells != 0 else { continue }
                let entry = candidates.current << 8 | cells.trailingZeroBitCount
                if firstSlots[offset, kind, false] < 0 {
                    firstSlots[offset, kind, false] = entry
                    if kind == 0 { firstCoach.0 = coach } else { firstCoach.1 = coach }
                } else if coach != (kind == 0 ? firstCoach.0 : firstCoach.1) {
                    firstSlots[offset, kind, true] = entry
                    missing &= ~(1 << kind)
                }
            }
        }
    }

    /// Carries the series on with the earliest slot of each kind on each day `from...to`, of any
    /// coach but `skipCoach` (whose sessions were tried first); the same order as a walk through
    /// the sessions would take.
    mutating func extendAcrossCoaches(from: Int, to: Int, skipping skipCoach: Int, bonus: Int, ceiling: Int) {
        let index = slots.count
        for day in from...to where canComplete(index, day: day) {
            let offset = day - memoStart
            findFirstSlots(offset: offset)
            var picks = (with: FirstSlots.none, without: FirstSlots.none)
            for kind in 0..<2 {
                var entry = firstSlots[offset, kind, false]
                if entry >= 0 && model.sessionCoach[Int(listSessions[entry >> 8])] == skipCoach {
                    entry = firstSlots[offset, kind, true]
                }
                if kind == 0 { picks.with = entry } else { picks.without = entry }
            }
            // Earlier first; at the same start, with the consultant first.
            let withFirst = picks.with >= 0 && (picks.without < 0 || picks.with <= picks.without)
            for step in 0..<2 {
                let attends = (step == 0) == withFirst
                let entry = attends ? picks.with : picks.without
                guard entry >= 0 else { continue }
                let s = Int(listSessions[entry >> 8])
                let cell = entry & 255
                nodes += 1
                slots.append(Slot(session: Int32(s), cell: Int32(cell), attends: attends))
                let gain = attends && request.attendance == .preferred ? weights.coAttendance : 0
                let end = model.sessionStart[s] + cell * model.grid + duration
                extend(day: day, end: end, coach: -1, oneCoach: false, bonus: bonus + gain)
                slots.removeLast()
                if bestBonus >= ceiling || nodes > search.nodeBudget { return }
            }
        }
    }
}
