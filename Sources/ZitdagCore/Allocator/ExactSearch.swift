/// Branch and bound over the macro choices (``SeriesOptions``) of a set of *free* requests,
/// with start times decided per group of sessions (``StartTimes``): it proves a plan optimal
/// or finds a better one.
///
/// Every other request keeps its sessions, dates and attendance but may move within its
/// sessions, so that a free request can fit where the first-fit packing left no room. With
/// every request free it is exact for the whole problem; the neighbourhood search uses it on
/// a few requests at a time.
///
/// Requests are taken fewest options first; each gets one of its options whose groups still
/// pack, or none. A branch is cut when what it has plus the best each remaining request can still
/// earn beside the choices made (its first option that still packs: forward checking) cannot
/// beat the best known.
struct ExactSearch {
    /// The requests whose options may be worked out, each at most `optionLimit` of them.
    var options: OptionCache
    /// Options tried (and packings worked out) at most per call; `nil` for no limit.
    var nodeBudget: Int?
    /// Asked every few hundred nodes: true ends the search (unproven).
    var expired: () -> Bool = { false }
    /// Start cells one packing may try before it is taken as not fitting (and nothing is proven).
    var packingTries: Int {
        get { run.startTimes.tryBudget }
        set { run.startTimes.tryBudget = newValue }
    }
    /// The search's state, kept from call to call for its arrays' and its packings' room.
    private var run: Run
    /// Seat-cells of session `s` left beside the seats booked outside the problem.
    func freeSeatCells(_ s: Int) -> Int { run.startTimes.freeSeatCells[s] }

    init(model: Model, optionLimit: Int = 200_000) {
        // The seats booked outside the problem, which options and packings start from.
        let empty = Schedule(model: model)
        options = OptionCache(model: model, empty: empty, limit: optionLimit)
        run = Run(model: model, empty: empty)
    }

    struct Outcome {
        /// Whether a plan was found (better than the given one, or for ``placeAll(_:free:)`` one that
        /// places every request freed) and the schedule made it.
        var improved: Bool
        /// Whether the search ran to the end: no plan better than the result exists (of those the
        /// `slack` given allows).
        var complete: Bool
        /// The requests placed differently, and where each was before.
        var changed: [Int] = []
        var previous: [Placement?] = []
    }

    /// Re-decides `free` in `schedule`, which becomes the better plan when one is found;
    /// everything else stays in its sessions. `heldFirst`: each free request that is placed tries
    /// the option it holds first, the others best first after it, so that plans changing few of
    /// them come before the rest. `slack`: each free request that is placed keeps to its options
    /// worth at least what it holds less `slack` (a search near the plan, of many requests at once).
    mutating func improve(
        _ schedule: inout Schedule, free: [Int], heldFirst: Bool = false, slack: Int? = nil
    ) -> Outcome {
        search(&schedule, free: free, heldFirst: heldFirst, slack: slack) { run in run.branch(0, 0, changed: ~0) }
    }

    /// Re-decides `free` in `schedule` so that every one of them is placed, each trying the option it
    /// holds first: the first such plan found becomes the schedule's, whatever its value (the caller
    /// weighs it). With `complete` and no plan, none exists (of the options worked out).
    ///
    /// A search for *a* plan, not the best, of many requests at once (every request a plan places
    /// and one it leaves out). It takes first the request that has most often run out of options
    /// (then the one with the fewest left), and starts over after a growing number of choices
    /// (``restartUnit`` times Luby's sequence), keeping those counts: the requests that are hard to
    /// fit together come first (weighted degree with restarts, as constraint solvers do). In a fixed
    /// order it did not find a plan of a job team's 43 placed requests, their own plan among them,
    /// in 10 M options; so it found it in 0.07 M (Benchmarks/yardstick/JOURNAL.md, *refit*).
    mutating func placeAll(_ schedule: inout Schedule, free: [Int]) -> Outcome {
        search(&schedule, free: free, heldFirst: true, slack: nil) { run in run.placeEvery() }
    }

    /// Choices after which ``placeAll(_:free:)`` first starts over; later restarts allow multiples.
    static let restartUnit = 1_000

