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
    struct Digest: Hashable {
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
    private var memo = Memo()
    /// Start cells one packing may try: a crowded group could otherwise take exponential time.
    static let tryBudget = 20_000
    /// Whether some packing ran out of tries and was taken as not fitting (so nothing is proven).
    private(set) var gaveUp = false

    init(model: Model, empty: Schedule) {
        self.model = model
        self.empty = empty
    }

    /// Whether the items whose digest is `digest` fit together; `items` is asked for only when
    /// that set was not seen before.
    mutating func fits(_ digest: Digest, items: () -> [Item]) -> Bool {
        if let known = memo.answer(for: digest) { return known }
        if memo.count > 200_000 { memo.removeAll() }
        let found = starts(items()) != nil
        memo.remember(found, for: digest)
        return found
    }

    /// A start cell per item (in the order given), or `nil` when they cannot all fit. One set of
    /// items gets one answer, whatever their order.
    mutating func starts(_ items: [Item]) -> [Int32]? {
        let order = items.indices.sorted { Self.key(items[$0]) < Self.key(items[$1]) }
        // Into a local first: passing `&gaveUp` to a method of `self` made Swift copy all of `self`
        // (the memo and the empty schedule) on every call; without the copies a job-team run takes
        // 2-3 times the steps a second.
        var ranOut = false
        let found = search(order.map { items[$0] }, gaveUp: &ranOut)
        if ranOut { gaveUp = true }
        guard let sorted = found else { return nil }
        var starts = [Int32](repeating: 0, count: items.count)
        for (i, position) in order.enumerated() { starts[position] = sorted[i] }
        return starts
    }

    /// Answers by digest, in a table of its own: open addressing on the digest's first half (already
    /// a strong mix), both halves compared. A `Dictionary` hashed every digest again on each lookup,
    /// the exact search's most frequent operation.
    struct Memo {
        private struct Entry {
            var a: UInt64 = 0
            var b: UInt64 = 0
            /// 0 empty, 1 does not fit, 2 fits.
            var answer: UInt8 = 0
        }

        private var entries = [Entry](repeating: Entry(), count: 256)
        private(set) var count = 0

        /// The answer remembered for `digest`, if any.
        func answer(for digest: Digest) -> Bool? {
            let entry = entries[place(of: digest)]
            return entry.answer == 0 ? nil : entry.answer == 2
        }

        /// Remembers `fits` for `digest`; the table doubles when half full.
        mutating func remember(_ fits: Bool, for digest: Digest) {
            if (count + 1) * 2 > entries.count { grow() }
            let i = place(of: digest)
            if entries[i].answer == 0 { count += 1 }
            entries[i] = Entry(a: digest.a, b: digest.b, answer: fits ? 2 : 1)
        }

        /// Where `digest` is, or the empty entry where it would go.
        private func place(of digest: Digest) -> Int {
            let mask = entries.count - 1
            var i = Int(truncatingIfNeeded: digest.a) & mask
            while entries[i].answer != 0 && !(entries[i].a == digest.a && entries[i].b == digest.b) { i = (i + 1) & mask }
            return i
        }

        /// Forgets every answer, keeping the room.
        mutating func removeAll() {
            for i in entries.indices { entries[i].answer = 0 }
            count = 0
        }

        private mutating func grow() {
            let old = entries
            entries = [Entry](repeating: Entry(), count: old.count * 2)
            count = 0
            for entry in old where entry.answer != 0 { remember(entry.answer == 2, for: Digest(a: entry.a, b: entry.b)) }
        }
    }

    /// What decides an item's start cells: its request, its index and its ``Unit/key``.
    static func key(_ item: Item) -> UInt64 {
        key(request: item.request, index: item.index, unitKey: item.unit.key)
    }

    static func key(request: Int, index: Int, unitKey: UInt64) -> UInt64 {
        UInt64(request) << 40 ^ UInt64(index) << 30 ^ unitKey
    }

    private func search(_ items: [Item], gaveUp: inout Bool) -> [Int32]? {
        let n = items.count
        // The most constrained first; everything the backtracking reads, in flat arrays.
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
        // Appointments that need more seat-cells than a session has free cannot fit in any order:
        // said at once, where the backtracking would try every order first.
        var needed = [Int](repeating: 0, count: sessions.count)
        for item in items { needed[sessions.firstIndex(of: Int(item.unit.session))!] += model.requestCells[item.request] }
        for (k, s) in sessions.enumerated() {
            let free = load[offsets[k]..<(offsets[k] + model.sessionCells[s])].reduce(0) { $0 + max(0, model.sessionSeats[s] - Int($1)) }
            if needed[k] > free { return nil }
        }
        var starts: [Int32] = []
        var startBounds = [0]
        var loadBase: [Int] = [], seats: [Int] = [], origin: [Int] = [], length: [Int] = [], cells: [Int] = []
        var seekers: [Int] = [], consultants: [Int] = [], requests: [Int] = [], indices: [Int] = []
        for i in order {
            let item = items[i]
            let s = Int(item.unit.session)
            starts += item.unit.starts
            startBounds.append(starts.count)
            loadBase.append(offsets[sessions.firstIndex(of: s)!])
            seats.append(model.sessionSeats[s])
            origin.append(model.sessionStart[s])
            cells.append(model.requestCells[item.request])
            length.append(model.requestCells[item.request] * model.grid)
            seekers.append(model.requestSeeker[item.request])
            consultants.append(item.unit.attends ? model.requestConsultant[item.request] : -1)
            requests.append(item.request)
            indices.append(item.index)
        }
        let grid = model.grid
        var begin = [Int](repeating: 0, count: n)
        var chosen = [Int32](repeating: -1, count: n)
        // Depth-first with an explicit stack: `next[d]` is the next start to try at depth d.
        var next = [Int](repeating: 0, count: n + 1)
        var depth = 0
        next[0] = startBounds[0]
        var tries = 0
        while depth >= 0 {
            if depth == n { break }
            tries += 1
            if tries > Self.tryBudget {
                gaveUp = true
                return nil
            }
            var placed = false
            while next[depth] < startBounds[depth + 1] {
                let cell = Int(starts[next[depth]])
                next[depth] += 1
                var fits = true
                let base = loadBase[depth] + cell
                for c in 0..<cells[depth] where Int(load[base + c]) >= seats[depth] {
                    fits = false
                    break
                }
                guard fits else { continue }
                let start = origin[depth] + cell * grid
                let end = start + length[depth]
                for j in 0..<depth {
                    let (otherStart, otherEnd) = (begin[j], begin[j] + length[j])
                    if requests[j] == requests[depth] {
                        if indices[j] < indices[depth] ? otherEnd > start : end > otherStart {
                            fits = false
                            break
                        }
                        continue
                    }
                    guard start < otherEnd && otherStart < end else { continue }
                    if seekers[j] == seekers[depth] || (consultants[depth] >= 0 && consultants[j] == consultants[depth]) {
                        fits = false
                        break
                    }
                }
                guard fits else { continue }
                chosen[depth] = Int32(cell)
                begin[depth] = start
                for c in 0..<cells[depth] { load[base + c] += 1 }
                placed = true
                break
            }
            if placed {
                depth += 1
                if depth < n { next[depth] = startBounds[depth] }
            } else {
                depth -= 1
                if depth >= 0 {
                    let base = loadBase[depth] + Int(chosen[depth])
                    for c in 0..<cells[depth] { load[base + c] -= 1 }
                    chosen[depth] = -1
                }
            }
        }
        guard depth == n else { return nil }
        var result = [Int32](repeating: 0, count: n)
        for (d, i) in order.enumerated() { result[i] = chosen[d] }
        return result
    }
}
