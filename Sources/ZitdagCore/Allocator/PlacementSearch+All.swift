/// Enumerating every placement of a request, for ``ExactSearch``.
extension PlacementSearch {
    /// Every placement of the request that fits the schedule, or `nil` when there are more than `limit`.
    func all(for r: Int, limit: Int) -> [Placement]? {
        var run = Run(search: self, r: r)
        return run.all(limit: limit)
    }
}

extension PlacementSearch.Run {
    mutating func all(limit: Int) -> [Placement]? {
        var found: [Placement] = []
        let release = request.release.daysSinceEpoch
        let lastDay = model.lastFirstDay(of: r, ignoringDue: search.relaxation.contains(.due))
        for day in stride(from: max(release, model.firstDay), through: lastDay, by: 1) where canComplete(0, day: day) {
            let base = weights.scheduled * request.priority - weights.waitDay * request.priority * (day - release)
            for s in sessions(from: day, to: day) {
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
        let index = slots.count
        for s in sessions(from: day + request.gapDays.lowerBound, to: day + request.gapDays.upperBound) {
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
}
