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

    /// An order-free digest of a set of items: the wrapping sum of two mixes of each item's key, so
    /// adding or taking out an item is one addition and no list has to be sorted or hashed. Two
    /// independent 64-bit sums make a collision (a wrong answer from memory) vanishingly unlikely.
    struct Digest: Sendable {
        var a: UInt64 = 0
        var b: UInt64 = 0

        init() {}

        init(a: UInt64, b: UInt64) {
            self.a = a
            self.b = b
        }

        init(_ item: Item) {
            self.init(request: item.request, index: item.index, unitKey: item.unit.key)
        }

        init(request: Int, index: Int, unitKey: UInt64) {
            let key = StartTimes.key(request: request, index: index, unitKey: unitKey)
            a = Self.mix(key)
            b = Self.mix(key ^ 0xD6E8_FEB8_6659_FD93)
        }

        static func + (x: Digest, y: Digest) -> Digest {
            var sum = Digest()
            sum.a = x.a &+ y.a
            sum.b = x.b &+ y.b
            return sum
        }

        static func - (x: Digest, y: Digest) -> Digest {
            var difference = Digest()
            difference.a = x.a &- y.a
            difference.b = x.b &- y.b
            return difference
        }

        /// SplitMix64's finaliser.
        private static func mix(_ x: UInt64) -> UInt64 {
            var z = x &+ 0x9E37_79B9_7F4A_7C15
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    let model: Model
    /// The seats booked outside the problem.
    let empty: Schedule
    /// Per session, the seat-cells those bookings leave free: a packing that asks a session for more
    /// cannot fit in any order.
    let freeSeatCells: [Int]
    private var memo = Memo()
    /// The backtracking's arrays, kept from one packing to the next: made anew for each packing,
    /// their allocations cost a job team's search 12-17 % of its time.
    private var scratch = Scratch()
    /// Start cells one packing may try: a crowded group could otherwise take exponential time.
    var tryBudget = 20_000
    /// Whether some packing asked for since ``countGivingUpAfresh()`` ran out of tries and was
    /// taken as not fitting (so nothing is proven).
    private(set) var gaveUp = false

    init(model: Model, empty: Schedule) {
        self.model = model
        self.empty = empty
        freeSeatCells = model.sessionCells.indices.map { s in
            let base = model.cellBase[s]
            return empty.counts[base..<(base + model.sessionCells[s])].reduce(0) { $0 + max(0, model.sessionSeats[s] - Int($1)) }
        }
    }

    /// Starts counting packings that give up afresh. The answers stay: a digest names every item of
    /// a packing, those of the requests that stay included, so an answer holds in every search.
    mutating func countGivingUpAfresh() {
        gaveUp = false
    }

    /// Whether the set of items whose digest is `digest` was found to fit, if it was seen before.
    mutating func answer(for digest: Digest) -> Bool? {
        switch memo.answer(for: digest) {
        case nil: return nil
        case .fits: return true
        case .doesNotFit: return false
        case .gaveUp:
            gaveUp = true
            return false
        }
    }

    /// Whether `items`, whose digest is `digest` and which were not seen before, fit together;
    /// remembered.
    mutating func packs(_ digest: Digest, _ items: [Item]) -> Bool {
        if memo.count > Self.memoLimit { memo.removeAll() }
        let before = gaveUp
        gaveUp = false
        let found = packs(items) != nil
        memo.remember(found ? .fits : gaveUp ? .gaveUp : .doesNotFit, for: digest)
        gaveUp = gaveUp || before
        return found
    }

    /// Answers remembered at most (about 12 MB), then forgotten all at once.
    static let memoLimit = 200_000

    /// A start cell per item (in the order given), or `nil` when they cannot all fit.
    mutating func starts(_ items: [Item]) -> [Int32]? {
        guard let order = packs(items) else { return nil }
        var starts = [Int32](repeating: 0, count: items.count)
        for (i, position) in order.enumerated() { starts[position] = Int32(scratch.found[i]) }
        return starts
    }

    /// Searches the items in the order of their keys, so that one set of items gets one answer
    /// whatever the order given (the try budget could otherwise tell two orders apart); returns
    /// that order when they fit, their start cells in `scratch.found`.
    private mutating func packs(_ items: [Item]) -> [Int]? {
        let order = items.indices.sorted { Self.key(items[$0]) < Self.key(items[$1]) }
        return search(order.map { items[$0] }) ? order : nil
    }

    /// Answers by digest, in a table of its own: open addressing on the digest's first half (already
    /// a strong mix), both halves compared. A `Dictionary` hashed every digest again on each lookup,
    /// the exact search's most frequent operation.
    struct Memo {
        enum Answer: UInt8 {
            case doesNotFit = 1, fits, gaveUp
        }

        private struct Entry {
            var a: UInt64 = 0
            var b: UInt64 = 0
            /// `nil`: an empty entry.
            var answer: Answer?
        }

        /// No room until the first answer: a placeholder costs nothing.
        private var entries: [Entry] = []
        private(set) var count = 0

        /// The answer remembered for `digest`, if any.
        func answer(for digest: Digest) -> Answer? {
            guard !entries.isEmpty else { return nil }
            return entries[place(of: digest)].answer
        }

        /// Remembers `answer` for `digest`; the table doubles when half full.
        mutating func remember(_ answer: Answer, for digest: Digest) {
            if entries.isEmpty { entries = [Entry](repeating: Entry(), count: 256) }
            if (count + 1) * 2 > entries.count { grow() }
            let i = place(of: digest)
            if entries[i].answer == nil { count += 1 }
            entries[i] = Entry(a: digest.a, b: digest.b, answer: answer)
        }

        /// Where `digest` is, or the empty entry where it would go.
        private func place(of digest: Digest) -> Int {
            let mask = entries.count - 1
            var i = Int(truncatingIfNeeded: digest.a) & mask
            while entries[i].answer != nil && !(entries[i].a == digest.a && entries[i].b == digest.b) { i = (i + 1) & mask }
            return i
        }

        /// Forgets every answer (rare: answers hold from call to call, so only a full table is let go).
        mutating func removeAll() {
            entries = []
            count = 0
        }

        private mutating func grow() {
            let old = entries
            entries = [Entry](repeating: Entry(), count: old.count * 2)
            count = 0
            for entry in old {
                if let answer = entry.answer { remember(answer, for: Digest(a: entry.a, b: entry.b)) }
            }
        }
    }

    /// What decides an item's start cells: its request, its index and its ``Unit/key``.
    static func key(_ item: Item) -> UInt64 {
        key(request: item.request, index: item.index, unitKey: item.unit.key)
    }

    static func key(request: Int, index: Int, unitKey: UInt64) -> UInt64 {
        UInt64(request) << 40 ^ UInt64(index) << 30 ^ unitKey
    }

    /// The backtracking's arrays (see ``scratch``), cleared and refilled by each packing.
    private struct Scratch {
        /// What the backtracking reads and writes of one item, at its depth.
        struct Step {
            var loadBase = 0, seats = 0, origin = 0, length = 0, cells = 0
            var seeker = 0, consultant = 0, request = 0, index = 0
            /// Its start cells: `starts[firstStart..<endStart]`; the next to try; the chosen one.
            var firstStart = 0, endStart = 0, next = 0
            var begin = 0, chosen: Int32 = -1
            /// An earlier depth whose item this one could swap places with in any packing (see
            /// ``markTwins()``), or -1: this one starts no earlier.
            var twin = -1
            /// Its session's place in `sessions` when that session may be filled cell by cell (see
            /// ``fillRows(_:at:cell:after:waste:rest:tries:)``), or -1.
            var rowSession = -1
        }

        var order: [Int] = []
        /// Each item's part of the packing (see ``labelParts(_:)``).
        var part: [Int] = []
        /// The sessions the items use, where each one's cells begin in `load`, the seat-cells its
        /// items need and the free seat-cells they leave.
        var sessions: [(session: Int, offset: Int, needed: Int, slack: Int)] = []
        /// The runs of depths of one part filled cell by cell, one session each (see
        /// ``fillRows(_:at:cell:after:waste:rest:tries:)``).
        var rows: [Range<Int>] = []
        var load: [UInt16] = []
        var starts: [Int32] = []
        var steps: [Step] = []
        /// The start cell of each item after a packing is found, in the order given.
        var found: [Int] = []
    }

    /// Whether the lengths of the items in session `s`, which need `needed` seat-cells, split into
    /// two lanes as long as the session, when it has two seats and nothing booked outside the
    /// problem (otherwise true). Appointments that never overlap more than two at a time sit in two
    /// lanes, one seat each, so lengths that do not split cannot fit however many seat-cells are
    /// free: six hours and three quarters in a two-seat session of three and a half hours, for
    /// instance. The backtracking took 20,000 tries to give up on such a packing, which the
    /// exact search asks for again and again on a job team whose mornings have two sessions side
    /// by side, one of two seats (a step took three times as long; Benchmarks/yardstick/JOURNAL.md,
    /// *two lanes*).
    private func lanesHold(_ items: [Item], session s: Int, offset: Int, needed: Int) -> Bool {
        let cells = model.sessionCells[s]
        guard model.sessionSeats[s] == 2, needed > cells, cells < 63 else { return true }
        for c in 0..<cells where scratch.load[offset + c] != 0 { return true }
        // The lengths one lane can take, a bit for each (subset sums up to the session's length).
        let fitting: UInt64 = 1 << UInt64(cells + 1) &- 1
        var sums: UInt64 = 1
        for item in items where Int(item.unit.session) == s {
            sums |= sums << UInt64(model.requestCells[item.request]) & fitting
        }
        // One lane takes at most the session's length; the other the rest, which must fit too.
        return sums >> UInt64(needed - cells) != 0
    }

    /// Marks each step's twin: the last earlier one in the same session, as long, with the same
    /// start cells and the same consultant along (or none), whose job seekers and requests have no
    /// other appointment among the items. Twins can swap start cells in any packing, so only
    /// packings where the later one starts no earlier need trying: four interchangeable hours in
    /// one session are tried in one order instead of 24 (Benchmarks/yardstick/JOURNAL.md, *two
    /// lanes*).
    private mutating func markTwins() {
        let steps = scratch.steps
        let alone = steps.indices.map { d in
            !steps.indices.contains { $0 != d && (steps[$0].seeker == steps[d].seeker || steps[$0].request == steps[d].request) }
        }
        for d in steps.indices where alone[d] {
            let this = steps[d]
            scratch.steps[d].twin = (0..<d).last { e in
                let other = steps[e]
                return alone[e] && other.loadBase == this.loadBase && other.cells == this.cells && other.consultant == this.consultant
                    && scratch.starts[other.firstStart..<other.endStart].elementsEqual(scratch.starts[this.firstStart..<this.endStart])
            } ?? -1
        }
    }

    /// Whether the items fit together; when they do, `scratch.found` holds their start cells.
    private mutating func search(_ items: [Item]) -> Bool {
        let n = items.count
        scratch.order.removeAll(keepingCapacity: true)
        scratch.sessions.removeAll(keepingCapacity: true)
        scratch.load.removeAll(keepingCapacity: true)
        scratch.starts.removeAll(keepingCapacity: true)
        scratch.steps.removeAll(keepingCapacity: true)
        scratch.found.removeAll(keepingCapacity: true)
        // Seats taken per cell of each session, starting from what is booked; the seat-cells needed.
        for item in items {
            let s = Int(item.unit.session)
            if let k = scratch.sessions.firstIndex(where: { $0.session == s }) {
                scratch.sessions[k].needed += model.requestCells[item.request]
            } else {
                scratch.sessions.append((s, scratch.load.count, model.requestCells[item.request], 0))
                scratch.load += empty.counts[model.cellBase[s]..<(model.cellBase[s] + model.sessionCells[s])]
            }
        }
        // Appointments that need more seat-cells than a session has free cannot fit in any order, nor
        // can those whose lengths do not split between two seats: said at once, where the
        // backtracking would try every order first.
        for (k, (s, offset, needed, _)) in scratch.sessions.enumerated() {
            let free = freeSeatCells[s]
            if needed > free || !lanesHold(items, session: s, offset: offset, needed: needed) { return false }
            scratch.sessions[k].slack = free - needed
        }
        // Part by part, the most constrained first; everything the backtracking reads, in flat arrays.
        labelParts(items)
        scratch.order.append(contentsOf: items.indices)
        let part = scratch.part
        scratch.order.sort { (part[$0], items[$0].unit.starts.count, $0) < (part[$1], items[$1].unit.starts.count, $1) }
        for i in scratch.order {
            let item = items[i]
            let s = Int(item.unit.session)
            let k = scratch.sessions.firstIndex { $0.session == s }!
            var step = Scratch.Step()
            step.firstStart = scratch.starts.count
            scratch.starts += item.unit.starts
            step.endStart = scratch.starts.count
            if scratch.sessions[k].slack <= Self.rowSlack { step.rowSession = k }
            step.loadBase = scratch.sessions[k].offset
            step.seats = model.sessionSeats[s]
            step.origin = model.sessionStart[s]
            step.cells = model.requestCells[item.request]
            step.length = step.cells * model.grid
            step.seeker = model.requestSeeker[item.request]
            step.consultant = item.unit.attends ? model.requestConsultant[item.request] : -1
            step.request = item.request
            step.index = item.index
            scratch.steps.append(step)
        }
        markTwins()
        var tries = 0
        // Each part on its own, its depths `first..<end`: a part that does not fit ends the search.
        var first = 0
        while first < n {
            var end = first + 1
            while end < n && part[scratch.order[end]] == part[scratch.order[first]] { end += 1 }
            guard packPart(first..<end, tries: &tries) else { return false }
            first = end
        }
        scratch.found.append(contentsOf: repeatElement(0, count: n))
        for (d, i) in scratch.order.enumerated() { scratch.found[i] = Int(scratch.steps[d].chosen) }
        return true
    }

    /// Labels each item with its part of the packing: the sessions its job seeker, its attending
    /// consultant or its request link to its own, and theirs in turn. Parts share nothing (each
    /// session's seats are its own), so each packs on its own, and one that does not fit is known
    /// not to without trying it beside every packing of the others (Benchmarks/yardstick/JOURNAL.md,
    /// *parts*).
    private mutating func labelParts(_ items: [Item]) {
        scratch.part.removeAll(keepingCapacity: true)
        for item in items { scratch.part.append(Int(item.unit.session)) }
        guard scratch.sessions.count > 1 else { return }
        // Merged pair by pair until nothing changes: a few sessions and a dozen items at most.
        var merged = true
        while merged {
            merged = false
            for i in items.indices {
                let (a, seeker) = (items[i], model.requestSeeker[items[i].request])
                let consultant = a.unit.attends ? model.requestConsultant[a.request] : -1
                for j in items.indices where scratch.part[j] != scratch.part[i] {
                    let b = items[j]
                    guard a.request == b.request || model.requestSeeker[b.request] == seeker
                        || (consultant >= 0 && b.unit.attends && model.requestConsultant[b.request] == consultant) else { continue }
                    let (from, to) = (max(scratch.part[i], scratch.part[j]), min(scratch.part[i], scratch.part[j]))
                    for k in items.indices where scratch.part[k] == from { scratch.part[k] = to }
                    merged = true
                }
            }
        }
    }

    /// Sessions with at most this many seat-cells left free by their items are filled cell by cell
    /// (see ``fillRows(_:at:cell:after:waste:rest:tries:)``) once `itemTries` tries item by item
    /// have not settled their part. Filled so always, the packings of one worker's 2,000 steps took
    /// 0.83 M tries instead of 20.7 M on the generated job team where mornings side by side are
    /// filled to the last quarter, and fewer on every job team measured; with more room left (4),
    /// more on two of them. But the packings found so place appointments elsewhere in the half-day,
    /// and plans for a time limit went a few runs lower on other job teams (after 300 tries, too);
    /// after 2,000 every other job team plans as before for a step budget (Benchmarks/yardstick/JOURNAL.md, *rows*).
    static let rowSlack = 2
    static let itemTries = 2_000

    /// Places the items of one part, its depths `depths`: item by item; when that takes more than
    /// ``itemTries`` tries and the part has a session with little room left, those sessions cell
    /// by cell first, then the rest item by item.
    private mutating func packPart(_ depths: Range<Int>, tries: inout Int) -> Bool {
        let first = depths.lowerBound
        guard depths.contains(where: { scratch.steps[$0].rowSession >= 0 }) else {
            return pack(depths, checkingFrom: first, tries: &tries)
        }
        let quick = min(tries + Self.itemTries, tryBudget)
        if pack(depths, checkingFrom: first, tries: &tries, upTo: quick) { return true }
        guard tries > quick && tries <= tryBudget else { return false }
        // Start again: the sessions to fill cell by cell first, one run of depths each (a stable
        // reordering, so each twin stays after its own).
        for d in depths where scratch.steps[d].chosen >= 0 {
            let step = scratch.steps[d]
            for c in 0..<step.cells { scratch.load[step.loadBase + Int(step.chosen) + c] -= 1 }
            scratch.steps[d].chosen = -1
        }
        let steps = Array(scratch.steps[depths])
        let order = Array(scratch.order[depths])
        // Those sessions with the least room first.
        let rank = steps.map { $0.rowSession < 0 ? Int.max : scratch.sessions[$0.rowSession].slack << 16 | $0.rowSession }
        let moved = depths.sorted { (rank[$0 - first], $0) < (rank[$1 - first], $1) }
        var position = [Int](repeating: 0, count: depths.count)
        for (k, d) in moved.enumerated() { position[d - first] = first + k }
        scratch.rows.removeAll(keepingCapacity: true)
        for (k, d) in moved.enumerated() {
            var step = steps[d - first]
            if step.twin >= 0 { step.twin = position[step.twin - first] }
            scratch.steps[first + k] = step
            scratch.order[first + k] = order[d - first]
            guard step.rowSession >= 0 else { continue }
            if k == 0 || scratch.steps[first + k - 1].rowSession != step.rowSession {
                scratch.rows.append((first + k)..<(first + k))
            }
            scratch.rows[scratch.rows.count - 1] = scratch.rows[scratch.rows.count - 1].lowerBound..<(first + k + 1)
        }
        let rowEnd = scratch.rows.last!.upperBound
        return fillRows(0, at: first, cell: 0, after: -1, waste: 0, rest: rowEnd..<depths.upperBound, tries: &tries)
    }

    /// Fills the sessions of `scratch.rows` (the `row`-th on, its items placed or not, the part's
    /// first depth `partStart`) cell by cell, then places the depths `rest` (see
    /// ``pack(_:checkingFrom:tries:upTo:)``). At the session's first cell from `cell` with a seat free,
    /// one of its items starts (those starting at one cell in the order of their depths: past
    /// `after`), or that cell's free seats stay empty, `waste` seat-cells in all at most its slack.
    /// Every packing is tried once so (item by item, one packing is reached in every order its
    /// appointments can be placed in), and with little room to leave empty a wrong start shows at
    /// the next cell: a morning filled to the last quarter, which item by item took thousands of
    /// tries to be found not to fit (Benchmarks/yardstick/JOURNAL.md, *rows*).
    private mutating func fillRows(
        _ row: Int, at partStart: Int, cell: Int, after: Int, waste: Int, rest: Range<Int>, tries: inout Int
    ) -> Bool {
        guard row < scratch.rows.count else { return pack(rest, checkingFrom: partStart, tries: &tries) }
        let depths = scratch.rows[row]
        let k = scratch.steps[depths.lowerBound].rowSession
        let session = scratch.sessions[k]
        guard depths.contains(where: { scratch.steps[$0].chosen < 0 }) else {
            return fillRows(row + 1, at: partStart, cell: 0, after: -1, waste: 0, rest: rest, tries: &tries)
        }
        let seats = model.sessionSeats[session.session]
        let cells = model.sessionCells[session.session]
        var c = cell
        while c < cells && Int(scratch.load[session.offset + c]) >= seats { c += 1 }
        let after = c == cell ? after : -1
        // An item that can start no later than the cells already full does not fit.
        guard c < cells, !depths.contains(where: {
            scratch.steps[$0].chosen < 0 && Int(scratch.starts[scratch.steps[$0].endStart - 1]) < c
        }) else {
            return false
        }
        tries += 1
        if tries > tryBudget {
            gaveUp = true
            return false
        }
        let grid = model.grid
        for d in depths where d > after && scratch.steps[d].chosen < 0 {
            let this = scratch.steps[d]
            // A twin starts no earlier than the one before it: after it, at this cell at the earliest.
            if this.twin >= 0 && scratch.steps[this.twin].chosen < 0 { continue }
            guard scratch.starts[this.firstStart..<this.endStart].contains(Int32(c)) else { continue }
            let base = this.loadBase + c
            guard seatFree(for: this, at: c) else { continue }
            let start = this.origin + c * grid
            guard fitsBeside(d, start: start, checkingFrom: partStart, to: rest.lowerBound) else { continue }
            scratch.steps[d].chosen = Int32(c)
            scratch.steps[d].begin = start
            for i in 0..<this.cells { scratch.load[base + i] += 1 }
            if fillRows(row, at: partStart, cell: c, after: d, waste: waste, rest: rest, tries: &tries) { return true }
            for i in 0..<this.cells { scratch.load[base + i] -= 1 }
            scratch.steps[d].chosen = -1
            if tries > tryBudget { return false }
        }
        // Or the cell's free seats stay empty.
        let free = seats - Int(scratch.load[session.offset + c])
        guard waste + free <= session.slack else { return false }
        scratch.load[session.offset + c] += UInt16(free)
        let found = fillRows(row, at: partStart, cell: c + 1, after: -1, waste: waste + free, rest: rest, tries: &tries)
        if !found { scratch.load[session.offset + c] -= UInt16(free) }
        return found
    }

    /// Whether a seat is free for `step`'s item at every cell it would take from `cell` on.
    private func seatFree(for step: Scratch.Step, at cell: Int) -> Bool {
        let base = step.loadBase + cell
        for c in 0..<step.cells where Int(scratch.load[base + c]) >= step.seats { return false }
        return true
    }

    /// Whether the item at depth `d`, starting at `start`, keeps clear of the items placed at the
    /// depths `from..<to` (`chosen` set): its job seeker's and attending consultant's other
    /// appointments, and its series' order.
    private func fitsBeside(_ d: Int, start: Int, checkingFrom from: Int, to: Int) -> Bool {
        let this = scratch.steps[d]
        let end = start + this.length
        for j in from..<to where j != d && scratch.steps[j].chosen >= 0 {
            let other = scratch.steps[j]
            let (otherStart, otherEnd) = (other.begin, other.begin + other.length)
            if other.request == this.request {
                if other.index < this.index ? otherEnd > start : end > otherStart { return false }
                continue
            }
            guard start < otherEnd && otherStart < end else { continue }
            if other.seeker == this.seeker || (this.consultant >= 0 && other.consultant == this.consultant) { return false }
        }
        return true
    }

    /// Places the items at `depths` (those of the part from `partStart` before them placed),
    /// depth-first with an explicit stack: `steps[d].next` is the next start to try at depth d.
    /// False when they do not fit, or when `tries` pass `limit` or ``tryBudget`` (then with
    /// `gaveUp` set), the items placed so far left in place.
    private mutating func pack(
        _ depths: Range<Int>, checkingFrom partStart: Int, tries: inout Int, upTo limit: Int = .max
    ) -> Bool {
        guard !depths.isEmpty else { return true }
        let grid = model.grid
        var depth = depths.lowerBound
        scratch.steps[depth].next = scratch.steps[depth].firstStart
        while depth >= depths.lowerBound {
            if depth == depths.upperBound { break }
            tries += 1
            if tries > limit || tries > tryBudget {
                if tries > tryBudget { gaveUp = true }
                return false
            }
            var placed = false
            let this = scratch.steps[depth]
            var next = this.next
            while next < this.endStart {
                let cell = Int(scratch.starts[next])
                next += 1
                if this.twin >= 0 && cell < Int(scratch.steps[this.twin].chosen) { continue }
                let base = this.loadBase + cell
                guard seatFree(for: this, at: cell) else { continue }
                let start = this.origin + cell * grid
                // Items of the parts before share nothing with this one.
                guard fitsBeside(depth, start: start, checkingFrom: partStart, to: depth) else { continue }
                scratch.steps[depth].chosen = Int32(cell)
                scratch.steps[depth].begin = start
                for c in 0..<this.cells { scratch.load[base + c] += 1 }
                placed = true
                break
            }
            scratch.steps[depth].next = next
            if placed {
                depth += 1
                if depth < depths.upperBound { scratch.steps[depth].next = scratch.steps[depth].firstStart }
            } else {
                depth -= 1
                if depth >= depths.lowerBound {
                    let back = scratch.steps[depth]
                    let base = back.loadBase + Int(back.chosen)
                    for c in 0..<back.cells { scratch.load[base + c] -= 1 }
                    scratch.steps[depth].chosen = -1
                }
            }
        }
        return depth == depths.upperBound
    }
}