    private mutating func search(
        _ schedule: inout Schedule, free: [Int], heldFirst: Bool, slack: Int?, _ body: (inout Run) -> Void
    ) -> Outcome {
        var found: [SeriesOptions] = []
        for r in free {
            guard let options = options.get(r) else { return Outcome(improved: false, complete: false) }
            found.append(options)
        }
        // The option cache moves into the run for the search (it works out units of the requests
        // that stay) and back after it: swapped, not copied, so that its tables stay unshared.
        swap(&options, &run.options)
        defer { swap(&options, &run.options) }
        // The plan too, which the search only reads: a copy held in the run cost a retain and a
        // release of each of its arrays and its model's, 5 % of a job team's search.
        swap(&schedule, &run.schedule)
        run.start(
            free: free, all: found, budget: nodeBudget ?? Int.max, heldFirst: heldFirst, slack: slack, expired: expired)
        body(&run)
        return run.outcome(applyingTo: &schedule)
    }
}

extension ExactSearch {
    /// One search's state in stored properties, so that the recursion reads and writes it in place:
    /// as locals captured by nested functions they were boxed, every access checked at run time.
    private struct Run {
        let model: Model
        var options: OptionCache
        /// Packings, remembered from call to call: the digest of a group's packing names the
        /// appointments of the requests that stay too, so its answer holds whatever the call. (Made
        /// anew on each call, nine in ten packings of a job team's search were worked out again.)
        var startTimes: StartTimes

        /// The plan searched, swapped in by ``ExactSearch/improve(_:free:heldFirst:slack:)``; between
        /// searches a stand-in (``Schedule/init(standingInFor:)``).
        var schedule: Schedule
        var free: [Int] = []
        /// Each free request's options, read in place by the inner loops.
        var all: [SeriesOptions] = []
        var appointments: [Int] = []
        /// The free requests (places in `all`) in search order, and what those from `i` on can earn at most.
        var order: [Int] = []
        var ceiling: [Int] = []

        /// The appointments of the requests that stay, by group, and their digest; worked out for the
        /// groups touched.
        var fixed: [[StartTimes.Item]?] = []
        var fixedDigests: [StartTimes.Digest] = []
        /// Per session, the seat-cells left beside the requests that stay and the free requests' choices
        /// (of ``StartTimes/freeSeatCells``): an option asking a session for more is turned down without
        /// a look in the packing memo, whose table is far larger than the cache. Most options a failing
        /// insertion tries are turned down so.
        var room: [Int] = []
        /// Per free request (its place in `all`), the cells of each of its appointments.
        var cells: [Int] = []
        /// The appointments of the free requests chosen so far, by group: a stack per group threaded
        /// through one pool (choices are taken back in the reverse order they were made), each entry
        /// which request (its place in `all`), which appointment, which unit and the entry below it.
        var addedTop: [Int32] = []
        var added: [(o: Int32, index: Int32, unit: Int32, below: Int32)] = []
        var addedDigest: [StartTimes.Digest] = []
        /// One packing's items, reused.
        var items: [StartTimes.Item] = []

        var choice: [Int] = []
        /// Per free request, the option it holds (tried first in a search near the plan), or -1.
        var held: [Int] = []
        /// Per free request, the end of the options it may take (see `slack` in
        /// ``ExactSearch/improve(_:free:heldFirst:slack:)``).
        var limit: [Int] = []
        var best = 0
        var bestChoice: [Int]?
        var nodes = 0
        var stopped = false
        var budget = 0
        var expired: () -> Bool = { false }
        /// The groups one option touches.
        var groups: [Int] = []
        /// Forward checking: per request, the first option not yet seen to clash with the choices
        /// above it. Choices only take room, so along a branch it only moves on; the best a request
        /// can still earn is that option's value, a far tighter bound than its best alone.
        var firstFit: [Int] = []
        /// What each node moved on, to set back when it returns: (request's place in `all`, before).
        var trail: [(o: Int, before: Int)] = []
        /// Per free request, how often it has run out of options in ``placeEvery()`` (from 1).
        var failures: [Int] = []
        /// Choices since ``placeEvery()`` last started over, how many it allows, and whether it is
        /// starting over.
        var sinceRestart = 0
        var restartAfter = 0
        var restarting = false

        init(model: Model, empty: Schedule) {
            self.model = model
            options = OptionCache(model: model, empty: empty, limit: 0)
            startTimes = StartTimes(model: model, empty: empty)
            schedule = Schedule(standingInFor: model)
        }

