/// Branch and bound over every placement of every request, for problems
/// small enough to try them all: it proves a plan optimal or finds a better one.
///
/// Requests are taken in order; each either gets one of its placements that
/// still fits or none. A branch is cut when what it has plus the best each
/// remaining request could earn alone cannot beat the best plan known.
struct ExactSearch {
    /// Placements one request may have at most for the search to start.
    static let placementLimit = 5_000

    let model: Model
    let nodeBudget: Int

    /// The optimal schedule, or `nil` when the problem is too large or the budget runs out.
    /// `incumbent` is the best schedule known: the search only looks for better ones.
    func solve(improving incumbent: Schedule) -> Schedule? {
        let empty = Schedule(model: model)
        var options: [[Placement]] = []
        for r in model.problem.requests.indices {
            guard let all = PlacementSearch(schedule: empty).all(for: r, limit: Self.placementLimit) else { return nil }
            options.append(all.sorted { $0.value > $1.value })
        }
        let order = options.indices.sorted { (options[$0].first?.value ?? 0) > (options[$1].first?.value ?? 0) }
        var ceiling = [Int](repeating: 0, count: order.count + 1)
        for i in stride(from: order.count - 1, through: 0, by: -1) {
            ceiling[i] = ceiling[i + 1] + (options[order[i]].first?.value ?? 0)
        }

        var schedule = empty
        var best = incumbent.objective
        var bestChoice: [(Int, Placement)]?
        var choice: [(Int, Placement)] = []
        var nodes = 0
        func branch(_ i: Int) -> Bool {
            nodes += 1
            guard nodes <= nodeBudget else { return false }
            if schedule.objective > best {
                best = schedule.objective
                bestChoice = choice
            }
            guard i < order.count, schedule.objective + ceiling[i] > best else { return true }
            let r = order[i]
            for placement in options[r] where schedule.objective + placement.value + ceiling[i + 1] > best {
                guard fits(placement, r, in: schedule) else { continue }
                schedule.place(r, placement)
                choice.append((r, placement))
                let finished = branch(i + 1)
                choice.removeLast()
                schedule.remove(r)
                if !finished { return false }
            }
            return branch(i + 1)
        }
        guard branch(0) else { return nil }
        guard let bestChoice else { return incumbent }
        var optimal = empty
        for (r, placement) in bestChoice { optimal.place(r, placement) }
        return optimal
    }

    private func fits(_ placement: Placement, _ r: Int, in schedule: Schedule) -> Bool {
        let cells = model.requestCells[r]
        let consultant = model.requestConsultant[r]
        return placement.slots.allSatisfy { slot in
            let span = schedule.span(of: slot, cells: cells)
            return schedule.freeStarts(session: Int(slot.session), cells: cells) & (UInt64(1) << UInt64(slot.cell)) != 0
                && schedule.seekerIsFree(model.requestSeeker[r], span)
                && (!slot.attends || consultant < 0 || schedule.consultantIsFree(consultant, span))
        }
    }
}
