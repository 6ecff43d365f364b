/// Finds the best place for one request's whole series, given everything
/// already in the schedule: the highest objective first, then the earliest.
///
/// Days are tried from the release on. A later first day costs
/// `waitDay·priority` per day and the bonuses (one coach, consultant along)
/// are bounded, so the search stops as soon as no later day can win; within
/// that bound the search is exact unless it runs out of `nodeBudget`.
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

    private var model: Model { schedule.model }

    func best(for r: Int) -> Placement? {
        var run = Run(search: self, r: r)
        return run.best()
    }

    /// Every placement of the request that fits the schedule, or `nil` when there are more than `limit`.
    func all(for r: Int, limit: Int) -> [Placement]? {
        var run = Run(search: self, r: r)
        return run.all(limit: limit)
    }

    /// The state of one search.
    private struct Run {
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
            memoStart = request.release.daysSinceEpoch
            let lastFirst = model.lastFirstDay(of: r, ignoringDue: search.relaxation.contains(.due))
            let last = min(model.lastDay, lastFirst + (request.appointments - 1) * request.gapDays.upperBound)
            memoDays = max(0, last - memoStart + 1)
            completable = Array(repeating: 0, count: memoDays * request.appointments)
            dayHasSlot = Array(repeating: 0, count: memoDays)
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
                let list = model.requestList[r]
                for position in model.positions(list: list, from: day, to: day) where !found {
                    forEachSlot(in: Int(model.lists[list][position]), notBefore: Int.min) { _, _, _ in
                        found = true
                        return true
                    }
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
            let list = model.requestList[r]
            let lastDay = model.lastFirstDay(of: r, ignoringDue: search.relaxation.contains(.due))
            for day in stride(from: max(release, model.firstDay), through: lastDay, by: 1) {
                let base = weights.scheduled * p - weights.waitDay * p * (day - release)
                if let best, base + maxBonus <= best.value { break }
                if nodes > search.nodeBudget { break }
                guard canComplete(0, day: day) else { continue }
                // Every first slot on one day has the same base value: only the bonus tells them apart.
                bestBonus = -1
                for position in model.positions(list: list, from: day, to: day) {
                    let s = Int(model.lists[list][position])
                    forEachSlot(in: s, notBefore: Int.min) { run, slot, span in
                        run.slots = [slot]
                        let bonus = slot.attends && run.request.attendance == .preferred ? run.weights.coAttendance : 0
                        run.extend(day: day, end: span.end.seconds, coach: run.model.sessionCoach[s], oneCoach: true, bonus: bonus)
                        return run.bestBonus == maxBonus || run.nodes > run.search.nodeBudget
                    }
                    if bestBonus >= 0, base + bestBonus > best?.value ?? Int.min {
                        best = Placement(slots: bestSlots, value: base + bestBonus)
                        if bestBonus == maxBonus { return best }
                    }
                }
            }
            return best
        }

        mutating func all(limit: Int) -> [Placement]? {
            var found: [Placement] = []
            let release = request.release.daysSinceEpoch
            let list = model.requestList[r]
            let lastDay = model.lastFirstDay(of: r, ignoringDue: search.relaxation.contains(.due))
            for day in stride(from: max(release, model.firstDay), through: lastDay, by: 1) where canComplete(0, day: day) {
                let base = weights.scheduled * request.priority - weights.waitDay * request.priority * (day - release)
                for position in model.positions(list: list, from: day, to: day) {
                    let s = Int(model.lists[list][position])
                    forEachSlot(in: s, notBefore: Int.min) { run, slot, span in
                        run.slots = [slot]
                        let bonus = slot.attends && run.request.attendance == .preferred ? run.weights.coAttendance : 0
                        run.collect(day: day, end: span.end.seconds, coach: run.model.sessionCoach[s], oneCoach: true,
                                    bonus: bonus, base: base, into: &found, limit: limit)
                        return found.count > limit
                    }
                    if found.count > limit { return nil }
                }
            }
            return found
        }

        /// Like ``extend(day:end:coach:oneCoach:bonus:)``, but keeps every complete series.
        private mutating func collect(
            day: Int, end: Int, coach: Int, oneCoach: Bool, bonus: Int, base: Int, into found: inout [Placement], limit: Int
        ) {
            if slots.count == request.appointments {
                let total = bonus + (oneCoach && slots.count >= 2 ? weights.sameCoach : 0)
                found.append(Placement(slots: slots, value: base + total))
                return
            }
            let list = model.requestList[r]
            let index = slots.count
            for position in model.positions(list: list, from: day + request.gapDays.lowerBound, to: day + request.gapDays.upperBound) {
                let s = Int(model.lists[list][position])
                let nextDay = model.sessionDay[s]
                guard canComplete(index, day: nextDay) else { continue }
                forEachSlot(in: s, notBefore: nextDay == day ? end : Int.min) { run, slot, span in
                    run.slots.append(slot)
                    let gain = slot.attends && run.request.attendance == .preferred ? run.weights.coAttendance : 0
                    run.collect(day: nextDay, end: span.end.seconds, coach: coach,
                                oneCoach: oneCoach && run.model.sessionCoach[s] == coach, bonus: bonus + gain, base: base,
                                into: &found, limit: limit)
                    run.slots.removeLast()
                    return found.count > limit
                }
                if found.count > limit { return }
            }
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
            let list = model.requestList[r]
            let range = model.positions(list: list, from: day + request.gapDays.lowerBound, to: day + request.gapDays.upperBound)
            // Sessions of the same coach first, so that series which can stay with one coach do.
            for pass in 0..<(oneCoach ? 2 : 1) {
                let sameCoachPass = oneCoach && pass == 0
                for position in range {
                    let s = Int(model.lists[list][position])
                    guard (model.sessionCoach[s] == coach) == sameCoachPass || !oneCoach else { continue }
                    let nextDay = model.sessionDay[s]
                    guard canComplete(index, day: nextDay) else { continue }
                    forEachSlot(in: s, notBefore: nextDay == day ? end : Int.min) { run, slot, span in
                        run.slots.append(slot)
                        let gain = slot.attends && run.request.attendance == .preferred ? run.weights.coAttendance : 0
                        run.extend(day: nextDay, end: span.end.seconds, coach: coach, oneCoach: sameCoachPass, bonus: bonus + gain)
                        run.slots.removeLast()
                        return run.bestBonus >= ceiling || run.nodes > run.search.nodeBudget
                    }
                    if bestBonus >= ceiling || nodes > search.nodeBudget { return }
                }
            }
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