        /// Starts a search of the plan in `schedule` (swapped in by the caller).
        mutating func start(
            free: [Int], all: [SeriesOptions], budget: Int, heldFirst: Bool, slack: Int?, expired: @escaping () -> Bool
        ) {
            self.free = free
            self.all = all
            self.budget = budget
            self.expired = expired
            appointments = all.map { model.problem.requests[$0.request].appointments }
            cells = all.map { model.requestCells[$0.request] }
            room.removeAll(keepingCapacity: true)
            for (s, free) in startTimes.freeSeatCells.enumerated() { room.append(free - schedule.seatCellsTaken[s]) }
            for r in free {
                for slot in schedule.placements[r]?.slots ?? [] { room[Int(slot.session)] += model.requestCells[r] }
            }
            best = free.reduce(0) { $0 + (schedule.placements[$1]?.value ?? 0) }
            bestChoice = nil
            nodes = 0
            stopped = false
            let all = self.all
            // The request with the fewest options first (fail first): its choice cuts into the
            // others' options soonest, so the bound falls near the root. Best value first needed 3.6 s
            // (100-1,000 M options) to prove a near-tie of 13 requests of a job team's plan that this
            // order proves in 0.02 s (under 1 M); not on every set, but over whole searches
            // (*fewest options first* in Benchmarks/yardstick/JOURNAL.md).
            order = all.indices.sorted { (all[$0].count, $0) < (all[$1].count, $1) }
            ceiling = [Int](repeating: 0, count: order.count + 1)
            for i in stride(from: order.count - 1, through: 0, by: -1) { ceiling[i] = ceiling[i + 1] + max(0, all[order[i]].values.first ?? 0) }
            startTimes.countGivingUpAfresh()
            // Refilled in place, not made anew on every call (with the plan made in place, see
            // `outcome`: about 5 % of a job team's search).
            let groupCount = model.groupCount
            Self.refill(&fixed, with: nil, count: groupCount)
            Self.refill(&fixedDigests, with: StartTimes.Digest(), count: groupCount)
            Self.refill(&addedTop, with: -1, count: groupCount)
            Self.refill(&addedDigest, with: StartTimes.Digest(), count: groupCount)
            Self.refill(&choice, with: -1, count: all.count)
            Self.refill(&held, with: -1, count: all.count)
            if heldFirst {
                for (o, r) in free.enumerated() {
                    if let placement = schedule.placements[r] { held[o] = all[o].option(of: placement, in: schedule) ?? -1 }
                }
            }
            Self.refill(&firstFit, with: 0, count: all.count)
            limit.removeAll(keepingCapacity: true)
            for (o, r) in free.enumerated() {
                // Options are best first: those worth too little to try are the last.
                let floor = slack.flatMap { slack in schedule.placements[r].map { $0.value - slack } }
                limit.append(floor.flatMap { floor in all[o].values.firstIndex { $0 < floor } } ?? all[o].count)
            }
            added.removeAll(keepingCapacity: true)
            trail.removeAll(keepingCapacity: true)
        }

        private static func refill<T>(_ array: inout [T], with value: T, count: Int) {
            array.removeAll(keepingCapacity: true)
            array.append(contentsOf: repeatElement(value, count: count))
        }

        /// The appointments of the requests that stay in `group`.
        mutating func fixedItems(_ group: Int) -> [StartTimes.Item] {
            if let known = fixed[group] { return known }
            var items: [StartTimes.Item] = []
            var digest = StartTimes.Digest()
            for s in model.groupSessions[group] {
                for r32 in schedule.occupants[Int(s)] where !free.contains(Int(r32)) {
                    let r = Int(r32)
                    for (k, slot) in schedule.placements[r]!.slots.enumerated() where slot.session == s {
                        let day = schedule.dayOfSlot(slot)
                        let known = options.units(of: r, in: Int(s)).first { $0.day == day && $0.attends == slot.attends }
                        let unit = known ?? Unit(session: s, day: day, attends: slot.attends, starts: [slot.cell])
                        let item = StartTimes.Item(request: r, index: k, unit: unit)
                        items.append(item)
                        // A unit made for the placement has one start, its cell: named in the digest,
                        // so that its answer is not taken for another cell's in a later call.
                        digest = digest + (known != nil ? StartTimes.Digest(item)
                            : StartTimes.Digest(request: r, index: k, unitKey: unit.key ^ (UInt64(slot.cell) + 1) << 16))
                    }
                }
            }
            fixed[group] = items
            fixedDigests[group] = digest
            return items
        }

        mutating func fixedDigest(_ group: Int) -> StartTimes.Digest {
            if fixed[group] == nil { _ = fixedItems(group) }
            return fixedDigests[group]
        }

