/// Says why a request has no place, in words a consultant can act on, by
/// searching again with one kind of constraint switched off at a time.
struct Diagnosis {
    let schedule: Schedule
    let nodeBudget: Int

    private var model: Model { schedule.model }

    func reason(for r: Int) -> String {
        let request = model.problem.requests[r]
        let window = windowText(r)
        func search(_ relaxation: PlacementSearch.Relaxation) -> Placement? {
            PlacementSearch(schedule: schedule, relaxation: relaxation, nodeBudget: nodeBudget).best(for: r)
        }
        // Seats are the usual reason, and a place with seats aside means the calendar has one too.
        if search([.seats]) == nil {
            if search([.seats, .consultant, .jobSeeker]) == nil {
                return structuralReason(r, window: window)
            }
            let slots = countFirstSlots(r)
            if let consultant = request.consultant, search([.seats, .consultant]) != nil {
                var reason = "consultant \(consultant) is busy at all \(slots) slots \(window) (attendance \(request.attendance.rawValue))"
                if let without = search([.consultant]) {
                    reason += "; first free \(firstSlotText(without, r)) without \(consultant)"
                }
                return reason
            }
            return "job seeker \(request.jobSeeker) is unavailable or already booked at all \(slots) slots \(window)"
        }
        var reason = "every session that fits \(window) is fully booked"
        if request.due != nil, let later = search([.due]) {
            reason += "; first free \(firstSlotText(later, r)), after the due date"
        }
        return reason
    }

    /// "slot is Tue 2026-12-08 09:00 in S1" (or "series starts ...").
    private func firstSlotText(_ placement: Placement, _ r: Int) -> String {
        let slot = placement.slots[0]
        let start = schedule.span(of: slot, cells: model.requestCells[r]).start
        let what = model.problem.requests[r].appointments > 1 ? "series starts" : "slot is"
        return "\(what) \(model.problem.zone.local(at: start).withWeekday) in \(model.problem.sessions[Int(slot.session)].id)"
    }

    /// Why no series fits even in an empty calendar: no session, wrong language, too short, gaps.
    private func structuralReason(_ r: Int, window: String) -> String {
        let request = model.problem.requests[r]
        let (release, last) = (request.release.daysSinceEpoch, model.lastFirstDay(of: r))
        guard !model.positions(list: 0, from: release, to: last).isEmpty else {
            let lastSession = LocalDate(daysSinceEpoch: model.lastDay)
            if request.appointments > 1 && model.lastDay >= release {
                return "the last session is on \(lastSession): too soon for a series of \(request.appointments) appointments \(request.gapDays.lowerBound)-\(request.gapDays.upperBound) days apart starting \(window)"
            }
            guard !model.problem.sessions.isEmpty else { return "the problem has no sessions" }
            return "no session \(window) (sessions run \(LocalDate(daysSinceEpoch: model.firstDay)) to \(lastSession))"
        }
        let list = model.requestList[r]
        let served = model.positions(list: list, from: release, to: last)
        if let language = request.language, served.isEmpty {
            return "no session \(window) serves language \(language)"
        }
        if !served.contains(where: { model.sessionCells[Int(model.lists[list][$0])] >= model.requestCells[r] }) {
            return "no session \(window) is long enough for \(request.duration / 60) minutes"
        }
        return "no series of \(request.appointments) appointments \(request.gapDays.lowerBound)-\(request.gapDays.upperBound) days apart fits in the sessions \(window)"
    }

    /// How many first-appointment slots in the request's window have a seat free and the job seeker
    /// free, whatever the consultant's agenda.
    private func countFirstSlots(_ r: Int) -> Int {
        let list = model.requestList[r]
        let seeker = model.requestSeeker[r]
        let cells = model.requestCells[r]
        var count = 0
        for position in model.positions(list: list, from: model.problem.requests[r].release.daysSinceEpoch, to: model.lastFirstDay(of: r)) {
            let s = Int(model.lists[list][position])
            var starts = schedule.freeStarts(session: s, cells: cells)
            while starts != 0 {
                let cell = starts.trailingZeroBitCount
                starts &= starts - 1
                let span = schedule.span(of: Slot(session: Int32(s), cell: Int32(cell), attends: false), cells: cells)
                if schedule.seekerIsFree(seeker, span) { count += 1 }
            }
        }
        return count
    }

    private func windowText(_ r: Int) -> String {
        let request = model.problem.requests[r]
        if let due = request.due { return "between release \(request.release) and due \(due)" }
        return "from release \(request.release) on"
    }
}
