/// Finds the best place for one request's whole series, given everything
/// already in the schedule: the highest objective first, then the earliest
/// day, then (unless the search ``spreads``) the earliest time.
///
/// Days are tried from the release on. A later first day costs
/// `waitDay·priority` per day and the bonuses (one coach, consultant along)
/// are bounded, so the search stops as soon as no later day can win. Within
/// that bound the search is exact, but for its `nodeBudget` and `patience`.
struct PlacementSearch {
    /// Constraints the search may ignore, to tell *why* a request does not fit.
    struct Relaxation: OptionSet, Sendable {
        let rawValue: Int
        static let seats = Relaxation(rawValue: 1)
        static let consultant = Relaxation(rawValue: 2)
        static let jobSeeker = Relaxation(rawValue: 4)
        /// Look past the due date, to say when the request could be served.
        static let due = Relaxation(rawValue: 8)
    }

    var schedule: Schedule
    var relaxation: Relaxation = []
    /// How many candidate slots one search may look at.
    var nodeBudget = 200_000
    /// Once a day has a complete series, how many more first slots may fail to improve its bonus
    /// before the day is settled. Bonuses are worth a few hundred points at most; on a day with
    /// hundreds of sessions, trying every coach for them costs more than they are worth.
    var patience = 24
    /// Whether each request goes round a wide day's sessions from a place of its own rather than from
    /// the earliest. Equal in value, but a batch that spreads over the coaches keeps their later
    /// half-days free for series, and no search walks past the same full coaches again and again.
    var spreads = false
    /// The days every appointment must fall on, when not every day (a search working on one part
    /// of the horizon while another works on the rest).
    var window: ClosedRange<Int>?

    consuming func best(for r: Int) -> Placement? {
        var run = Run(search: self, r: r)
        return run.best()
    }

    /// The state of a search: made for one request, or kept to search one request after another in a
    /// schedule that changes between them (see ``best(for:in:)``).
    struct Run {
        private(set) var search: PlacementSearch
        // Views into `search`, not copies: a Schedule holds dozens of arrays, and each copy kept here
        // would cost a retain and a release of every one of them per search.
        var schedule: Schedule { search.schedule }
        var model: Model { search.schedule.model }
        private(set) var r = -1
        private(set) var request = Request(id: "", jobSeeker: "", duration: 0, release: LocalDate(daysSinceEpoch: 0))
        private(set) var cells = 0
        private(set) var duration = 0
        private(set) var seeker = -1
        private(set) var consultant = -1
        private(set) var weights: Weights
        var nodes = 0
        var slots: [Slot] = []
        var bestSlots: [Slot] = []
        var bestBonus = -1
        /// The first day the memo below covers, how many days it may cover, and how many it covers
        /// so far: it grows as the search goes, so that a search that ends early costs nothing for the
        /// long horizon after it.
        private(set) var memoStart = 0
        private(set) var memoDays = 0
        var memoCapacity = 0
        /// Per (day, appointment): 0 unknown, 1 the series can go on from here, 2 it cannot.
        var completable: [UInt8] = []
        /// Per day: the earliest free slots of each kind (see ``FirstSlots``).
        var firstSlots = FirstSlots(days: 0)
        /// When appointments are at least a day apart, what follows a slot depends only on its day,
        /// its coach and whether the consultant comes: one slot of each kind a day is enough.
        private(set) var dedup = false
        /// The day of the first slots being tried, and `coach << 2 | kinds` for each coach already
        /// extended from that day (bit 0 with, bit 1 without the consultant).
        var firstTriedDay = Int.min
        var firstTried: [Int] = []
        /// The kinds of slot the request can have: bit 0 with the consultant, bit 1 without.
        private(set) var allKinds = 0
        /// Where the job seeker and the consultant are free, per session time (see ``SlotMasks``).
        /// A direct-mapped memo of ``SlotMasks`` by session time: a miss only costs working them out
        /// again, and unlike a dictionary it is one allocation and no hashing. Filled only once a search
        /// has looked at a few session times: most searches of a simulation look at one or two.
        var knownMasks: [SlotMasks.Entry] = []
        var knowsMasks = false
        var timesSeen = 0
        var lastMasks: (key: Int, masks: SlotMasks) = (-1, SlotMasks(seeker: 0, consultant: 0))
        /// The request's session list, with its day and shape boundaries (see ``CandidateSessions``).
        private(set) var list = 0
        private(set) var listSessions: [Int32] = []
        private(set) var listDayStarts: [Int32] = []
        private(set) var listShapeEnds: [Int32] = []

