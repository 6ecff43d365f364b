/// Says why a request has no place, in words a consultant can act on, by
/// searching again with one kind of constraint switched off at a time.
struct Diagnosis {
    let schedule: Schedule
    let nodeBudget: Int
    /// The same problem with no request placed: only seats booked outside it are taken. What does
    /// not fit here does not fit in any plan.
    let empty: Schedule

    init(schedule: Schedule, nodeBudget: Int) {
        self.schedule = schedule
        self.nodeBudget = nodeBudget
        empty = Schedule(model: schedule.model)
    }

    private var model: Model { schedule.model }

    func reason(for r: Int) -> Text {
        let request = model.problem.requests[r]
        let window = windowText(r)
        func search(_ relaxation: PlacementSearch.Relaxation, in schedule: Schedule) -> Placement? {
            PlacementSearch(schedule: schedule, relaxation: relaxation, nodeBudget: nodeBudget).best(for: r)
        }
        // A place exists in the problem: the plan gave it to others.
        if let alone = search([], in: empty) {
            let standing = blockers(of: alone, r)
            let others = standing.map { model.problem.requests[$0].id }
            var reason: Text
            if others.isEmpty {
                reason = Text("a place exists (\(firstSlotText(alone, r))) but the search did not reach it")
            } else {
                let names = others.count > 5
                    ? Text("\(others.prefix(5).joined(separator: ", ")) and \(others.count - 5) more") : Text(verbatim: others.joined(separator: ", "))
                // "Values more" only when each of them is worth more than this request at its best.
                let more = standing.allSatisfy { (schedule.placements[$0]?.value ?? 0) > alone.value }
                reason = more
                    ? Text("the places it could take went to requests this plan values more: its best place (\(firstSlotText(alone, r))) is taken by \(names)")
                    : Text("the places it could take went to other requests: its best place (\(firstSlotText(alone, r))) is taken by \(names)")
            }
            if request.due != nil, search([], in: schedule) == nil, let later = search([.due], in: schedule) {
                reason = Text("\(reason); first free \(firstSlotText(later, r)), after the due date")
            }
            return reason
        }
        if search([.seats], in: empty) != nil {
            var reason = Text("every session that fits \(window) is fully booked")
            if request.due != nil, let later = search([.due], in: schedule) {
                reason = Text("\(reason); first free \(firstSlotText(later, r)), after the due date")
            }
            return reason
        }
        if search([.seats, .consultant, .jobSeeker], in: empty) == nil {
            return structuralReason(r, window: window)
        }
        let slots = countFirstSlots(r)
        let every = slots > 0 ? Text("every one of the \(count: slots, "slot")") : Text("every slot")
        if let consultant = request.consultant, search([.seats, .consultant], in: empty) != nil {
            // Not "their agenda is busy": the desk counts the appointments they come along to as busy
            // too, and an empty agenda then read as a falsehood.
            var reason = Text(
                "consultant \(consultant) is not free (busy, or along to another appointment) at \(every) \(window) (attendance \(request.attendance.rawValue))")
            if let without = search([.consultant], in: schedule) {
                reason = Text("\(reason); first free \(firstSlotText(without, r)) without \(consultant)")
            }
            return reason
        }
        return Text("job seeker \(request.jobSeeker) is unavailable at \(every) \(window)")
    }

