/// One appointment's place decided up to its start time: a session on one local date, with or
/// without the consultant, and the start cells there that suit the job seeker, the consultant
/// (when along) and the seats booked outside the problem.
struct Unit: Sendable {
    var session: Int32
    var day: Int
    var attends: Bool
    /// Start cells, ascending.
    var starts: [Int32]

    /// The session, the date's parity (sessions may run past midnight) and whether the consultant
    /// comes: with the request and the index, what decides the start cells.
    var key: UInt64 { UInt64(session) << 2 ^ UInt64(day & 1) << 1 ^ (attends ? 1 : 0) }
}

/// Every way to place one request's series, decided up to start times (its *macro* choices):
/// the value of a plan depends on these alone, so an exact search can branch on them and leave
/// start times to ``StartTimes``.
struct SeriesOptions: Sendable {
    let request: Int
    var units: [Unit] = []
    /// Option `i` is `optionUnits[i·n ..< (i+1)·n]` (indices into `units`, one per appointment in
    /// time order) and earns `values[i]`; options are sorted best first.
    var optionUnits: [Int32] = []
    var values: [Int] = []
    /// What the exact search's inner loop reads, per option `i` and appointment `k` at `i·n + k`:
    /// the group of its unit's session, and the ``StartTimes/Digest`` of the appointment in it
    /// (added and taken out as the search chooses and backtracks); per option, the groups it
    /// touches as bits `group % 64`.
    var optionGroups: [Int32] = []
    /// The session of each option's appointments, at `i·n + k` as above.
    var optionSessions: [Int32] = []
    var optionDigests: [StartTimes.Digest] = []
    var optionMasks: [UInt64] = []
    /// Per option, whether each of its appointments is in a group of its own (its mask has a bit
    /// per appointment): worked out here, since the inner loop asks it of every option it tries.
    var optionApart: [Bool] = []

    var count: Int { values.count }

    func units(of option: Int, appointments n: Int) -> ArraySlice<Int32> {
        optionUnits[(option * n)..<((option + 1) * n)]
    }

    /// The option a placement is in (its sessions, dates and attendance), or `nil` when it is in none.
    func option(of placement: Placement, in schedule: Schedule) -> Int? {
        let n = placement.slots.count
        let days = placement.slots.map { schedule.dayOfSlot($0) }
        return values.indices.first { i in
            values[i] == placement.value && (0..<n).allSatisfy { k in
                let unit = units[Int(optionUnits[i * n + k])]
                return unit.session == placement.slots[k].session && unit.day == days[k] && unit.attends == placement.slots[k].attends
            }
        }
    }