        /// A search for request `r`.
        init(search: consuming PlacementSearch, r: Int) {
            self.init(search: search)
            begin(r)
        }

        /// A search for no request yet, to be given one by ``best(for:in:)``.
        init(search: consuming PlacementSearch) {
            weights = search.schedule.model.problem.weights
            self.search = search
        }

        /// The best place for `r` in `schedule`. The schedule is swapped in for the search and back, and
        /// the memo's buffers are those of the last search: a simulation runs a search per arrival,
        /// hundreds of thousands of them, and copying a schedule (a retain and a release of each of its
        /// arrays) or allocating a memo anew cost a third of the time.
        mutating func best(for r: Int, in schedule: inout Schedule) -> Placement? {
            swap(&search.schedule, &schedule)
            defer { swap(&search.schedule, &schedule) }
            begin(r)
            return best()
        }

        /// Sets the search up for request `r`, reusing the buffers it has.
        private mutating func begin(_ r: Int) {
            self.r = r
            weights = model.problem.weights
            request = model.problem.requests[r]
            cells = model.requestCells[r]
            duration = cells * model.grid
            seeker = model.requestSeeker[r]
            list = model.requestList[r]
            listSessions = model.lists[list]
            listDayStarts = model.dayStarts[list]
            listShapeEnds = model.shapeEnds[list]
            consultant = model.requestConsultant[r]
            switch request.attendance {
            case .required: allKinds = 1
            case .preferred: allKinds = 3
            case .none: allKinds = 2
            }
            dedup = request.gapDays.lowerBound >= 1
            memoStart = request.release.daysSinceEpoch
            let lastFirst = model.lastFirstDay(of: r, ignoringDue: search.relaxation.contains(.due))
            let last = min(model.lastDay, lastFirst + (request.appointments - 1) * request.gapDays.upperBound)
            memoDays = max(0, last - memoStart + 1)
            memoCapacity = min(memoDays, 32)
            completable.removeAll(keepingCapacity: true)
            completable.append(contentsOf: repeatElement(0, count: memoCapacity * request.appointments))
            firstSlots.reset(days: memoCapacity)
            nodes = 0
            slots.removeAll(keepingCapacity: true)
            bestSlots.removeAll(keepingCapacity: true)
            bestBonus = -1
            firstTriedDay = Int.min
            firstTried.removeAll(keepingCapacity: true)
            knowsMasks = false
            timesSeen = 0
            lastMasks = (-1, SlotMasks(seeker: 0, consultant: 0))
        }

        /// Whether a first slot of this kind was already tried (and marks it tried).
        mutating func triedFirst(coach: Int, day: Int, attends: Bool) -> Bool {
            guard dedup && request.appointments > 1 else { return false }
            if day != firstTriedDay {
                firstTriedDay = day
                firstTried.removeAll(keepingCapacity: true)
            }
            let bit = attends ? 1 : 2
            // Consecutive slots are mostly the same session's: look from the end.
            guard let i = firstTried.lastIndex(where: { $0 >> 2 == coach }) else {
                firstTried.append(coach << 2 | bit)
                return false
            }
            defer { firstTried[i] |= bit }
            return firstTried[i] & bit != 0
        }

