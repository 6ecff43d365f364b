/// The allocator's working state: which request sits where, and the
/// counters that make "is this slot free?" cheap.
struct Schedule: Sendable {
    private(set) var model: Model
    /// Appointments per grid cell, all sessions end to end.
    private(set) var counts: [UInt16]
    /// Per session with at most 64 cells: bit `k` is set when cell `k` has no seat left.
    private(set) var fullMask: [UInt64]
    /// Busy spans (start, end in seconds) per job seeker and per attending consultant.
    private(set) var seekerSpans: [[Span]]
    private(set) var consultantSpans: [[Span]]
    /// The requests with an appointment in each session.
    private(set) var occupants: [[Int32]]
    /// Seat-cells the placed requests take in each session (bookings outside the problem aside).
    private(set) var seatCellsTaken: [Int]
    /// Sessions by their longest free run, to skip full ones.
    private(set) var freeRuns: FreeRunIndex
    private(set) var placements: [Placement?]
    private(set) var objective = 0
    private(set) var scheduledCount = 0
    /// The sum of the priorities of the requests placed: what placing them earns (`weights.scheduled`
    /// each), bonuses aside.
    private(set) var scheduledPriority = 0
    /// Placements taken out so far: while it stays the same, nothing has been freed, so a request
    /// that found no place still finds none.
    private(set) var removals = 0

    init(model: Model) {
        self.model = model
        counts = Array(repeating: 0, count: model.totalCells)
        fullMask = Array(repeating: 0, count: model.sessionStart.count)
        seekerSpans = Array(repeating: [], count: model.seekerCount)
        consultantSpans = Array(repeating: [], count: model.problem.consultants.count)
        occupants = Array(repeating: [], count: model.sessionStart.count)
        seatCellsTaken = Array(repeating: 0, count: model.sessionStart.count)
        freeRuns = FreeRunIndex(model: model)
        placements = Array(repeating: nil, count: model.problem.requests.count)
        for (s, session) in model.problem.sessions.enumerated() where !session.booked.isEmpty {
            for span in session.booked {
                // Whole cells: an appointment off the grid takes every cell it touches.
                let from = (span.start.seconds - model.sessionStart[s]) / model.grid
                let to = (span.end.seconds - model.sessionStart[s] + model.grid - 1) / model.grid
                let (lower, upper) = (max(0, from), min(model.sessionCells[s], to))
                if lower < upper { adjust(session: s, cells: lower..<upper, delta: 1) }
            }
            freeRuns.update(session: s, run: longestFreeRun(session: s))
        }
    }

    /// A schedule of `model` without a cell or a placement, for a search to hold while the real one is
    /// swapped in (see ``PlacementSearch/Run/best(for:in:)``): it costs nothing to make, and shares no
    /// array that the real one changes.
    init(standingInFor model: Model) {
        self.model = model
        counts = []
        fullMask = []
        seekerSpans = []
        consultantSpans = []
        occupants = []
        seatCellsTaken = []
        freeRuns = FreeRunIndex()
        placements = []
    }

    /// The same schedule with other agendas for the model's consultants (see
    /// ``Model/withConsultantAgendas(_:)``): a simulation's replications start from one empty schedule
    /// instead of building its indexes again.
    func withConsultantAgendas(_ busy: [BusyCalendar]) -> Schedule {
        var schedule = self
        schedule.model = model.withConsultantAgendas(busy)
        return schedule
    }

    /// Adds one more request to plan (see ``Model/add(_:)``) and returns its index.
    mutating func add(_ request: Request) -> Int {
        let seekers = model.seekerCount
        let r = model.add(request)
        placements.append(nil)
        if model.seekerCount > seekers { seekerSpans.append([]) }
        return r
    }

    func span(of slot: Slot, cells: Int) -> Span {
        let start = model.sessionStart[Int(slot.session)] + Int(slot.cell) * model.grid
        return Span(start: Instant(seconds: start), end: Instant(seconds: start + cells * model.grid))
    }

    /// The local date (days since the epoch) of a slot's start.
    func dayOfSlot(_ slot: Slot) -> Int {
        let s = Int(slot.session)
        guard Int(slot.cell) >= model.firstDayStarts[s] else { return model.sessionDay[s] }
        return model.problem.zone.local(at: Instant(seconds: model.sessionStart[s] + Int(slot.cell) * model.grid)).date.daysSinceEpoch
    }

    mutating func place(_ r: Int, _ placement: Placement) {
        precondition(placements[r] == nil, "request placed twice")
        placements[r] = placement
        objective += placement.value
        scheduledCount += 1
        scheduledPriority += model.requestPriority[r]
        update(r, placement, delta: 1)
    }

    @discardableResult
    mutating func remove(_ r: Int) -> Placement? {
        guard let placement = placements[r] else { return nil }
        placements[r] = nil
        objective -= placement.value
        scheduledCount -= 1
        scheduledPriority -= model.requestPriority[r]
        removals += 1
        update(r, placement, delta: -1)
        return placement
    }

    private mutating func update(_ r: Int, _ placement: Placement, delta: Int) {
        let cells = model.requestCells[r]
        let seeker = model.requestSeeker[r]
        let consultant = model.requestConsultant[r]
        for slot in placement.slots {
            let s = Int(slot.session)
            adjust(session: s, cells: Int(slot.cell)..<Int(slot.cell) + cells, delta: delta)
            seatCellsTaken[s] += delta * cells
            freeRuns.update(session: s, run: longestFreeRun(session: s))
            let span = span(of: slot, cells: cells)
            if delta > 0 {
                seekerSpans[seeker].append(span)
                if slot.attends && consultant >= 0 { consultantSpans[consultant].append(span) }
                occupants[s].append(Int32(r))
            } else {
                seekerSpans[seeker].removeFirst(span)
                if slot.attends && consultant >= 0 { consultantSpans[consultant].removeFirst(span) }
                occupants[s].removeFirst(Int32(r))
            }
        }
    }