        /// Whether `group` packs with what is chosen in it.
        mutating func packs(_ group: Int) -> Bool {
            let digest = fixedDigest(group) + addedDigest[group]
            if let known = startTimes.answer(for: digest) { return known }
            items.removeAll(keepingCapacity: true)
            items += fixed[group]!
            var e = Int(addedTop[group])
            while e >= 0 {
                let pick = added[e]
                items.append(StartTimes.Item(request: all[Int(pick.o)].request, index: Int(pick.index), unit: all[Int(pick.o)].units[Int(pick.unit)]))
                e = Int(pick.below)
            }
            return startTimes.packs(digest, items)
        }

        /// Whether option `option` of `all[o]` packs beside what is chosen; it stays added when `keep`.
        /// Only the groups in `only` (bits `group % 64`) are asked: those whose packing may have changed
        /// since the option was last seen to fit (every group when it was not).
        mutating func tryOption(_ o: Int, _ option: Int, keep: Bool, only: UInt64 = ~0) -> Bool {
            let n = appointments[o]
            // A session asked for more seat-cells than it has left: the packing's first check, made
            // here without asking it.
            for k in 0..<n where room[Int(all[o].optionSessions[option * n + k])] < cells[o] { return false }
            // Each appointment in a group of its own (the usual case) and every group's packing known:
            // the answer without adding anything, from the same answers in the same order as below.
            if all[o].optionApart[option] {
                var known = true
                for k in 0..<n {
                    let group = Int(all[o].optionGroups[option * n + k])
                    guard only & 1 << UInt64(group & 63) != 0 else { continue }
                    guard let fits = startTimes.answer(for: fixedDigest(group) + addedDigest[group] + all[o].optionDigests[option * n + k]) else {
                        known = false
                        break
                    }
                    if !fits { return false }
                }
                if known {
                    if keep { add(o, option) }
                    return true
                }
            }
            add(o, option)
            var fits = true
            var g = 0
            while fits && g < groups.count {
                let group = groups[g]
                g += 1
                guard only & 1 << UInt64(group & 63) != 0 else { continue }
                fits = packs(group)
            }
            if !(fits && keep) { takeBack(o, option) }
            return fits
        }

        /// Adds an option's appointments to what is chosen, noting the groups they touch.
        mutating func add(_ o: Int, _ option: Int) {
            let n = appointments[o]
            groups.removeAll(keepingCapacity: true)
            for k in 0..<n {
                let group = Int(all[o].optionGroups[option * n + k])
                if !groups.contains(group) { groups.append(group) }
                added.append((Int32(o), Int32(k), all[o].optionUnits[option * n + k], addedTop[group]))
                room[Int(all[o].optionSessions[option * n + k])] -= cells[o]
                addedTop[group] = Int32(added.count - 1)
                addedDigest[group] = addedDigest[group] + all[o].optionDigests[option * n + k]
            }
        }

        /// Takes an option's appointments out again, the last first.
        mutating func takeBack(_ o: Int, _ option: Int) {
            let n = appointments[o]
            for k in stride(from: n - 1, through: 0, by: -1) {
                let group = Int(all[o].optionGroups[option * n + k])
                addedTop[group] = added.removeLast().below
                room[Int(all[o].optionSessions[option * n + k])] += cells[o]
                addedDigest[group] = addedDigest[group] - all[o].optionDigests[option * n + k]
            }
        }

        /// Groups an option touches, as a mask of bits `group % 64`: two options whose masks share no
        /// bit touch no common group (a shared bit may still be two different groups).
        func groupMask(_ o: Int, _ option: Int) -> UInt64 {
            all[o].optionMasks[option]
        }

        /// Counts a node; false (and stopped) when the budget or the time has run out.
        mutating func visit() -> Bool {
            nodes += 1
            if nodes > budget || (nodes & 255 == 1 && expired()) {
                stopped = true
                return false
            }
            return true
        }

