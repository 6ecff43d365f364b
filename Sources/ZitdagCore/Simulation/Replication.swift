/// One run of a scenario over its horizon, with its own seeded generator: arrivals day by day, each
/// booked by the allocator's own search (online) or planned in weekly batches by its construction,
/// cancellations freeing seats, no-shows wasting them.
struct Replication {
    let scenario: Scenario
    let setup: Setup
    var random: SplitMix64
    /// Walk-in visitors and urgent cases are drawn from a stream of their own, so that a scenario's
    /// appointments come out the same with or without walk-in hours.
    var channelRandom: SplitMix64
    /// The placement search, kept from one arrival to the next.
    var search: PlacementSearch.Run

    init(scenario: Scenario, setup: Setup, random: SplitMix64, channelRandom: SplitMix64) {
        self.scenario = scenario
        self.setup = setup
        self.random = random
        self.channelRandom = channelRandom
        search = PlacementSearch.Run(search: PlacementSearch(schedule: Schedule(standingInFor: setup.schedule.model), nodeBudget: 4_000))
    }

    /// What every replication of a scenario starts from, worked out once (per thread).
    struct Setup {
        let sessions: [Session]
        /// Where the working day starts on each day that has sessions (a half-day never spans a DST
        /// change, so busy blocks are whole quarter-hours after it).
        let workingDays: [Instant]
        /// The sessions compiled for the allocator, with consultants `K0`... free all the time, and
        /// nothing booked yet: walk-in time closed, held-back seats open (``held`` fills them).
        let schedule: Schedule
        /// Seats held back for urgent bookings, as placements that fill them until their release day.
        let held: [(request: Int, placement: Placement, release: LocalDate, day: LocalDate)]
        /// The scenario's levels and languages, copied for this thread: arrays shared between threads
        /// have their reference counts bounce between cores at every arrival.
        let levels: [Scenario.Level]
        let languages: [String]
        /// The shares of the levels, of required, preferred and no attendance, and of the languages.
        let levelShares: [Double]
        let attendanceShares: [Double]
        let languageShares: [Double]

        init(_ scenario: Scenario) {
            let sessions = scenario.concreteSessions()
            self.sessions = sessions
            workingDays = Set(sessions.map(\.day)).sorted().compactMap {
                scenario.zone.instant(for: LocalDateTime(date: $0, secondOfDay: Replication.workingDay.start))
            }
            let consultants = (0..<scenario.consultants).map { Consultant(id: "K\($0)", busy: BusyCalendar()) }
            var schedule = Schedule(model: Model(Problem(
                zone: scenario.zone, gridMinutes: scenario.gridMinutes, weights: scenario.weights,
                sessions: sessions.map { $0.forBooking(today: nil, urgent: true) }, consultants: consultants, requests: [])))
            var held: [(request: Int, placement: Placement, release: LocalDate, day: LocalDate)] = []
            let grid = scenario.gridMinutes * 60
            for (s, session) in sessions.enumerated() {
                for (k, reservation) in session.reserved.enumerated() where reservation.channel == .urgent {
                    for seat in 0..<reservation.seats {
                        let name = "held-\(session.id)-\(k)-\(seat)"
                        let r = schedule.add(Request(
                            id: name, jobSeeker: name, consultant: nil, attendance: .none, duration: reservation.span.seconds, release: session.day))
                        let slot = Slot(session: Int32(s), cell: Int32((reservation.span.start - session.span.start) / grid), attends: false)
                        held.append((r, Placement(slots: [slot], value: 0), reservation.releaseDay(sessionDay: session.day), session.day))
                    }
                }
            }
            self.schedule = schedule
            // By release day: weekly half-days are listed in any order, and release days may differ.
            self.held = held.sorted { ($0.release, $0.request) < ($1.release, $1.request) }
            levels = scenario.levels.map { $0 }
            languages = scenario.languages.map(\.language)
            levelShares = scenario.levels.map(\.share)
            attendanceShares = [scenario.attendance.required, scenario.attendance.preferred, scenario.attendance.none]
            languageShares = scenario.languages.map(\.share)
        }
    }

    /// A request of the run: when it came, and what became of it.
    struct Arrival {
        var day: LocalDate
        var week: Int
        var release: LocalDate
        var request: Int
        var cancelledOn: LocalDate?
        /// ``Schedule/removals`` when its last search found no place: it is searched again only
        /// once something has been freed.
        var failedAt: Int?
    }