        /// Whether appointment `index` can fall on `day` with room for the rest of the series after it.
        ///
        /// A relaxation of the real search: it asks only that each day has some free slot, so a
        /// `false` here is final and lets the search skip whole days.
        mutating func canComplete(_ index: Int, day: Int) -> Bool {
            let offset = day - memoStart
            guard offset >= 0 && offset < memoDays else { return false }
            if let window = search.window, !window.contains(day) { return false }
            if offset >= memoCapacity {
                let grown = min(memoDays, max(offset + 1, 2 * memoCapacity))
                completable.append(contentsOf: repeatElement(0, count: (grown - memoCapacity) * request.appointments))
                firstSlots.grow(days: grown)
                memoCapacity = grown
            }
            let known = completable[offset * request.appointments + index]
            return known != 0 ? known == 1 : workOutCompletable(index, day: day)
        }

        private mutating func workOutCompletable(_ index: Int, day: Int) -> Bool {
            var result = hasSlot(day: day)
            if result && index + 1 < request.appointments {
                result = false
                for next in (day + request.gapDays.lowerBound)...(day + request.gapDays.upperBound)
                where canComplete(index + 1, day: next) {
                    result = true
                    break
                }
            }
            completable[(day - memoStart) * request.appointments + index] = result ? 1 : 2
            return result
        }

        mutating func best() -> Placement? {
            let p = request.priority
            let maxBonus = Objective.maximumBonus(of: request, weights: weights)
            var best: Placement?
            let release = request.release.daysSinceEpoch
            let lastDay = model.lastFirstDay(of: r, ignoringDue: search.relaxation.contains(.due))
            let from = max(release, model.firstDay, search.window?.lowerBound ?? .min)
            let through = min(lastDay, search.window?.upperBound ?? .max)
            var day = from - 1
            while true {
                day = firstDayWithRoom(from: day + 1, through: through)
                guard day <= through else { break }
                let base = weights.scheduled * p - weights.waitDay * p * (day - release)
                if let best, base + maxBonus <= best.value { break }
                if nodes > search.nodeBudget { break }
                guard canComplete(0, day: day) else { continue }
                // Every first slot on one day has the same base value: only the bonus tells them apart.
                bestBonus = -1
                var unimproved = 0
                // Go round from the request's own place (its index scrambled, Fibonacci hashing) when
                // the day has more sessions than patience lets the search try. On a narrower day every
                // coach is tried anyway, and filling the first sessions first packs the seats tighter.
                let width = Int(listDayStarts[day + 1 - model.firstDay] - listDayStarts[day - model.firstDay])
                let turn = search.spreads && width > search.patience ? Int((UInt64(r) &* 0x9E37_79B9_7F4A_7C15) >> 33) : 0
                var candidates = sessions(from: day, to: day, turningBy: turn)
                while let s = candidates.next() {
                    guard masks(s).starts(kinds: allKinds) != 0 else {
                        candidates.skipShape()
                        continue
                    }
                    forEachSlot(in: s, notBefore: Int.min, firstOfEachKind: dedup || request.appointments == 1) { run, slot, span in
                        if run.triedFirst(coach: run.model.sessionCoach[s], day: day, attends: slot.attends) { return false }
                        run.slots.removeAll(keepingCapacity: true)
                        run.slots.append(slot)
                        let bonus = slot.attends && run.request.attendance == .preferred ? run.weights.coAttendance : 0
                        let before = run.bestBonus
                        run.extend(day: day, end: span.end.seconds, coach: run.model.sessionCoach[s], oneCoach: true, bonus: bonus)
                        unimproved = run.bestBonus > before ? 0 : unimproved + 1
                        return run.bestBonus == maxBonus || run.nodes > run.search.nodeBudget
                            || (run.bestBonus >= 0 && unimproved > run.search.patience)
                    }
                    if bestBonus >= 0, base + bestBonus > best?.value ?? Int.min {
                        best = Placement(slots: Array(bestSlots), value: base + bestBonus)
                        if bestBonus == maxBonus { return best }
                    }
                    if bestBonus >= 0 && unimproved > search.patience { break }
                }
            }
            return best
        }

