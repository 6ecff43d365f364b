/// The first plan: requests one by one, the most valuable and the hardest
/// to place first, each into its best series given those before it.
enum Construction {
    static func order(_ model: Model) -> [Int] {
        let requests = model.problem.requests
        // Fewer sessions in reach of the first appointment means harder to place.
        let reach = requests.indices.map { r in
            let release = requests[r].release.daysSinceEpoch
            return model.positions(list: model.requestList[r], from: release, to: model.lastFirstDay(of: r)).count
        }
        return requests.indices.sorted { a, b in
            let (ra, rb) = (requests[a], requests[b])
            if ra.priority != rb.priority { return ra.priority > rb.priority }
            if ra.appointments != rb.appointments { return ra.appointments > rb.appointments }
            if reach[a] != reach[b] { return reach[a] < reach[b] }
            if ra.release != rb.release { return ra.release < rb.release }
            return a < b
        }
    }

    /// `order` with noise: each request moves up to `noise` places, never past one of another priority.
    static func perturbed(_ order: [Int], model: Model, noise: Int, random: inout SplitMix64) -> [Int] {
        let keyed = order.enumerated().map { i, r in
            (r: r, priority: model.problem.requests[r].priority, key: i + Int(random.next() % UInt64(noise)))
        }
        return keyed.sorted { ($0.priority, -$0.key, -$0.r) > ($1.priority, -$1.key, -$1.r) }.map(\.r)
    }

    /// The best of the plan built in `order` (unless `includingOrder` is false) and `tries` more built
    /// in orders perturbed from it. Cheap on small problems, and worth several percent there: which
    /// requests come first decides much of what fits.
    static func bestOf(
        tries: Int, order: [Int], model: Model, nodeBudget: Int, random: inout SplitMix64, includingOrder: Bool = true
    ) -> Schedule {
        var best: Schedule?
        if includingOrder {
            var plan = Schedule(model: model)
            build(&plan, order: order, nodeBudget: nodeBudget)
            best = plan
        }
        for _ in 0..<tries {
            var candidate = Schedule(model: model)
            build(&candidate, order: perturbed(order, model: model, noise: 30, random: &random), nodeBudget: nodeBudget)
            if best.map({ candidate.objective > $0.objective }) ?? true { best = candidate }
        }
        return best ?? Schedule(model: model)
    }

    static func build(_ schedule: inout Schedule, order: [Int], nodeBudget: Int) {
        // One search for every request, which ours is swapped into.
        var search = PlacementSearch.Run(search: PlacementSearch(schedule: Schedule(standingInFor: schedule.model), nodeBudget: nodeBudget, spreads: true))
        for r in order where schedule.placements[r] == nil {
            if let placement = search.best(for: r, in: &schedule) {
                schedule.place(r, placement)
            }
        }
    }
}