    mutating func run() -> ReplicationOutcome {
        var schedule = setup.schedule.withConsultantAgendas(makeAgendas())
        for seat in setup.held { schedule.place(seat.request, seat.placement) }
        var released = 0  // `setup.held` is by release day
        var taken = Set<Int>()  // held seats an urgent case took: they stay its, never released
        var urgent = ReplicationOutcome.Urgent()
        var arrivals: [Arrival] = []
        var waiting: [Int] = []
        var cancellations: [(day: LocalDate, arrival: Int)] = []
        for week in 0..<scenario.simulatedWeeks {
            let monday = scenario.start.adding(days: 7 * week)
            var today = (0..<Poisson.sample(mean: scenario.rate(week: week), using: &random)).map { _ in
                monday.adding(days: Int.random(in: 0...4, using: &random))
            }
            today.sort()
            for offset in 0..<7 {
                let day = monday.adding(days: offset)
                // Held-back seats open to every booking from their release day.
                while released < setup.held.count && setup.held[released].release <= day {
                    if !taken.contains(released) { schedule.remove(setup.held[released].request) }
                    released += 1
                }
                if let heldBack = scenario.heldBack, heldBack.urgentPerWeek > 0, offset < 5 {
                    bookUrgent(on: day, week: week, perDay: heldBack.urgentPerWeek / 5, from: released, taken: &taken, into: &urgent)
                }
                // Drop-outs of the day: their seats go back when the scenario rebooks freed seats.
                for (index, item) in cancellations.enumerated().reversed() where item.day <= day {
                    cancellations.remove(at: index)
                    arrivals[item.arrival].cancelledOn = item.day
                    waiting.removeAll { $0 == item.arrival }
                    if scenario.rebookFreed { schedule.remove(arrivals[item.arrival].request) }
                }
                for arrivalDay in today where arrivalDay == day {
                    let arrival = makeArrival(on: day, week: week, schedule: &schedule)
                    arrivals.append(arrival)
                    waiting.append(arrivals.count - 1)
                }
                if scenario.policy == .online {
                    book(&waiting, arrivals: &arrivals, schedule: &schedule, cancellations: &cancellations, today: day)
                }
            }
            if scenario.policy == .weekly {
                plan(&waiting, arrivals: arrivals, schedule: &schedule, cancellations: &cancellations, today: monday.adding(days: 6))
            }
        }
        var outcome = ReplicationOutcome(scenario: scenario, sessions: setup.sessions, schedule: schedule, arrivals: arrivals, random: &random)
        if let walkIn = scenario.walkIn { outcome.walkIn = walkInHours(walkIn.queue) }
        if (scenario.heldBack?.urgentPerWeek ?? 0) > 0 { outcome.urgent = urgent }
        return outcome
    }

    /// The day's urgent cases (Poisson): each takes the held-back seat still held whose half-day
    /// comes first, from the notice on; counted after the warm-up, within the horizon.
    mutating func bookUrgent(on day: LocalDate, week: Int, perDay: Double, from released: Int, taken: inout Set<Int>, into urgent: inout ReplicationOutcome.Urgent) {
        guard week < scenario.horizonWeeks else { return }
        let earliest = day.adding(days: scenario.minimumNoticeDays)
        for _ in 0..<Poisson.sample(mean: perDay, using: &channelRandom) {
            let counted = week >= scenario.warmupWeeks
            let seat = (released..<setup.held.count).filter { !taken.contains($0) && setup.held[$0].day >= earliest }
                .min { (setup.held[$0].day, $0) < (setup.held[$1].day, $1) }
            guard let seat else {
                if counted { urgent.unserved += 1 }
                continue
            }
            taken.insert(seat)
            if counted { urgent.waits.append(day.days(to: setup.held[seat].day)) }
        }
    }

    /// The walk-in hours of the counted weeks' half-days (after the warm-up, within the horizon).
    mutating func walkInHours(_ queue: WalkInQueue) -> ReplicationOutcome.WalkIn {
        var figures = ReplicationOutcome.WalkIn()
        for session in setup.sessions {
            let week = scenario.start.days(to: session.day) / 7
            guard week >= scenario.warmupWeeks && week < scenario.horizonWeeks else { continue }
            for reservation in session.reserved where reservation.channel == .walkIn {
                for visit in queue.visits(open: reservation.span.seconds, servers: reservation.seats, using: &channelRandom) {
                    figures.arrivals += 1
                    if let wait = visit.waitSeconds { figures.waits.append(wait / 60) } else { figures.turnedAway += 1 }
                }
            }
        }
        figures.weeks = max(0, scenario.horizonWeeks - scenario.warmupWeeks)
        return figures
    }

    /// The consultants' working day, in quarter-hours from 08:30 to 17:00, and the lengths of the
    /// blocks they are busy in, drawn alike: 45 to 180 minutes, an hour or two likelier than three
    /// (mean 103 minutes). The same as the SimPy peer model's agendas: with blocks uniform over 45 to
    /// 180 minutes (mean 112), free stretches are longer and a preferred consultant came along
    /// 0.9 points more often than there.
    static let workingDay = (start: 8 * 3600 + 1800, quarters: 34)
    static let busyBlockQuarters = [3, 4, 4, 6, 8, 8, 10, 12]

