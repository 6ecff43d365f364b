/// The horizon cut into consecutive runs of days, one per worker, so that several searches can
/// improve *one* large plan side by side: each moves only requests whose whole series lies in its
/// part, and only within it. Appointments of different parts never overlap in time, so no seat, job
/// seeker or consultant is shared, and the parts' changes together make a valid plan.
///
/// Requests placed across a cut stay where they are; a request left out is tried by the part its
/// release falls in (or the next one, when its series cannot fit before the cut). The search goes
/// in ``rounds``, each cut elsewhere: a request placed across one cut, and a chain of moves across
/// it, are free in the next round.
enum HorizonParts {
    /// Rounds of a search, each with a quarter of the steps and of the time. Measured on generated
    /// problems (2 workers) against one round: three regions at 10 s 0.2-0.4 % higher (9 of 9
    /// runs), two cities at 1 s 21 of 24 runs higher, one by 0.7 % on average
    /// (Benchmarks/yardstick/JOURNAL.md, *rounds*).
    static let rounds = 4

    /// The first part's share of the sessions, against an even share. The search of the first weeks
    /// gains little: in a generated region (15,000 requests, 2 workers, 250,000 steps each) the
    /// worker on the first three weeks gained 0.4 M, the one on the rest 16 M, most of it by moving
    /// requests on into the last weeks' free places, which a cut stops. A smaller first part leaves
    /// more of those moves to the second worker and gives the first some of the weeks where the
    /// gains are. Measured against an even share (one round): three generated regions at 10 s
    /// 0.1-0.4 % higher (9 of 9 runs), two cities at 1 s 19 of 24 runs higher; 0.7 gave the regions
    /// more and one city less (Benchmarks/yardstick/JOURNAL.md, *a smaller first part*).
    static let firstShare = 0.8

    /// The parts of `schedule`'s horizon for a round, the first with ``firstShare`` of an even share
    /// of the sessions in even rounds and as much more in odd ones (the cuts move; where the moved
    /// cuts would fall on one day, those of an even round), the others about as many each, or `nil`
    /// when the horizon cannot be cut: a session crosses midnight (its appointments could overlap the
    /// next day's), or there are fewer days than parts. Whether it is `nil` depends on the model
    /// alone, not on the round or the plan.
    static func split(_ schedule: Schedule, count: Int, round: Int) -> [NeighbourhoodSearch.Part]? {
        let model = schedule.model
        let sessions = model.problem.sessions.indices
        guard count >= 2, model.lastDay - model.firstDay + 1 >= count,
            sessions.allSatisfy({ model.firstDayStarts[$0] == model.sessionCells[$0] })
        else { return nil }
        let days = sessions.map { model.sessionDay[$0] }.sorted()
        // An odd round's moved cuts, or where they would fall on one day, an even round's.
        let moved = round % 2 == 1 ? cuts(days, count: count, share: 2 - firstShare, from: model.firstDay) : nil
        guard let firstDays = moved ?? cuts(days, count: count, share: firstShare, from: model.firstDay) else { return nil }
        let ranges = firstDays.indices.map { k in firstDays[k]...(k + 1 < count ? firstDays[k + 1] - 1 : model.lastDay) }
        var movable = [[Bool]](repeating: Array(repeating: false, count: model.problem.requests.count), count: count)
        for (r, request) in model.problem.requests.enumerated() {
            if let placement = schedule.placements[r] {
                let first = ranges.firstIndex { $0.contains(model.sessionDay[Int(placement.slots[0].session)]) }!
                if placement.slots.allSatisfy({ ranges[first].contains(model.sessionDay[Int($0.session)]) }) { movable[first][r] = true }
            } else {
                let release = max(request.release.daysSinceEpoch, model.firstDay)
                guard var k = ranges.firstIndex(where: { $0.contains(release) }) else { continue }
                let shortest = (request.appointments - 1) * request.gapDays.lowerBound
                if release + shortest > ranges[k].upperBound && k + 1 < count { k += 1 }
                movable[k][r] = true
            }
        }
        return ranges.indices.map { NeighbourhoodSearch.Part(days: ranges[$0], movable: movable[$0]) }
    }

    /// The first day of each part: where the running count of the sorted session `days` passes each
    /// part's share (the first part `share` of an even share, the others the rest evenly), or `nil`
    /// when two cuts fall on one day.
    private static func cuts(_ days: [Int], count: Int, share: Double, from firstDay: Int) -> [Int]? {
        let firstSessions = Double(days.count) * share / Double(count)
        var firstDays = [firstDay]
        for k in 1..<count {
            let passed = firstSessions + (Double(days.count) - firstSessions) * Double(k - 1) / Double(count - 1)
            let cut = days[min(days.count - 1, Int(passed))]
            guard cut > firstDays.last! else { return nil }
            firstDays.append(cut)
        }
        return firstDays
    }

    /// `start` with every part's changes to its own requests.
    static func merge(_ start: Schedule, parts: [NeighbourhoodSearch.Part], results: [Schedule]) -> Schedule {
        var merged = start
        var changed: [(request: Int, placement: Placement?)] = []
        for (part, result) in zip(parts, results) {
            for r in part.movable.indices where part.movable[r] && result.placements[r] != start.placements[r] {
                changed.append((r, result.placements[r]))
            }
        }
        // Every request that moved leaves first: one may take a seat another left within its part.
        for (r, _) in changed where merged.placements[r] != nil { merged.remove(r) }
        for (r, placement) in changed {
            if let placement { merged.place(r, placement) }
        }
        return merged
    }
}
