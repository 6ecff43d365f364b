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

    static func build(_ schedule: inout Schedule, order: [Int], nodeBudget: Int) {
        for r in order where schedule.placements[r] == nil {
            if let placement = PlacementSearch(schedule: schedule, nodeBudget: nodeBudget, spreads: true).best(for: r) {
                schedule.place(r, placement)
            }
        }
    }
}
