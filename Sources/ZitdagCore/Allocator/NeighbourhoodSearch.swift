/// Large-neighbourhood search: take a few requests out of the plan and put
/// them back, together with one that was left out or placed late, keeping
/// the change when the objective does not drop.
///
/// Each step picks a *target*: an unscheduled request (to fit it in) or a
/// scheduled one that waits or misses a bonus (to improve it). It removes
/// some of the requests that sit in sessions the target could use, places
/// the target first and the others after it, best first.
struct NeighbourhoodSearch {
    var schedule: Schedule
    var random: SplitMix64
    let nodeBudget: Int
    let order: [Int]
    /// Rank of each request in the construction order: reinsertion keeps it.
    private let rank: [Int]
    private var model: Model { schedule.model }

    init(schedule: Schedule, seed: UInt64, order: [Int], nodeBudget: Int) {
        self.schedule = schedule
        self.random = SplitMix64(seed: seed)
        self.order = order
        self.nodeBudget = nodeBudget
        var rank = [Int](repeating: 0, count: order.count)
        for (i, r) in order.enumerated() { rank[r] = i }
        self.rank = rank
    }

    /// Runs steps until `shouldStop` says so; returns the number of steps taken.
    mutating func run(shouldStop: (_ steps: Int, _ stepsSinceImprovement: Int) -> Bool) -> Int {
        var steps = 0
        var sinceImprovement = 0
        var best = schedule.objective
        while !shouldStop(steps, sinceImprovement) {
            steps += 1
            step()
            if schedule.objective > best {
                best = schedule.objective
                sinceImprovement = 0
            } else {
                sinceImprovement += 1
            }
        }
        return steps
    }

    mutating func step() {
        guard let target = pickTarget() else { return }
        let before = schedule.objective
        let removedCount = 1 + Int(random.next() % 6)
        var removed = neighbours(of: target, count: removedCount)
        var previous: [(Int, Placement)] = []
        if let placement = schedule.remove(target) { previous.append((target, placement)) }
        for r in removed {
            if let placement = schedule.remove(r) { previous.append((r, placement)) }
        }
        // The target first, then the others in construction order with a little noise.
        removed.sort { rank[$0] + Int(random.next() % 8) < rank[$1] }
        var inserted: [Int] = []
        for r in [target] + removed where schedule.placements[r] == nil {
            if let placement = PlacementSearch(schedule: schedule, nodeBudget: nodeBudget).best(for: r) {
                schedule.place(r, placement)
                inserted.append(r)
            }
        }
        if schedule.objective < before {
            for r in inserted { schedule.remove(r) }
            for (r, placement) in previous { schedule.place(r, placement) }
        }
    }

    /// A request to improve: half the time (when there are any) one that is left out.
    private mutating func pickTarget() -> Int? {
        let requests = model.problem.requests
        for _ in 0..<16 {
            let r = Int(random.next() % UInt64(requests.count))
            let wantsUnscheduled = schedule.scheduledCount < requests.count && random.next() % 2 == 0
            guard let placement = schedule.placements[r] else { return r }
            if wantsUnscheduled { continue }
            let request = requests[r]
            let ceiling = Objective.value(
                of: request, firstDay: request.release, oneCoach: true, attended: request.appointments,
                weights: model.problem.weights)
            if placement.value < ceiling { return r }
        }
        return nil
    }

    /// Scheduled requests sitting in sessions the target could use, up to `count`.
    private mutating func neighbours(of target: Int, count: Int) -> [Int] {
        let request = model.problem.requests[target]
        let release = request.release.daysSinceEpoch
        var last = model.lastFirstDay(of: target)
        if let placement = schedule.placements[target] {
            last = min(last, model.sessionDay[Int(placement.slots[0].session)])
        }
        let list = model.requestList[target]
        let span = (request.appointments - 1) * request.gapDays.upperBound
        let range = model.positions(list: list, from: release, to: last + span)
        guard !range.isEmpty else { return [] }
        var chosen: [Int] = []
        for _ in 0..<(count * 4) where chosen.count < count {
            let s = Int(model.lists[list][range.lowerBound + Int(random.next() % UInt64(range.count))])
            let occupants = schedule.occupants[s]
            guard !occupants.isEmpty else { continue }
            let r = Int(occupants[Int(random.next() % UInt64(occupants.count))])
            if r != target && !chosen.contains(r) { chosen.append(r) }
        }
        return chosen
    }
}