    /// The requests in the plan that stand where `placement` would go: sharing a full session at its
    /// time, or its job seeker or attending consultant.
    private func blockers(of placement: Placement, _ r: Int) -> [Int] {
        let cells = model.requestCells[r]
        let seeker = model.requestSeeker[r]
        let consultant = model.requestConsultant[r]
        var found: [Int] = []
        for slot in placement.slots {
            let s = Int(slot.session)
            let span = schedule.span(of: slot, cells: cells)
            let full = schedule.freeStarts(session: s, cells: cells) & (UInt64(1) << UInt64(min(Int(slot.cell), 63))) == 0
            // Who can stand there: those in the session, the job seeker's and the consultant's own
            // requests. (Not every request in the sessions at that time: on the stress size's wide
            // days that was hundreds of sessions for each request left out, half of a solve.)
            var candidates = schedule.occupants[s]
            candidates += model.seekerRequests[seeker]
            if slot.attends && consultant >= 0 { candidates += model.consultantRequests[consultant] }
            for o in candidates where !found.contains(Int(o)) {
                let other = Int(o)
                guard let theirs = schedule.placements[other] else { continue }
                let stands = theirs.slots.contains { their in
                    let overlap = schedule.span(of: their, cells: model.requestCells[other]).overlaps(span)
                    return overlap && ((full && their.session == slot.session) || model.requestSeeker[other] == seeker
                        || (slot.attends && their.attends && consultant >= 0 && model.requestConsultant[other] == consultant))
                }
                if stands { found.append(other) }
            }
        }
        return found.sorted()
    }

    /// "slot is Tue 2026-12-08 09:00 in S1" (or "series starts ...").
    private func firstSlotText(_ placement: Placement, _ r: Int) -> Text {
        let slot = placement.slots[0]
        let start = model.problem.zone.local(at: schedule.span(of: slot, cells: model.requestCells[r]).start)
        let session = model.problem.sessions[Int(slot.session)].id
        return model.problem.requests[r].appointments > 1
            ? Text("series starts \(weekday: start) in \(session)") : Text("slot is \(weekday: start) in \(session)")
    }

    /// Why no series fits even in an empty calendar: no session, wrong language, too short, gaps.
    private func structuralReason(_ r: Int, window: Text) -> Text {
        let request = model.problem.requests[r]
        let (release, last) = (request.release.daysSinceEpoch, model.lastFirstDay(of: r))
        guard !model.positions(list: 0, from: release, to: last).isEmpty else {
            let lastSession = LocalDate(daysSinceEpoch: model.lastDay)
            if request.appointments > 1 && model.lastDay >= release {
                return Text(
                    "the last session is on \(lastSession): too soon for a series of \(request.appointments) appointments \(request.gapDays.lowerBound)-\(request.gapDays.upperBound) days apart starting \(window)")
            }
            guard !model.problem.sessions.isEmpty else { return Text("the problem has no sessions") }
            return Text("no session \(window) (sessions run \(LocalDate(daysSinceEpoch: model.firstDay)) to \(lastSession))")
        }
        let list = model.requestList[r]
        let served = model.positions(list: list, from: release, to: last)
        if let language = request.language, served.isEmpty {
            return Text("no session \(window) serves language \(language)")
        }
        if !served.contains(where: { model.sessionCells[Int(model.lists[list][$0])] >= model.requestCells[r] }) {
            return Text("no session \(window) is long enough for \(request.duration / 60) minutes")
        }
        return Text("no series of \(request.appointments) appointments \(request.gapDays.lowerBound)-\(request.gapDays.upperBound) days apart fits in the sessions \(window)")
    }

    /// How many first-appointment slots in the request's window have a seat free (of those booked
    /// outside the plan) and the job seeker free, whatever the consultant's agenda.
    private func countFirstSlots(_ r: Int) -> Int {
        let list = model.requestList[r]
        let seeker = model.requestSeeker[r]
        let cells = model.requestCells[r]
        var count = 0
        for position in model.positions(list: list, from: model.problem.requests[r].release.daysSinceEpoch, to: model.lastFirstDay(of: r)) {
            let s = Int(model.lists[list][position])
            var starts = empty.freeStarts(session: s, cells: cells)
            while starts != 0 {
                let cell = starts.trailingZeroBitCount
                starts &= starts - 1
                let span = empty.span(of: Slot(session: Int32(s), cell: Int32(cell), attends: false), cells: cells)
                if empty.seekerIsFree(seeker, span) { count += 1 }
            }
        }
        return count
    }

    private func windowText(_ r: Int) -> Text {
        let request = model.problem.requests[r]
        if let due = request.due { return Text("between release \(request.release) and due \(due)") }
        return Text("from release \(request.release) on")
    }
}