        /// `changed`: the groups the last choice touched (none when the last request was left out),
        /// every group where the node above did no forward checking. A first fitting option that
        /// touches none of them still fits: only the choice can have taken its room.
        mutating func branch(_ i: Int, _ value: Int, changed: UInt64) {
            if value > best {
                best = value
                bestChoice = choice
            }
            guard i < order.count, value + ceiling[i] > best else { return }
            let mark = trail.count
            defer { takeBackFirstFits(to: mark) }
            if i > 0 {
                var bound = value
                for j in i..<order.count {
                    let o = order[j]
                    guard moveFirstFit(o, changed: changed) else { return }
                    if firstFit[o] < limit[o] { bound += max(0, all[o].values[firstFit[o]]) }
                }
                guard bound > best else { return }
            }
            let o = order[i]
            let holds = held[o]
            if holds >= firstFit[o] && holds < limit[o] && value + all[o].values[holds] + ceiling[i + 1] > best {
                guard descend(i, o, holds, value) else { return }
            }
            for option in firstFit[o]..<max(firstFit[o], limit[o]) where option != holds {
                guard value + all[o].values[option] + ceiling[i + 1] > best else { break }
                guard descend(i, o, option, value) else { return }
            }
            branch(i + 1, value, changed: i == 0 ? ~0 : 0)
        }

        /// Forward checking of request `o` (its place in `all`): moves its first fitting option on past
        /// those the choices made rule out, noted on the trail; false when the search has stopped.
        @inline(__always)
        mutating func moveFirstFit(_ o: Int, changed: UInt64) -> Bool {
            let before = firstFit[o]
            defer { if firstFit[o] != before { trail.append((o, before)) } }
            while firstFit[o] < limit[o] {
                // The option the node above found to fit still does, unless the choice touched its groups.
                if firstFit[o] == before && changed & groupMask(o, before) == 0 { break }
                guard visit() else { return false }
                // The option the node above found to fit: only the groups the choice touched can have changed.
                if tryOption(o, firstFit[o], keep: false, only: firstFit[o] == before ? changed : ~0) { break }
                firstFit[o] += 1
            }
            return true
        }

        /// Sets the first fitting options back to what they were when the trail was `mark` long.
        mutating func takeBackFirstFits(to mark: Int) {
            while trail.count > mark {
                let undo = trail.removeLast()
                firstFit[undo.o] = undo.before
            }
        }

        /// Searches, starting over now and then, for a plan that places every free request (see
        /// ``ExactSearch/placeAll(_:free:)``), until one is found, none can be or the search stops.
        mutating func placeEvery() {
            Self.refill(&failures, with: 1, count: all.count)
            var restarts = 0
            repeat {
                restarts += 1
                restartAfter = ExactSearch.restartUnit * Self.luby(restarts)
                sinceRestart = 0
                restarting = false
            } while !placeAll(0, changed: ~0) && restarting && !stopped
        }

        /// The `i`-th term of Luby's sequence (1, 1, 2, 1, 1, 2, 4, 1, ...).
        static func luby(_ i: Int) -> Int {
            var k = 1
            while (1 << k) - 1 < i { k += 1 }
            return (1 << k) - 1 == i ? 1 << (k - 1) : luby(i - (1 << (k - 1)) + 1)
        }

        /// Places the requests from `i` in the order on, each somewhere, on top of the choices made
        /// above; true when it has (the choices are then the best plan's). `changed` as in
        /// ``branch(_:_:changed:)``. The request taken next is moved to place `i` for its subtree.
        mutating func placeAll(_ i: Int, changed: UInt64) -> Bool {
            guard i < order.count else {
                bestChoice = choice
                return true
            }
            let mark = trail.count
            defer { takeBackFirstFits(to: mark) }
            var next = i
            for j in i..<order.count {
                let o = order[j]
                guard moveFirstFit(o, changed: changed) else { return false }
                guard firstFit[o] < limit[o] else {
                    failures[o] += 1
                    return false
                }
                let p = order[next]
                if (failures[o], firstFit[o] - limit[o]) > (failures[p], firstFit[p] - limit[p]) { next = j }
            }
            order.swapAt(i, next)
            defer { order.swapAt(i, next) }
            let o = order[i]
            // The option it holds first, then the others best first.
            let first = held[o] >= firstFit[o] && held[o] < limit[o] ? held[o] : firstFit[o]
            var option = first
            var rest = firstFit[o]
            while option < limit[o] {
                sinceRestart += 1
                if sinceRestart > restartAfter {
                    restarting = true
                    return false
                }
                guard visit() else { return false }
                // Forward checking has just seen its first fitting option fit.
                if tryOption(o, option, keep: true, only: option == firstFit[o] ? 0 : ~0) {
                    choice[o] = option
                    let placed = placeAll(i + 1, changed: groupMask(o, option))
                    choice[o] = -1
                    takeBack(o, option)
                    if placed { return true }
                    if stopped || restarting { return false }
                }
                if rest == first { rest += 1 }
                option = rest
                rest += 1
            }
            return false
        }

