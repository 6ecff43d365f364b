/// Ranking placements, for slot queries: one option per first session, best first.
extension PlacementSearch {
    /// Up to `count` placements of the request, ordered by objective and then by time, each starting in
    /// a different session; when `firstStart` is set, only series whose first appointment starts then.
    func ranked(for r: Int, count: Int, firstStart: Instant? = nil) -> [Placement] {
        var run = Run(search: self, r: r)
        return run.ranked(count: count, firstStart: firstStart?.seconds)
    }
}

extension PlacementSearch.Run {
    mutating func ranked(count: Int, firstStart: Int?) -> [Placement] {
        guard count > 0 else { return [] }
        let maxBonus = Objective.maximumBonus(of: request, weights: weights)
        let release = request.release.daysSinceEpoch
        let lastDay = model.lastFirstDay(of: r, ignoringDue: search.relaxation.contains(.due))
        // Sorted by value, highest first; equal values stay in the order found, which is time order.
        var found: [Placement] = []
        // When series continue alike from every first slot of a kind on one day (see `dedup`), the
        // best continuation is found once per (coach, kind) and reused.
        var continuations: [Int: (bonus: Int, slots: [Slot])] = [:]
        for day in stride(from: max(release, model.firstDay), through: lastDay, by: 1) {
            let base = weights.scheduled * request.priority - weights.waitDay * request.priority * (day - release)
            if found.count == count, base + maxBonus <= found[count - 1].value { break }
            if nodes > search.nodeBudget { break }
            guard canComplete(0, day: day) else { continue }
            continuations.removeAll(keepingCapacity: true)
            for s in sessions(from: day, to: day) {
                var bestInSession: (bonus: Int, slots: [Slot])?
                forEachSlot(in: s, notBefore: Int.min) { run, slot, span in
                    if let firstStart, span.start.seconds != firstStart { return false }
                    let coach = run.model.sessionCoach[s]
                    let key = coach << 1 | (slot.attends ? 1 : 0)
                    var option: (bonus: Int, slots: [Slot])?
                    if run.dedup, let known = continuations[key] {
                        option = (known.bonus, [slot] + known.slots.dropFirst())
                    } else {
                        run.slots.removeAll(keepingCapacity: true)
                        run.slots.append(slot)
                        run.bestBonus = -1
                        let bonus = slot.attends && run.request.attendance == .preferred ? run.weights.coAttendance : 0
                        run.extend(day: day, end: span.end.seconds, coach: coach, oneCoach: true, bonus: bonus)
                        if run.bestBonus >= 0 { option = (run.bestBonus, run.bestSlots) }
                        if run.dedup { continuations[key] = option ?? (-1, []) }
                    }
                    if let option, option.bonus >= 0, option.bonus > bestInSession?.bonus ?? -1 {
                        bestInSession = option
                    }
                    return bestInSession?.bonus == maxBonus || run.nodes > run.search.nodeBudget
                }
                guard let bestInSession else { continue }
                let placement = Placement(slots: bestInSession.slots, value: base + bestInSession.bonus)
                let position = found.firstIndex { $0.value < placement.value } ?? found.count
                if position < count {
                    found.insert(placement, at: position)
                    if found.count > count { found.removeLast() }
                }
            }
        }
        return found
    }
}
