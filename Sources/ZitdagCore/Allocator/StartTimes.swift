/// Start times for the appointments of one group of sessions that overlap in time: whether
/// they fit together (seats, job seekers, attending consultants, a series in time order), found
/// by backtracking over each appointment's start cells and remembered per set of appointments.
///
/// Appointments of different groups never overlap, so a plan whose every group packs is valid.
struct StartTimes {
    /// One appointment: a request's `index`-th, in a ``Unit``.
    struct Item {
        var request: Int
        var index: Int
        var unit: Unit
    }

    let model: Model
    /// The seats booked outside the problem.
    let empty: Schedule
    private var memo: [[UInt64]: [Int32]?] = [:]
    /// Packings worked out (not remembered): the work measure for budgets.
    private(set) var packings = 0

    init(model: Model, empty: Schedule) {
        self.model = model
        self.empty = empty
    }

    /// A start cell per item (in the order given), or `nil` when they cannot all fit.
    mutating func pack(_ items: [Item]) -> [Int32]? {
        var keyed = items.indices.map { (key: Self.key(items[$0]), position: $0) }
        keyed.sort { $0.key < $1.key }
        let key = keyed.map(\.key)
        let sorted: [Int32]?
        if let known = memo[key] {
            sorted = known
        } else {
            if memo.count > 200_000 { memo.removeAll(keepingCapacity: true) }
            packings += 1
            sorted = search(keyed.map { items[$0.position] })
            memo[key] = sorted
        }
        guard let sorted else { return nil }
        var starts = [Int32](repeating: 0, count: items.count)
        for (i, entry) in keyed.enumerated() { starts[entry.position] = sorted[i] }
        return starts
    }

    /// The request, the index, the session, the date (sessions may run past midnight) and whether the
    /// consultant comes: what decides an item's start cells.
    static func key(_ item: Item) -> UInt64 {
        let unit = item.unit
        return UInt64(item.request) << 40 ^ UInt64(item.index) << 30 ^ UInt64(unit.session) << 2
            ^ UInt64(unit.day & 1) << 1 ^ (unit.attends ? 1 : 0)
    }

    private func search(_ items: [Item]) -> [Int32]? {
        let n = items.count
        // The most constrained first.
        let order = items.indices.sorted { (items[$0].unit.starts.count, $0) < (items[$1].unit.starts.count, $1) }
        var sessions: [Int] = []
        for item in items where !sessions.contains(Int(item.unit.session)) { sessions.append(Int(item.unit.session)) }
        // Seats taken per cell of each session, starting from what is booked.
        var offsets: [Int] = []
        var load: [UInt16] = []
        for s in sessions {
            offsets.append(load.count)
            load += empty.counts[model.cellBase[s]..<(model.cellBase[s] + model.sessionCells[s])]
        }
        let sessionSlot = items.map { sessions.firstIndex(of: Int($0.unit.session))! }
        let cells = items.map { model.requestCells[$0.request] }
        let seekers = items.map { model.requestSeeker[$0.request] }
        let consultants = items.map { $0.unit.attends ? model.requestConsultant[$0.request] : -1 }
        var startSecond = [Int](repeating: 0, count: n)
        var chosen = [Int32](repeating: -1, count: n)

        func fits(_ i: Int, _ cell: Int) -> Bool {
            let s = Int(items[i].unit.session)
            let seats = model.sessionSeats[s]
            let base = offsets[sessionSlot[i]]
            for c in cell..<(cell + cells[i]) where Int(load[base + c]) >= seats { return false }
            let start = model.sessionStart[s] + cell * model.grid
            let end = start + cells[i] * model.grid
            for j in 0..<n where chosen[j] >= 0 && j != i {
                let (otherStart, otherEnd) = (startSecond[j], startSecond[j] + cells[j] * model.grid)
                if items[j].request == items[i].request {
                    if items[j].index < items[i].index ? otherEnd > start : end > otherStart { return false }
                    continue
                }
                let overlap = start < otherEnd && otherStart < end
                guard overlap else { continue }
                if seekers[j] == seekers[i] { return false }
                if consultants[i] >= 0 && consultants[j] == consultants[i] { return false }
            }
            return true
        }

        func take(_ i: Int, _ cell: Int, _ delta: Int) {
            let base = offsets[sessionSlot[i]]
            for c in cell..<(cell + cells[i]) { load[base + c] = UInt16(Int(load[base + c]) + delta) }
        }

        func place(_ depth: Int) -> Bool {
            guard depth < n else { return true }
            let i = order[depth]
            let s = Int(items[i].unit.session)
            for cell in items[i].unit.starts where fits(i, Int(cell)) {
                chosen[i] = cell
                startSecond[i] = model.sessionStart[s] + Int(cell) * model.grid
                take(i, Int(cell), 1)
                if place(depth + 1) { return true }
                take(i, Int(cell), -1)
                chosen[i] = -1
            }
            return false
        }
        return place(0) ? chosen : nil
    }
}