        /// Chooses `option` for the request at `i` in the order (`o` in `all`) when it fits and searches
        /// on below it; false when the search has stopped.
        @inline(__always)
        mutating func descend(_ i: Int, _ o: Int, _ option: Int, _ value: Int) -> Bool {
            guard visit() else { return false }
            // Below the root, this node's forward checking has just seen its first fitting option fit.
            if tryOption(o, option, keep: true, only: i > 0 && option == firstFit[o] ? 0 : ~0) {
                choice[o] = option
                branch(i + 1, value + all[o].values[option], changed: i == 0 ? ~0 : groupMask(o, option))
                choice[o] = -1
                takeBack(o, option)
            }
            return !stopped
        }

        /// Hands the plan back to `result` (which held the run's stand-in) and makes it the best plan
        /// found, if better: the free requests in their chosen options, and the requests that stay in
        /// the groups those touch at the start times the packing found. Changed in place: a copy to
        /// change cost a retain and a release of every placement.
        mutating func outcome(applyingTo result: inout Schedule) -> Outcome {
            let complete = !stopped && !startTimes.gaveUp
            guard let bestChoice else {
                // The plan back to the caller, the stand-in it held back to the run.
                swap(&schedule, &result)
                return Outcome(improved: false, complete: complete)
            }
            var items: [Int: [StartTimes.Item]] = [:]
            for (o, option) in bestChoice.enumerated() where option >= 0 {
                let options = all[o]
                let n = model.problem.requests[options.request].appointments
                for (k, u) in options.units(of: option, appointments: n).enumerated() {
                    let unit = options.units[Int(u)]
                    items[model.sessionGroup[Int(unit.session)], default: []].append(
                        StartTimes.Item(request: options.request, index: k, unit: unit))
                }
            }
            var slots: [Int: [Slot]] = [:]
            for (group, chosen) in items.sorted(by: { $0.key < $1.key }) {
                let together = fixedItems(group) + chosen
                guard let starts = startTimes.starts(together) else { preconditionFailure("a packing found before is lost") }
                for (item, cell) in zip(together, starts) {
                    if slots[item.request] == nil {
                        let n = model.problem.requests[item.request].appointments
                        slots[item.request] = free.contains(item.request)
                            ? Array(repeating: Slot(session: -1, cell: 0, attends: false), count: n) : schedule.placements[item.request]!.slots
                    }
                    slots[item.request]![item.index] = Slot(session: item.unit.session, cell: cell, attends: item.unit.attends)
                }
            }
            // In a fixed order: the schedule's lists (and so later random picks) depend on it.
            let moved = slots.keys.filter { !free.contains($0) }.sorted()
            let changed = free + moved
            swap(&schedule, &result)
            let previous = changed.map { result.placements[$0] }
            let stay = moved.map { result.placements[$0]!.value }
            for r in free { result.remove(r) }
            for r in moved { result.remove(r) }
            for (o, option) in bestChoice.enumerated() where option >= 0 {
                let r = all[o].request
                result.place(r, Placement(slots: slots[r]!, value: all[o].values[option]))
            }
            for (r, value) in zip(moved, stay) { result.place(r, Placement(slots: slots[r]!, value: value)) }
            return Outcome(improved: true, complete: complete, changed: changed, previous: previous)
        }
    }
}

/// Each request's ``SeriesOptions``, and its units per session, worked out once.
struct OptionCache {
    let model: Model
    let empty: Schedule
    let limit: Int
    private var known: [Int: SeriesOptions?] = [:]
    private var unitsByPlace: [Int: [Unit]] = [:]

    init(model: Model, empty: Schedule, limit: Int) {
        self.model = model
        self.empty = empty
        self.limit = limit
    }

    /// The units of request `r` in session `s` (``SeriesOptions/units(of:in:model:empty:)``).
    mutating func units(of r: Int, in s: Int) -> [Unit] {
        let key = r * model.problem.sessions.count + s
        if let found = unitsByPlace[key] { return found }
        let found = SeriesOptions.units(of: r, in: s, model: model, empty: empty)
        unitsByPlace[key] = found
        return found
    }

    /// The options of request `r`, or `nil` when it has more than the limit.
    mutating func get(_ r: Int) -> SeriesOptions? {
        if let found = known[r] { return found }
        let found = SeriesOptions(request: r, model: model, empty: empty, limit: limit)
        known[r] = found
        return found
    }
}
