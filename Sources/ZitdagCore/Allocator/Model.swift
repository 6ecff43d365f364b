/// A problem compiled to arrays of integers for the allocator's inner loops:
/// sessions indexed by language and day, times in seconds, durations in grid cells.
struct Model: Sendable {
    private(set) var problem: Problem
    /// The sessions compiled: shared by every copy of the model (a copy retains one object, not
    /// two dozen arrays), since only the requests change after compiling.
    private let sessions: CompiledSessions
    /// Per request: its session list, duration in cells, job seeker and consultant indices (-1: none),
    /// and priority.
    private(set) var requestList: [Int]
    private(set) var requestCells: [Int]
    private(set) var requestSeeker: [Int]
    private(set) var requestConsultant: [Int]
    private(set) var requestPriority: [Int]
    private(set) var seekerIndex: [String: Int]
    /// Per job seeker: the unavailable times of all their requests.
    private(set) var seekerUnavailable: [BusyCalendar]
    private(set) var consultantBusy: [BusyCalendar]
    private(set) var seekerCount: Int
    /// The requests of each consultant and of each job seeker.
    private(set) var consultantRequests: [[Int32]]
    private(set) var seekerRequests: [[Int32]]

    init(_ problem: Problem) {
        self.problem = problem
        let sessions = CompiledSessions(problem)
        self.sessions = sessions
        let grid = sessions.grid
        let languageList = sessions.languageList
        requestList = problem.requests.map { $0.language.map { languageList[$0]! } ?? 0 }
        requestCells = problem.requests.map { $0.duration / grid }
        requestPriority = problem.requests.map(\.priority)
        let seekers = Dictionary(Set(problem.requests.map(\.jobSeeker)).sorted().enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        seekerIndex = seekers
        let requestSeeker = problem.requests.map { seekers[$0.jobSeeker]! }
        self.requestSeeker = requestSeeker
        seekerCount = seekers.count
        let consultants = sessions.consultantIndex
        let requestConsultant = problem.requests.map { $0.consultant.flatMap { consultants[$0] } ?? -1 }
        self.requestConsultant = requestConsultant
        var unavailable = [[Span]](repeating: [], count: seekers.count)
        for (r, request) in problem.requests.enumerated() {
            unavailable[requestSeeker[r]] += request.unavailable.spans
        }
        seekerUnavailable = unavailable.map { BusyCalendar($0) }
        var consultantRequests = [[Int32]](repeating: [], count: problem.consultants.count)
        var seekerRequests = [[Int32]](repeating: [], count: seekers.count)
        for r in problem.requests.indices {
            if requestConsultant[r] >= 0 { consultantRequests[requestConsultant[r]].append(Int32(r)) }
            seekerRequests[requestSeeker[r]].append(Int32(r))
        }
        self.consultantRequests = consultantRequests
        self.seekerRequests = seekerRequests
        consultantBusy = problem.consultants.map(\.busy)
    }

    /// The same model with other agendas for its consultants (the same ones, in the same order): what
    /// a simulation's replications differ in, without compiling the sessions again.
    func withConsultantAgendas(_ busy: [BusyCalendar]) -> Model {
        precondition(busy.count == consultantBusy.count, "one agenda per consultant")
        var model = self
        model.consultantBusy = busy
        for k in busy.indices { model.problem.consultants[k].busy = busy[k] }
        return model
    }

    /// The same model compiled anew from a copy of its problem that shares no array with it, for a
    /// search on another thread: two threads retaining and releasing the same arrays wait on each
    /// other's cache line. Measured on generated job teams with 2 workers at a step budget: reference
    /// counting from a fifth of the time to a tenth.
    func unshared() -> Model {
        var copy = problem
        // `map` makes new arrays (a calendar keeps the array it is given: its spans are mapped too).
        copy.requests = problem.requests.map { request in
            var request = request
            request.unavailable = BusyCalendar(ordered: request.unavailable.spans.map { $0 })
            return request
        }
        copy.consultants = problem.consultants.map { consultant in
            var consultant = consultant
            consultant.busy = BusyCalendar(ordered: consultant.busy.spans.map { $0 })
            return consultant
        }
        copy.sessions = problem.sessions.map { $0 }
        return Model(copy)
    }

    /// Adds one request and returns its index. Everything else stays shared with the model it was
    /// copied from, so asking about one request costs nothing like compiling the whole problem again.
    mutating func add(_ request: Request) -> Int {
        let r = problem.requests.count
        problem.requests.append(request)
        requestList.append(request.language.map { languageList[$0] ?? otherLanguageList } ?? 0)
        requestCells.append(request.duration / grid)
        requestPriority.append(request.priority)
        let seeker: Int
        if let known = seekerIndex[request.jobSeeker] {
            seeker = known
            seekerUnavailable[seeker] = BusyCalendar(seekerUnavailable[seeker].spans + request.unavailable.spans)
            seekerRequests[seeker].append(Int32(r))
        } else {
            seeker = seekerCount
            seekerCount += 1
            seekerIndex[request.jobSeeker] = seeker
            seekerUnavailable.append(request.unavailable)
            seekerRequests.append([Int32(r)])
        }
        requestSeeker.append(seeker)
        let consultant = request.consultant.flatMap { consultantIndex[$0] } ?? -1
        requestConsultant.append(consultant)
        if consultant >= 0 { consultantRequests[consultant].append(Int32(r)) }
        return r
    }

    /// The sessions of `list` on days `from...to` (clamped), as a range of positions in the list.
    func positions(list: Int, from: Int, to: Int) -> Range<Int> {
        Self.positions(dayStarts: dayStarts[list], firstDay: firstDay, lastDay: lastDay, from: from, to: to)
    }

    /// The same for a list's ``dayStarts``, for callers that keep them at hand.
    static func positions(dayStarts starts: [Int32], firstDay: Int, lastDay: Int, from: Int, to: Int) -> Range<Int> {
        let low = max(from, firstDay)
        let high = min(to, lastDay)
        guard low <= high else { return 0..<0 }
        return Int(starts[low - firstDay])..<Int(starts[high - firstDay + 1])
    }

    /// The last day a request's first appointment may fall on.
    func lastFirstDay(of r: Int, ignoringDue: Bool = false) -> Int {
        let request = problem.requests[r]
        let latest = lastDay - request.gapDays.lowerBound * (request.appointments - 1)
        guard !ignoringDue, let due = request.due else { return latest }
        return min(due.daysSinceEpoch, latest)
    }
}

/// What the compiled sessions hold, read through (see ``CompiledSessions``).
extension Model {
    var grid: Int { sessions.grid }
    var sessionStart: [Int] { sessions.sessionStart }
    var sessionDay: [Int] { sessions.sessionDay }
    var sessionCells: [Int] { sessions.sessionCells }
    var sessionSeats: [Int] { sessions.sessionSeats }
    var sessionCoach: [Int] { sessions.sessionCoach }
    var coachCount: Int { sessions.coachCount }
    var cellBase: [Int] { sessions.cellBase }
    var totalCells: Int { sessions.totalCells }
    var lists: [[Int32]] { sessions.lists }
    var shapeEnds: [[Int32]] { sessions.shapeEnds }
    var coachSessions: [[Int32]] { sessions.coachSessions }
    var sessionLists: [UInt64] { sessions.sessionLists }
    var dayStarts: [[Int32]] { sessions.dayStarts }
    var firstDay: Int { sessions.firstDay }
    var lastDay: Int { sessions.lastDay }
    var languageList: [String: Int] { sessions.languageList }
    var otherLanguageList: Int { sessions.otherLanguageList }
    var consultantIndex: [String: Int] { sessions.consultantIndex }
    var firstDayStarts: [Int] { sessions.firstDayStarts }
    var sessionGroup: [Int] { sessions.sessionGroup }
    var groupCount: Int { sessions.groupCount }
    var groupSessions: [[Int32]] { sessions.groupSessions }
}

/// The part of a ``Model`` that stays as compiled: sessions, lists, groups and the consultants' indices.
final class CompiledSessions: Sendable {
    let grid: Int
    let sessionStart: [Int]
    let sessionDay: [Int]
    let sessionCells: [Int]
    let sessionSeats: [Int]
    let sessionCoach: [Int]
    let coachCount: Int
    /// Where each session's cells begin in ``Schedule``'s flat counters.
    let cellBase: [Int]
    let totalCells: Int
    /// Session lists by language, each sorted by (day, start, length): list 0 holds every session.
    let lists: [[Int32]]
    /// For each list and position, where the run of sessions with the same day, start and length
    /// ends. Whether a job seeker or a consultant is free depends only on the time, so a search that
    /// finds them busy in one session of a run skips the whole run: on a region's wide days that
    /// is hundreds of sessions at a time.
    let shapeEnds: [[Int32]]
    /// Per coach: their sessions sorted by (day, start).
    let coachSessions: [[Int32]]
    /// Per session: bit `l` is set when it is in list `l` (at most 64 lists: 63 languages).
    let sessionLists: [UInt64]
    /// For each list, the index of the first session on or after `firstDay + i`.
    let dayStarts: [[Int32]]
    let firstDay: Int
    let lastDay: Int
    /// Session list by language: the languages sessions or requests name get lists 1..., and a request
    /// in any other language takes the last list (sessions that serve every language).
    let languageList: [String: Int]
    let otherLanguageList: Int
    let consultantIndex: [String: Int]
    /// Per session: how many of its start cells fall on the local date it starts on (all of them,
    /// unless it runs past midnight). Appointments are dated by their start, and the searches date a
    /// slot by its session's day, so they use only these; ``SeriesOptions`` dates every cell itself.
    let firstDayStarts: [Int]
    /// Per session: its group of sessions that overlap in time, numbered in time order. Appointments
    /// in different groups never overlap, so start times can be decided group by group.
    let sessionGroup: [Int]
    let groupCount: Int
    let groupSessions: [[Int32]]