    /// Consultants busy in blocks of 45 to 180 minutes covering `busy_share` of each working day
    /// that has sessions, drawn once per run. Busy time belongs to the consultant and the hour: every
    /// session at that time sees the same agenda, whichever coach holds it.
    mutating func makeAgendas() -> [BusyCalendar] {
        let target = Int((scenario.consultantBusyShare * Double(Self.workingDay.quarters)).rounded())
        let blocks = Self.busyBlockQuarters
        return (0..<scenario.consultants).map { k in
            var busy: [Span] = []
            for origin in setup.workingDays where target > 0 {
                var taken: UInt64 = 0
                var covered = 0
                // Blocks that would overlap one already drawn are drawn again, a few times at most.
                for _ in 0..<40 where covered < target {
                    let length = min(blocks[Int.random(in: 0..<blocks.count, using: &random)], target - covered)
                    let first = Int.random(in: 0...(Self.workingDay.quarters - length), using: &random)
                    let block = ((UInt64(1) << UInt64(length)) - 1) << UInt64(first)
                    guard taken & block == 0 else { continue }
                    taken |= block
                    covered += length
                }
                // The day's busy quarter-hours as spans, in time order (blocks that touch make one).
                while taken != 0 {
                    let first = taken.trailingZeroBitCount
                    let length = (~(taken >> UInt64(first))).trailingZeroBitCount
                    busy.append(Span(start: Instant(seconds: origin.seconds + first * 900), end: Instant(seconds: origin.seconds + (first + length) * 900)))
                    taken &= ~(((UInt64(1) << UInt64(length)) - 1) << UInt64(first))
                }
            }
            return BusyCalendar(ordered: busy)
        }
    }

    private mutating func makeArrival(on day: LocalDate, week: Int, schedule: inout Schedule) -> Arrival {
        let level = setup.levels[pick(setup.levelShares) ?? 0]
        let attendance: Attendance = switch pick(setup.attendanceShares) {
        case 0: .required
        case 1: .preferred
        default: .none
        }
        let language = pick(setup.languageShares).map { setup.languages[$0] }
        var release = day.adding(days: scenario.minimumNoticeDays)
        if scenario.serviceFromNextWeek || scenario.policy == .weekly {
            release = max(release, day.adding(days: 8 - day.weekday))
        }
        let consultant = scenario.consultants > 0 ? "K\(Int.random(in: 0..<scenario.consultants, using: &random))" : nil
        let request = Request(
            id: "R\(schedule.placements.count)", jobSeeker: "J\(schedule.placements.count)", consultant: consultant,
            attendance: consultant == nil ? .none : attendance, duration: level.durationMinutes * 60, appointments: level.appointments,
            gapDays: level.gapDays, release: release, language: language)
        return Arrival(day: day, week: week, release: release, request: schedule.add(request), cancelledOn: nil)
    }

    /// Online: each waiting request, in arrival order, takes its best place now.
    private mutating func book(
        _ waiting: inout [Int], arrivals: inout [Arrival], schedule: inout Schedule, cancellations: inout [(day: LocalDate, arrival: Int)],
        today: LocalDate
    ) {
        for index in waiting where arrivals[index].failedAt != schedule.removals {
            let r = arrivals[index].request
            guard let placement = search.best(for: r, in: &schedule) else {
                arrivals[index].failedAt = schedule.removals
                continue
            }
            schedule.place(r, placement)
            placed(index, placement, schedule: schedule, cancellations: &cancellations, today: today)
        }
        waiting.removeAll { schedule.placements[arrivals[$0].request] != nil }
    }

    /// Weekly: the week's requests (and any still waiting) planned together by the allocator's
    /// construction: most valuable and hardest first, each series as a whole, bookings left in place.
    private mutating func plan(
        _ waiting: inout [Int], arrivals: [Arrival], schedule: inout Schedule, cancellations: inout [(day: LocalDate, arrival: Int)],
        today: LocalDate
    ) {
        let batch = Set(waiting.map { arrivals[$0].request })
        let order = Construction.order(schedule.model).filter { batch.contains($0) }
        Construction.build(&schedule, order: order, nodeBudget: 4_000)
        for index in waiting {
            if let placement = schedule.placements[arrivals[index].request] {
                placed(index, placement, schedule: schedule, cancellations: &cancellations, today: today)
            }
        }
        waiting.removeAll { schedule.placements[arrivals[$0].request] != nil }
    }

    /// Draws whether a just-placed request drops out before its first appointment, and when.
    private mutating func placed(
        _ index: Int, _ placement: Placement, schedule: Schedule, cancellations: inout [(day: LocalDate, arrival: Int)], today: LocalDate
    ) {
        guard Double.random(in: 0..<1, using: &random) < scenario.cancellationRate else { return }
        let first = schedule.model.problem.sessions[Int(placement.slots[0].session)].day
        let days = max(0, today.days(to: first) - 1)
        cancellations.append((today.adding(days: Int.random(in: 0...days, using: &random)), index))
    }

    /// An index drawn with the given weights, or `nil` when there are none.
    private mutating func pick(_ weights: [Double]) -> Int? {
        let total = weights.reduce(0, +)
        guard total > 0 else { return nil }
        var draw = Double.random(in: 0..<total, using: &random)
        for (index, weight) in weights.enumerated() {
            if draw < weight { return index }
            draw -= weight
        }
        return weights.count - 1
    }
}
