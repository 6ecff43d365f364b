/// Branch and bound over the macro choices (``SeriesOptions``) of a set of *free* requests,
/// with start times decided per group of sessions (``StartTimes``): it proves a plan optimal
/// or finds a better one.
///
/// Every other request keeps its sessions, dates and attendance but may move within its
/// sessions, so that a free request can fit where the first-fit packing left no room. With
/// every request free it is exact for the whole problem; the neighbourhood search uses it on
/// a few requests at a time.
///
/// Requests are taken best first; each gets one of its options whose groups still pack, or
/// none. A branch is cut when what it has plus the best each remaining request can still earn
/// beside the choices made (its first option that still packs: forward checking) cannot beat
/// the best known.
struct ExactSearch {
    /// The requests whose options may be worked out, each at most `optionLimit` of them.
    var options: OptionCache
    /// The seats booked outside the problem.
    let empty: Schedule
    /// Options tried (and packings worked out) at most per call; `nil` for no limit.
    var nodeBudget: Int?
    /// Asked every few hundred nodes: true ends the search (unproven).
    var expired: () -> Bool = { false }
    /// The packings, kept from call to call for their table's and scratch arrays' room (answers
    /// are forgotten on each call: the requests that stay change).
    private var packings: StartTimes

    init(model: Model, optionLimit: Int = 200_000) {
        let empty = Schedule(model: model)
        self.empty = empty
        options = OptionCache(model: model, empty: empty, limit: optionLimit)
        packings = StartTimes(model: model, empty: empty)
    }

    struct Outcome {
        /// The schedule with the free requests re-decided, when that beats the given one.
        var better: Schedule?
        /// Whether the search ran to the end: no plan better than the result exists.
        var complete: Bool
        /// The requests placed differently in `better`.
        var changed: [Int] = []
    }