    /// Every option of request `r`, or `nil` when there are more than `limit`.
    init?(request r: Int, model: Model, empty: Schedule, limit: Int) {
        self.request = r
        let request = model.problem.requests[r]
        let n = request.appointments
        let gaps = request.gapDays
        let release = request.release.daysSinceEpoch
        let lastFirst = request.due.map { $0.daysSinceEpoch } ?? Int.max
        let lastAny = lastFirst == Int.max ? Int.max : lastFirst + (n - 1) * gaps.upperBound
        // Units by day. A session crossing midnight may start the day before the release.
        var byDay: [Int: [Int32]] = [:]
        let list = model.requestList[r]
        for position in model.positions(list: list, from: release - 1, to: lastAny == Int.max ? model.lastDay : lastAny) {
            for unit in Self.units(of: r, in: Int(model.lists[list][position]), model: model, empty: empty)
            where unit.day >= release && unit.day <= lastAny {
                byDay[unit.day, default: []].append(Int32(units.count))
                units.append(unit)
            }
        }
        let days = byDay.keys.sorted()
        guard let firstDay = days.first, let lastDay = days.last else { return }
        // Which (appointment, day) can still be followed by the rest of the series.
        var completable = [[Bool]](repeating: [], count: n)
        for k in stride(from: n - 1, through: 0, by: -1) {
            completable[k] = (firstDay...lastDay).map { day in
                guard byDay[day] != nil else { return false }
                guard k + 1 < n else { return true }
                return gaps.contains { gap in
                    let next = day + gap - firstDay
                    return next <= lastDay - firstDay && completable[k + 1][next]
                }
            }
        }
        var found: [(units: [Int32], value: Int)] = []
        var chosen: [Int32] = []
        let weights = model.problem.weights
        let units = self.units
        var overflow = false
        func extend(day previous: Int) {
            guard !overflow else { return }
            let k = chosen.count
            if k == n {
                let first = units[Int(chosen[0])]
                let coach = model.sessionCoach[Int(first.session)]
                let oneCoach = chosen.allSatisfy { model.sessionCoach[Int(units[Int($0)].session)] == coach }
                let attended = chosen.filter { units[Int($0)].attends }.count
                found.append((chosen, Objective.value(
                    of: request, firstDay: LocalDate(daysSinceEpoch: first.day), oneCoach: oneCoach, attended: attended,
                    weights: weights)))
                overflow = found.count > limit
                return
            }
            let low = k == 0 ? max(release, firstDay) : max(previous + gaps.lowerBound, firstDay)
            let high = k == 0 ? min(lastFirst, lastDay) : min(previous + gaps.upperBound, lastDay)
            guard low <= high else { return }
            for day in low...high where completable[k][day - firstDay] {
                for u in byDay[day]! {
                    // Index order is time order: a later appointment may not sit in an earlier group.
                    if k > 0 && model.sessionGroup[Int(units[Int(u)].session)] < model.sessionGroup[Int(units[Int(chosen[k - 1])].session)] {
                        continue
                    }
                    chosen.append(u)
                    extend(day: day)
                    chosen.removeLast()
                }
            }
        }
        extend(day: 0)
        if overflow { return nil }
        // Best first; among equals, the earliest (enumeration order).
        let order = found.indices.sorted { (found[$0].value, -$0) > (found[$1].value, -$1) }
        optionUnits.reserveCapacity(order.count * n)
        for i in order {
            optionUnits += found[i].units
            values.append(found[i].value)
        }
        optionSessions = optionUnits.map { units[Int($0)].session }
        optionGroups = optionSessions.map { Int32(model.sessionGroup[Int($0)]) }
        optionDigests = optionUnits.indices.map { StartTimes.Digest(request: r, index: $0 % n, unitKey: units[Int(optionUnits[$0])].key) }
        optionMasks = values.indices.map { i in
            (0..<n).reduce(UInt64(0)) { $0 | 1 << UInt64(optionGroups[i * n + $1] & 63) }
        }
        optionApart = optionMasks.map { $0.nonzeroBitCount == n }
    }

    /// The units request `r` has in session `s`: per local date and kind of attendance, the start
    /// cells that suit its job seeker's calendar, its consultant's (when along) and the booked seats.
    static func units(of r: Int, in s: Int, model: Model, empty: Schedule) -> [Unit] {
        let cells = model.requestCells[r]
        let positions = model.sessionCells[s] - cells + 1
        guard positions > 0 else { return [] }
        let duration = cells * model.grid
        let seeker = model.requestSeeker[r]
        let consultant = model.requestConsultant[r]
        let attendOptions: [Bool] = switch model.problem.requests[r].attendance {
        case .required: [true]
        case .preferred: [true, false]
        case .none: [false]
        }
        var startsByDay: [(day: Int, seeker: [Int32], consultant: [Int32])] = []
        let base = model.cellBase[s]
        for cell in 0..<positions {
            guard (0..<cells).allSatisfy({ Int(empty.counts[base + cell + $0]) < model.sessionSeats[s] }) else { continue }
            let start = model.sessionStart[s] + cell * model.grid
            let span = Span(start: Instant(seconds: start), end: Instant(seconds: start + duration))
            guard model.seekerUnavailable[seeker].isFree(span) else { continue }
            let day = cell < model.firstDayStarts[s] ? model.sessionDay[s] : model.problem.zone.local(at: span.start).date.daysSinceEpoch
            if startsByDay.last?.day != day { startsByDay.append((day, [], [])) }
            startsByDay[startsByDay.count - 1].seeker.append(Int32(cell))
            if consultant >= 0 && model.consultantBusy[consultant].isFree(span) {
                startsByDay[startsByDay.count - 1].consultant.append(Int32(cell))
            }
        }
        var units: [Unit] = []
        for (day, seekerStarts, consultantStarts) in startsByDay {
            for attends in attendOptions {
                let starts = attends ? consultantStarts : seekerStarts
                if !starts.isEmpty { units.append(Unit(session: Int32(s), day: day, attends: attends, starts: starts)) }
            }
        }
        return units
    }
}
