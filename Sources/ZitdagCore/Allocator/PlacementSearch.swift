/// Finds the best place for one request's whole series, given everything
/// already in the schedule: the highest objective first, then the earliest.
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

    let schedule: Schedule
    var relaxation: Relaxation = []
    /// How many candidate slots one search may look at.
    var nodeBudget = 200_000
    /// Once a day has a complete series, how many more first slots may fail to improve its bonus
    /// before the day is settled. Bonuses are worth a few hundred points at most; on a day with
    /// hundreds of sessions, trying every coach for them costs more than they are worth.
    var patience = 24

    private var model: Model { schedule.model }

    func best(for r: Int) -> Placement? {
        var run = Run(search: self, r: r)
        return run.best()
    }


    /// The state of one search.
    struct Run {
        let search: PlacementSearch
        let schedule: Schedule
        let model: Model
        let r: Int
        let request: Request
        let cells: Int
        let duration: Int
        let seeker: Int
        let consultant: Int
        let weights: Weights
        let attendOptions: [Bool]
        var nodes = 0
        var slots: [Slot] = []
        var bestSlots: [Slot] = []
        var bestBonus = -1
        /// The first day the memo below covers, and how many days it covers.
        let memoStart: Int
        let memoDays: Int
        /// Per (appointment, day): 0 unknown, 1 the series can go on from here, 2 it cannot.
        var completable: [UInt8]
        /// Per day: 0 unknown, 1 some slot is free that day, 2 none is.
        var dayHasSlot: [UInt8]
        /// When appointments are at least a day apart, what follows a slot depends only on its day,
        /// its coach and whether the consultant comes: one slot of each kind a day is enough.
        let dedup: Bool
        /// Per coach: `day << 2 | kinds` of first slots already extended that day (bit 0 with, bit 1 without the consultant).
        var coachTried: [Int]
        /// The kinds of slot the request can have: bit 0 with the consultant, bit 1 without.
        let allKinds: Int

        init(search: PlacementSearch, r: Int) {
            self.search = search
            schedule = search.schedule
            model = schedule.model
            self.r = r
            request = model.problem.requests[r]
            cells = model.requestCells[r]
            duration = cells * model.grid
            seeker = model.requestSeeker[r]
            consultant = model.requestConsultant[r]
            weights = model.problem.weights
            switch request.attendance {
            case .required: attendOptions = [true]
            case .preferred: attendOptions = [true, false]
            case .none: attendOptions = [false]
            }
            allKinds = attendOptions.reduce(0) { $0 | ($1 ? 1 : 2) }
            memoStart = request.release.daysSinceEpoch
            let lastFirst = model.lastFirstDay(of: r, ignoringDue: search.relaxation.contains(.due))
            let last = min(model.lastDay, lastFirst + (request.appointments - 1) * request.gapDays.upperBound)
            memoDays = max(0, last - memoStart + 1)
            completable = Array(repeating: 0, count: memoDays * request.appointments)
            dayHasSlot = Array(repeating: 0, count: memoDays)
            dedup = request.gapDays.lowerBound >= 1
            coachTried = dedup && request.appointments > 1 ? Array(repeating: -1, count: model.coachCount) : []
        }

        /// Whether a slot of this kind was already tried (and marks it tried).
        mutating func triedFirst(coach: Int, day: Int, attends: Bool) -> Bool {
            guard !coachTried.isEmpty else { return false }
            let bit = attends ? 1 : 2
            let kinds = coachTried[coach] >> 2 == day ? coachTried[coach] & 3 : 0
            coachTried[coach] = day << 2 | kinds | bit
            return kinds & bit != 0
        }

        /// Whether appointment `index` can fall on `day` with room for the rest of the series after it.
        ///
        /// A relaxation of the real search: it asks only that each day has some free slot, so a
        /// `false` here is final and lets the search skip whole days.
        mutating func canComplete(_ index: Int, day: Int) -> Bool {
            let offset = day - memoStart
            guard offset >= 0 && offset < memoDays else { return false }
            let key = index * memoDays + offset
            if completable[key] != 0 { return completable[key] == 1 }
            var result = hasSlot(day: day)
            if result && index + 1 < request.appointments {
                result = false
                for next in (day + request.gapDays.lowerBound)...(day + request.gapDays.upperBound)
                where canComplete(index + 1, day: next) {
                    result = true
                    break
                }
            }
            completable[key] = result ? 1 : 2
            return result
        }

        private mutating func hasSlot(day: Int) -> Bool {
            let offset = day - memoStart
            if dayHasSlot[offset] == 0 {
                var found = false
                // Stop at the first free slot: a day can hold hundreds of sessions.
                for s in sessions(from: day, to: day) {
                    forEachSlot(in: s, notBefore: Int.min) { _, _, _ in
                        found = true
                        return true
                    }
                    if found { break }
                }
                dayHasSlot[offset] = found ? 1 : 2
            }
            return dayHasSlot[offset] == 1
        }

        mutating func best() -> Placement? {
            let p = request.priority
            let maxBonus = Objective.maximumBonus(of: request, weights: weights)
            var best: Placement?
            let release = request.release.daysSinceEpoch
            let lastDay = model.lastFirstDay(of: r, ignoringDue: search.relaxation.contains(.due))
            for day in stride(from: max(release, model.firstDay), through: lastDay, by: 1) {
                let base = weights.scheduled * p - weights.waitDay * p * (day - release)
                if let best, base + maxBonus <= best.value { break }
                if nodes > search.nodeBudget { break }
                guard canComplete(0, day: day) else { continue }
                // Every first slot on one day has the same base value: only the bonus tells them apart.
                bestBonus = -1
                var unimproved = 0
                for s in sessions(from: day, to: day) {
                    forEachSlot(in: s, notBefore: Int.min) { run, slot, span in
                        if run.triedFirst(coach: run.model.sessionCoach[s], day: day, attends: slot.attends) { return false }
                        run.slots = [slot]
                        let bonus = slot.attends && run.request.attendance == .preferred ? run.weights.coAttendance : 0
                        let before = run.bestBonus
                        run.extend(day: day, end: span.end.seconds, coach: run.model.sessionCoach[s], oneCoach: true, bonus: bonus)
                        unimproved = run.bestBonus > before ? 0 : unimproved + 1
                        return run.bestBonus == maxBonus || run.nodes > run.search.nodeBudget
                            || (run.bestBonus >= 0 && unimproved > run.search.patience)
                    }
                    if bestBonus >= 0, base + bestBonus > best?.value ?? Int.min {
                        best = Placement(slots: bestSlots, value: base + bestBonus)
                        if bestBonus == maxBonus { return best }
                    }
                    if bestBonus >= 0 && unimproved > search.patience { break }
                }
            }
            return best
        }

        /// Places appointment `slots.count` after one on `day` ending at `end`, trying every way to finish the series.
        mutating func extend(day: Int, end: Int, coach: Int, oneCoach: Bool, bonus: Int) {
            let index = slots.count
            if index == request.appointments {
                let total = bonus + (oneCoach && index >= 2 ? weights.sameCoach : 0)
                if total > bestBonus {
                    bestBonus = total
                    bestSlots = slots
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
                    coach: coach, model: model, list: model.requestList[r], cells: cells, from: from, to: to)
                guard extend(through: &candidates, day: day, end: end, coach: coach, oneCoach: true, bonus: bonus, ceiling: ceiling)
                else { return }
            }
            var candidates = sessions(from: from, to: to)
            _ = extend(through: &candidates, day: day, end: end, coach: oneCoach ? coach : -1, oneCoach: false, bonus: bonus, ceiling: ceiling)
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
                forEachSlot(in: s, notBefore: nextDay == day ? end : Int.min) { run, slot, span in
                    if run.dedup {
                        let bit = slot.attends ? 1 : 2
                        if tried & bit != 0 { return false }
                        tried |= bit
                    }
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

        /// The sessions of the request's list on days `from...to` that have room for it, in (day, start) order.
        func sessions(from: Int, to: Int) -> CandidateSessions {
            let list = model.requestList[r]
            return CandidateSessions(
                index: search.relaxation.contains(.seats) ? nil : schedule.freeRuns, sessions: model.lists[list],
                list: list, cells: cells, positions: model.positions(list: list, from: from, to: to), model: model)
        }

        /// Calls `body` for every free slot of session `s` starting at or after `notBefore`, until it returns true.
        mutating func forEachSlot(in s: Int, notBefore: Int, _ body: (inout Run, Slot, Span) -> Bool) {
            var starts: UInt64
            if search.relaxation.contains(.seats) {
                let free = model.sessionCells[s] - cells + 1
                starts = free <= 0 ? 0 : free >= 64 ? ~0 : (UInt64(1) << UInt64(free)) - 1
            } else {
                starts = schedule.freeStarts(session: s, cells: cells)
            }
            while starts != 0 {
                let cell = starts.trailingZeroBitCount
                starts &= starts - 1
                nodes += 1
                let start = model.sessionStart[s] + cell * model.grid
                guard start >= notBefore else { continue }
                let span = Span(start: Instant(seconds: start), end: Instant(seconds: start + duration))
                guard search.relaxation.contains(.jobSeeker) || schedule.seekerIsFree(seeker, span) else { continue }
                for attends in attendOptions {
                    if attends && consultant >= 0 && !search.relaxation.contains(.consultant)
                        && !schedule.consultantIsFree(consultant, span)
                    { continue }
                    if body(&self, Slot(session: Int32(s), cell: Int32(cell), attends: attends), span) { return }
                }
            }
        }
    }
}