    init(_ problem: Problem) {
        let grid = problem.gridSeconds
        self.grid = grid
        let sessions = problem.sessions
        let sessionStart = sessions.map(\.span.start.seconds)
        let sessionDay = sessions.map(\.day.daysSinceEpoch)
        self.sessionStart = sessionStart
        self.sessionDay = sessionDay
        sessionCells = sessions.map { $0.span.seconds / grid }
        sessionSeats = sessions.map(\.seats)
        let coaches = Dictionary(Set(sessions.map(\.coach)).sorted().enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let sessionCoach = sessions.map { coaches[$0.coach]! }
        self.sessionCoach = sessionCoach
        coachCount = coaches.count
        var base = 0
        cellBase = sessionCells.map { cells in
            defer { base += cells }
            return base
        }
        totalCells = base

        let sessionCells = self.sessionCells
        let ordered = sessions.indices.sorted { a, b in
            (sessionDay[a], sessionStart[a], sessionCells[a], a) < (sessionDay[b], sessionStart[b], sessionCells[b], b)
        }.map { Int32($0) }
        let languages = Set(problem.requests.compactMap(\.language) + sessions.flatMap { $0.languages ?? [] }).sorted()
        let languageList = Dictionary(languages.enumerated().map { ($1, $0 + 1) }, uniquingKeysWith: { a, _ in a })
        self.languageList = languageList
        otherLanguageList = languages.count + 1
        var lists = [ordered]
        for language in languages {
            lists.append(ordered.filter { sessions[Int($0)].serves(language) })
        }
        lists.append(ordered.filter { sessions[Int($0)].languages == nil })
        self.lists = lists
        shapeEnds = lists.map { list in
            var ends = [Int32](repeating: Int32(list.count), count: list.count)
            for position in stride(from: list.count - 2, through: 0, by: -1) {
                let (a, b) = (Int(list[position]), Int(list[position + 1]))
                let same = sessionStart[a] == sessionStart[b] && sessionCells[a] == sessionCells[b]
                ends[position] = same ? ends[position + 1] : Int32(position + 1)
            }
            return ends
        }
        var coachSessions = [[Int32]](repeating: [], count: coaches.count)
        var sessionLists = [UInt64](repeating: 0, count: sessions.count)
        for s in ordered { coachSessions[sessionCoach[Int(s)]].append(s) }
        for (l, list) in lists.enumerated() where l < 64 {
            for s in list { sessionLists[Int(s)] |= 1 << UInt64(l) }
        }
        self.coachSessions = coachSessions
        self.sessionLists = sessionLists
        let firstDay = sessionDay.min() ?? 0
        self.firstDay = firstDay
        lastDay = sessionDay.max() ?? 0
        firstDayStarts = sessions.indices.map { s in
            let next = sessions[s].day.adding(days: 1)
            guard let midnight = problem.zone.instant(for: LocalDateTime(date: next, secondOfDay: 0)),
                midnight < sessions[s].span.end
            else { return sessionCells[s] }
            return max(0, (midnight.seconds - sessionStart[s] + grid - 1) / grid)
        }
        var sessionGroup = [Int](repeating: 0, count: sessions.count)
        var groupCount = 0
        var groupEnd = Int.min
        for s in sessions.indices.sorted(by: { (sessionStart[$0], $0) < (sessionStart[$1], $1) }) {
            if sessionStart[s] >= groupEnd { groupCount += 1 }
            groupEnd = max(groupEnd, sessions[s].span.end.seconds)
            sessionGroup[s] = groupCount - 1
        }
        self.sessionGroup = sessionGroup
        self.groupCount = groupCount
        var groupSessions = [[Int32]](repeating: [], count: groupCount)
        for s in sessions.indices { groupSessions[sessionGroup[s]].append(Int32(s)) }
        self.groupSessions = groupSessions
        let dayCount = lastDay - firstDay + 2
        dayStarts = lists.map { list in
            var starts = [Int32](repeating: Int32(list.count), count: dayCount)
            var i = list.count - 1
            for offset in stride(from: dayCount - 1, through: 0, by: -1) {
                while i >= 0 && sessionDay[Int(list[i])] >= firstDay + offset { i -= 1 }
                starts[offset] = Int32(i + 1)
            }
            return starts
        }

        consultantIndex = Dictionary(problem.consultants.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    }
}