        /// The first day from `from` on whose sessions of the request's list have a free run long enough
        /// (`through + 1` when none has): a search past weeks of full sessions jumps over them at once
        /// instead of looking at each day. Mutating only so that a call does not copy the run (see
        /// ``sessions(from:to:turningBy:)``).
        mutating func firstDayWithRoom(from: Int, through: Int) -> Int {
            guard from <= through else { return through + 1 }
            let positions = Model.positions(dayStarts: listDayStarts, firstDay: model.firstDay, lastDay: model.lastDay, from: from, to: through)
            if search.relaxation.contains(.seats) {
                return positions.isEmpty ? through + 1 : max(from, model.sessionDay[Int(listSessions[positions.lowerBound])])
            }
            guard let position = schedule.freeRuns.first(in: positions, list: list, cells: cells) else { return through + 1 }
            return max(from, model.sessionDay[Int(listSessions[position])])
        }

        /// Places appointment `slots.count` after one on `day` ending at `end`, trying every way to finish the series.
        mutating func extend(day: Int, end: Int, coach: Int, oneCoach: Bool, bonus: Int) {
            let index = slots.count
            if index == request.appointments {
                let total = bonus + (oneCoach && index >= 2 ? weights.sameCoach : 0)
                if total > bestBonus {
                    bestBonus = total
                    // Copied element by element: sharing `slots` would make its next change copy it.
                    bestSlots.removeAll(keepingCapacity: true)
                    bestSlots.append(contentsOf: slots)
                }
                return
            }
            let remaining = request.appointments - index
            let ceiling = bonus + (oneCoach ? weights.sameCoach : 0)
                + (request.attendance == .preferred ? weights.coAttendance * remaining : 0)
            guard ceiling > bestBonus else { return }
            let from = day + request.gapDays.lowerBound
            let to = day + request.gapDays.upperBound
            // Sessions of the same coach first, so that series which can stay with one coach do.
            if oneCoach {
                var candidates = CandidateSessions(
                    coachSessions: model.coachSessions[coach], sessionDay: model.sessionDay, membership: model.sessionLists,
                    list: list, cells: cells, from: from, to: to)
                guard extend(through: &candidates, day: day, end: end, coach: coach, oneCoach: true, bonus: bonus, ceiling: ceiling)
                else { return }
            }
            if dedup {
                extendAcrossCoaches(from: from, to: to, skipping: oneCoach ? coach : -1, bonus: bonus, ceiling: ceiling)
            } else {
                var candidates = sessions(from: from, to: to)
                _ = extend(through: &candidates, day: day, end: end, coach: oneCoach ? coach : -1, oneCoach: false, bonus: bonus, ceiling: ceiling)
            }
        }

        /// Extends the series with each candidate session in turn (skipping `skipCoach`'s, when not -1);
        /// returns false when the search is over.
        private mutating func extend(
            through candidates: inout CandidateSessions, day: Int, end: Int, coach skipCoach: Int, oneCoach: Bool, bonus: Int,
            ceiling: Int
        ) -> Bool {
            let index = slots.count
            // The kinds of slot already extended on `triedDay` (bit 0 with, bit 1 without the consultant).
            var triedDay = Int.min
            var tried = 0
            while let s = candidates.next() {
                if !oneCoach && model.sessionCoach[s] == skipCoach { continue }
                let nextDay = model.sessionDay[s]
                guard canComplete(index, day: nextDay) else {
                    candidates.skip(day: nextDay)
                    continue
                }
                if nextDay != triedDay {
                    triedDay = nextDay
                    tried = 0
                }
                // Sessions at this time can only give kinds of slot already tried, or none.
                guard masks(s).starts(kinds: dedup ? allKinds & ~tried : allKinds) != 0 else {
                    candidates.skipShape()
                    continue
                }
                forEachSlot(
                    in: s, notBefore: nextDay == day ? end : Int.min, kinds: dedup ? allKinds & ~tried : allKinds,
                    firstOfEachKind: dedup
                ) { run, slot, span in
                    if run.dedup { tried |= slot.attends ? 1 : 2 }
                    run.slots.append(slot)
                    let gain = slot.attends && run.request.attendance == .preferred ? run.weights.coAttendance : 0
                    let coach = oneCoach ? run.model.sessionCoach[s] : -1
                    run.extend(day: nextDay, end: span.end.seconds, coach: coach, oneCoach: oneCoach, bonus: bonus + gain)
                    run.slots.removeLast()
                    return run.bestBonus >= ceiling || run.nodes > run.search.nodeBudget || (run.dedup && tried == run.allKinds)
                }
                if bestBonus >= ceiling || nodes > search.nodeBudget { return false }
                if dedup && tried == allKinds { candidates.skip(day: nextDay) }
            }
            return true
        }