    /// Takes (`delta` 1) or frees (-1) a seat in each of `cells` of session `s`.
    private mutating func adjust(session s: Int, cells: Range<Int>, delta: Int) {
        let base = model.cellBase[s]
        let seats = model.sessionSeats[s]
        for cell in cells {
            let count = Int(counts[base + cell]) + delta
            counts[base + cell] = UInt16(clamping: count)
            if model.sessionCells[s] <= 64 {
                let bit = UInt64(1) << UInt64(cell)
                if count >= seats { fullMask[s] |= bit } else { fullMask[s] &= ~bit }
            }
        }
    }

    /// The most consecutive cells of session `s` that all have a seat left.
    func longestFreeRun(session s: Int) -> Int {
        let sessionCells = model.sessionCells[s]
        var longest = 0
        if sessionCells <= 64 {
            var free = ~fullMask[s] & (sessionCells == 64 ? ~0 : (UInt64(1) << UInt64(sessionCells)) - 1)
            while free != 0 {
                free &= free >> 1
                longest += 1
            }
            return longest
        }
        let base = model.cellBase[s]
        var run = 0
        for cell in 0..<sessionCells {
            run = Int(counts[base + cell]) < model.sessionSeats[s] ? run + 1 : 0
            longest = max(longest, run)
        }
        return longest
    }

    /// Start cells in session `s` where `cells` consecutive cells all have a seat left, as a bit mask.
    func freeStarts(session s: Int, cells: Int) -> UInt64 {
        let sessionCells = model.sessionCells[s]
        guard sessionCells <= 64 else {
            guard cells <= sessionCells else { return 0 }
            let valid: UInt64 = sessionCells - cells + 1 >= 64 ? ~0 : (UInt64(1) << UInt64(sessionCells - cells + 1)) - 1
            return valid & slowFreeStarts(session: s, cells: cells)
        }
        return Self.freeStarts(full: fullMask[s], sessionCells: sessionCells, cells: cells)
    }

    /// The same for a session of at most 64 cells, from its ``fullMask``: for searches that read
    /// the mask themselves, since a call on the schedule from their mutating methods copies it first.
    static func freeStarts(full: UInt64, sessionCells: Int, cells: Int) -> UInt64 {
        guard cells <= sessionCells else { return 0 }
        let valid: UInt64 = sessionCells - cells + 1 >= 64 ? ~0 : (UInt64(1) << UInt64(sessionCells - cells + 1)) - 1
        let free = ~full
        var starts = free
        for shift in 1..<max(cells, 1) { starts &= free >> UInt64(shift) }
        return starts & valid
    }

    /// The same for sessions longer than 64 cells: only their first 64 start cells are used.
    private func slowFreeStarts(session s: Int, cells: Int) -> UInt64 {
        let base = model.cellBase[s]
        let seats = model.sessionSeats[s]
        var starts: UInt64 = 0
        for start in 0..<min(64, model.sessionCells[s] - cells + 1)
        where (0..<cells).allSatisfy({ Int(counts[base + start + $0]) < seats }) {
            starts |= UInt64(1) << UInt64(start)
        }
        return starts
    }

    func seekerIsFree(_ seeker: Int, _ span: Span) -> Bool {
        model.seekerUnavailable[seeker].isFree(span) && !seekerSpans[seeker].contains { $0.overlaps(span) }
    }

    func consultantIsFree(_ consultant: Int, _ span: Span) -> Bool {
        model.consultantBusy[consultant].isFree(span) && !consultantSpans[consultant].contains { $0.overlaps(span) }
    }

    /// Of `starts` (cells of the grid from `origin`), those where an appointment of `duration`
    /// leaves the job seeker free.
    func seekerFreeStarts(_ seeker: Int, _ starts: UInt64, origin: Int, duration: Int) -> UInt64 {
        freeStarts(starts, origin: origin, duration: duration, model.seekerUnavailable[seeker], seekerSpans[seeker])
    }

    /// The same for an attending consultant.
    func consultantFreeStarts(_ consultant: Int, _ starts: UInt64, origin: Int, duration: Int) -> UInt64 {
        freeStarts(starts, origin: origin, duration: duration, model.consultantBusy[consultant], consultantSpans[consultant])
    }

    private func freeStarts(_ starts: UInt64, origin: Int, duration: Int, _ busy: BusyCalendar, _ booked: [Span]) -> UInt64 {
        guard starts != 0 else { return 0 }
        let window = Span(
            start: Instant(seconds: origin),
            end: Instant(seconds: origin + (64 - starts.leadingZeroBitCount - 1) * model.grid + duration))
        var free = starts
        for span in busy.spans(overlapping: window) {
            free &= ~SlotMasks.starts(overlapping: span, origin: origin, grid: model.grid, duration: duration)
        }
        for span in booked where span.overlaps(window) {
            free &= ~SlotMasks.starts(overlapping: span, origin: origin, grid: model.grid, duration: duration)
        }
        return free
    }
}

extension Array where Element: Equatable {
    /// Removes the first element equal to `element`, without keeping order.
    mutating func removeFirst(_ element: Element) {
        if let index = firstIndex(of: element) { swapAt(index, count - 1); removeLast() }
    }
}