    /// Re-decides `free` in `schedule`; everything else stays in its sessions.
    mutating func improve(_ schedule: Schedule, free: [Int]) -> Outcome {
        let model = schedule.model
        var found: [SeriesOptions] = []
        for r in free {
            guard let options = options.get(r) else { return Outcome(better: nil, complete: false) }
            found.append(options)
        }
        // Read-only from here: the inner loops read it in place, without copying an element out.
        let all = found
        let isFree = Set(free)
        let incumbent = free.reduce(0) { $0 + (schedule.placements[$1]?.value ?? 0) }
        let order = all.indices.sorted { (all[$0].values.first ?? 0, -all[$0].count, -$0) > (all[$1].values.first ?? 0, -all[$1].count, -$1) }
        var ceiling = [Int](repeating: 0, count: order.count + 1)
        for i in stride(from: order.count - 1, through: 0, by: -1) { ceiling[i] = ceiling[i + 1] + max(0, all[order[i]].values.first ?? 0) }

        // Packings are remembered for this call only: the requests that stay change from call to call.
        // Taken out of `self` while the search runs (its nested functions capture a local).
        var startTimes = StartTimes(model: model, empty: empty)
        swap(&startTimes, &packings)
        defer { swap(&startTimes, &packings) }
        startTimes.reset()
        // The appointments of the requests that stay, by group, and their digest; worked out for the
        // groups touched.
        var fixed = [[StartTimes.Item]?](repeating: nil, count: model.groupCount)
        var fixedDigests = [StartTimes.Digest](repeating: StartTimes.Digest(), count: model.groupCount)
        func fixedItems(_ group: Int) -> [StartTimes.Item] {
            if let known = fixed[group] { return known }
            var items: [StartTimes.Item] = []
            var digest = StartTimes.Digest()
            for s in model.groupSessions[group] {
                for r32 in schedule.occupants[Int(s)] where !isFree.contains(Int(r32)) {
                    let r = Int(r32)
                    for (k, slot) in schedule.placements[r]!.slots.enumerated() where slot.session == s {
                        let day = schedule.dayOfSlot(slot)
                        let unit = options.units(of: r, in: Int(s)).first { $0.day == day && $0.attends == slot.attends }
                            ?? Unit(session: s, day: day, attends: slot.attends, starts: [slot.cell])
                        let item = StartTimes.Item(request: r, index: k, unit: unit)
                        items.append(item)
                        digest = digest + StartTimes.Digest(item)
                    }
                }
            }
            fixed[group] = items
            fixedDigests[group] = digest
            return items
        }
        func fixedDigest(_ group: Int) -> StartTimes.Digest {
            if fixed[group] == nil { _ = fixedItems(group) }
            return fixedDigests[group]
        }

        // The appointments of the free requests chosen so far, by group: which request (its place in
        // `all`), which appointment, which unit. Items are made of them only for a packing not seen before.
        var added = [[(o: Int32, index: Int32, unit: Int32)]](repeating: [], count: model.groupCount)
        func item(_ pick: (o: Int32, index: Int32, unit: Int32)) -> StartTimes.Item {
            StartTimes.Item(request: all[Int(pick.o)].request, index: Int(pick.index), unit: all[Int(pick.o)].units[Int(pick.unit)])
        }
        var addedDigest = [StartTimes.Digest](repeating: StartTimes.Digest(), count: model.groupCount)
        var choice = [Int](repeating: -1, count: all.count)
        var best = incumbent
        var bestChoice: [Int]?
        var nodes = 0
        var stopped = false
        let budget = nodeBudget ?? Int.max
        let expired = self.expired
        let appointments = all.map { model.problem.requests[$0.request].appointments }
        // The groups one option touches, reused from call to call.
        var groups: [Int] = []
        groups.reserveCapacity(8)

        // Whether option `option` of `all[o]` packs beside what is chosen; it stays added when `keep`.
        func tryOption(_ o: Int, _ option: Int, keep: Bool) -> Bool {
            let n = appointments[o]
            groups.removeAll(keepingCapacity: true)
            for k in 0..<n {
                let u = Int(all[o].optionUnits[option * n + k])
                let group = Int(all[o].unitGroups[u])
                if !groups.contains(group) { groups.append(group) }
                added[group].append((Int32(o), Int32(k), Int32(u)))
                addedDigest[group] = addedDigest[group] + all[o].unitDigests[u * n + k]
            }
            var fits = true
            var g = 0
            while fits && g < groups.count {
                let group = groups[g]
                g += 1
                fits = startTimes.fits(fixedDigest(group) + addedDigest[group]) { fixedItems(group) + added[group].map(item) }
            }
            if !(fits && keep) { takeBack(o, option) }
            return fits
        }
        func takeBack(_ o: Int, _ option: Int) {
            let n = appointments[o]
            for k in 0..<n {
                let u = Int(all[o].optionUnits[option * n + k])
                let group = Int(all[o].unitGroups[u])
                added[group].removeLast()
                addedDigest[group] = addedDigest[group] - all[o].unitDigests[u * n + k]
            }
        }
        // Forward checking: per request, the first option not yet seen to clash with the choices
        // above it. Choices only take room, so along a branch it only moves on; the best a request
        // can still earn is that option's value, a far tighter bound than its best alone.
        var firstFit = [Int](repeating: 0, count: all.count)
        // What each node moved on, to set back when it returns: (request's place in `all`, before).
        var trail: [(o: Int, before: Int)] = []

        // Groups an option touches, as a mask of bits `group % 64`: two options whose masks share no
        // bit touch no common group (a shared bit may still be two different groups).
        func groupMask(_ o: Int, _ option: Int) -> UInt64 {
            let n = appointments[o]
            var mask: UInt64 = 0
            for k in 0..<n { mask |= 1 << UInt64(all[o].unitGroups[Int(all[o].optionUnits[option * n + k])] & 63) }
            return mask
        }

        // `changed`: the groups the last choice touched (none when the last request was left out),
        // every group where the node above did no forward checking. A first fitting option that
        // touches none of them still fits: only the choice can have taken its room.
        func branch(_ i: Int, _ value: Int, changed: UInt64) {
            if value > best {
                best = value
                bestChoice = choice
            }
            guard i < order.count, value + ceiling[i] > best else { return }
            let mark = trail.count
            defer {
                while trail.count > mark {
                    let undo = trail.removeLast()
                    firstFit[undo.o] = undo.before
                }
            }
            if i > 0 {
                var bound = value
                for j in i..<order.count {
                    let o = order[j]
                    let before = firstFit[o]
                    defer { if firstFit[o] != before { trail.append((o, before)) } }
                    while firstFit[o] < all[o].count {
                        // The option the node above found to fit still does, unless the choice touched its groups.
                        if firstFit[o] == before && changed & groupMask(o, before) == 0 { break }
                        nodes += 1
                        if nodes > budget || (nodes & 255 == 1 && expired()) {
                            stopped = true
                            return
                        }
                        if tryOption(o, firstFit[o], keep: false) { break }
                        firstFit[o] += 1
                    }
                    if firstFit[o] < all[o].count { bound += max(0, all[o].values[firstFit[o]]) }
                }
                guard bound > best else { return }
            }
            let o = order[i]
            let options = all[o]
            for option in firstFit[o]..<options.count {
                let optionValue = options.values[option]
                guard value + optionValue + ceiling[i + 1] > best else { break }
                nodes += 1
                if nodes > budget || (nodes & 255 == 1 && expired()) {
                    stopped = true
                    return
                }
                if tryOption(o, option, keep: true) {
                    choice[o] = option
                    branch(i + 1, value + optionValue, changed: i == 0 ? ~0 : groupMask(o, option))
                    choice[o] = -1
                    takeBack(o, option)
                }
                if stopped { return }
            }
            branch(i + 1, value, changed: i == 0 ? ~0 : 0)
        }
        branch(0, 0, changed: ~0)
        guard let bestChoice else { return Outcome(better: nil, complete: !stopped && !startTimes.gaveUp) }

        // Rebuild: the free requests in their chosen options, and the requests that stay in the
        // groups those touch at the start times the packing found.
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
                    slots[item.request] = isFree.contains(item.request)
                        ? Array(repeating: Slot(session: -1, cell: 0, attends: false), count: n) : schedule.placements[item.request]!.slots
                }
                slots[item.request]![item.index] = Slot(session: item.unit.session, cell: cell, attends: item.unit.attends)
            }
        }
        var result = schedule
        for r in free { result.remove(r) }
        // In a fixed order: the schedule's lists (and so later random picks) depend on it.
        let moved = slots.keys.filter { !isFree.contains($0) }.sorted()
        for r in moved { result.remove(r) }
        for (o, option) in bestChoice.enumerated() where option >= 0 {
            let r = all[o].request
            result.place(r, Placement(slots: slots[r]!, value: all[o].values[option]))
        }
        for r in moved { result.place(r, Placement(slots: slots[r]!, value: schedule.placements[r]!.value)) }
        let changed = free + moved
        return Outcome(better: result, complete: !stopped && !startTimes.gaveUp, changed: changed)
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