        /// The sessions of the request's list on days `from...to` that have room for it, in (day, start)
        /// order, or in that order from the `turn`-th (modulo their number) round to the start again.
        ///
        /// Mutating only so that calling it from the search's mutating methods passes the run as it is:
        /// a non-mutating call copies all of it (1.6 KB) first.
        mutating func sessions(from: Int, to: Int, turningBy turn: Int = 0) -> CandidateSessions {
            let positions = Model.positions(
                dayStarts: listDayStarts, firstDay: model.firstDay, lastDay: model.lastDay, from: from, to: to)
            return CandidateSessions(
                index: search.relaxation.contains(.seats) ? nil : schedule.freeRuns.list(list), sessions: listSessions,
                dayStarts: listDayStarts, shapeEnds: listShapeEnds, firstDay: model.firstDay, list: list, cells: cells,
                positions: positions, turningAt: positions.lowerBound + (positions.isEmpty ? 0 : turn % positions.count))
        }

        /// Calls `body` for every free slot of session `s` of one of `kinds` starting at or after
        /// `notBefore`, in time order (with the consultant first), until it returns true; with
        /// `firstOfEachKind`, only for the earliest slot of each kind.
        mutating func forEachSlot(
            in s: Int, notBefore: Int, kinds: Int = 3, firstOfEachKind: Bool = false, _ body: (inout Run, Slot, Span) -> Bool
        ) {
            var (with, without) = freeStarts(in: s, notBefore: notBefore, kinds: kinds)
            if firstOfEachKind {
                with &= 0 &- with  // the lowest bit alone
                without &= 0 &- without
            }
            var starts = with | without
            while starts != 0 {
                let cell = starts.trailingZeroBitCount
                starts &= starts - 1
                nodes += 1
                let start = model.sessionStart[s] + cell * model.grid
                let span = Span(start: Instant(seconds: start), end: Instant(seconds: start + duration))
                let bit = UInt64(1) << UInt64(cell)
                if with & bit != 0, body(&self, Slot(session: Int32(s), cell: Int32(cell), attends: true), span) { return }
                if without & bit != 0, body(&self, Slot(session: Int32(s), cell: Int32(cell), attends: false), span) { return }
            }
        }

        /// The start cells of free slots in session `s` at or after `notBefore`, with the consultant
        /// and without, for the `kinds` asked (bit 0 with, bit 1 without).
        mutating func freeStarts(in s: Int, notBefore: Int, kinds: Int) -> (with: UInt64, without: UInt64) {
            let masks = masks(s)
            var free = ~0 as UInt64
            if !search.relaxation.contains(.seats) {
                let sessionCells = model.sessionCells[s]
                free = sessionCells <= 64
                    ? Schedule.freeStarts(full: schedule.fullMask[s], sessionCells: sessionCells, cells: cells)
                    : schedule.freeStarts(session: s, cells: cells)
            }
            if notBefore > model.sessionStart[s] {
                let first = (notBefore - model.sessionStart[s] + model.grid - 1) / model.grid
                free &= first >= 64 ? 0 : ~0 << UInt64(first)
            }
            return (kinds & allKinds & 1 != 0 ? free & masks.consultant : 0, kinds & allKinds & 2 != 0 ? free & masks.seeker : 0)
        }
    }
}
