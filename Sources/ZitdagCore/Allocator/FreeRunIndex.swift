/// For each session list of the ``Model``, a max segment tree over the
/// longest run of cells with a seat left in each session, so that a search
/// jumps to the next session that can hold an appointment instead of
/// scanning full ones. This keeps a search's cost from growing with the
/// number of sessions a day has.
struct FreeRunIndex: Sendable {
    /// Every list's tree, one after another (one array: an update checks one buffer's uniqueness,
    /// not an outer and an inner one). In list `l`'s tree, from `treeStart[l]`: leaves from
    /// `leafBase[l]` on, internal node `i` holds the max of `2i` and `2i+1`.
    private var tree: [UInt8]
    private let treeStart: [Int]
    private let leafBase: [Int]
    /// Every (list, position) a session appears at: session `s`'s from `placeStart[s]` to
    /// `placeStart[s + 1]`. One flat array: a list per session cost a cache miss more per update
    /// (an eighth of a region's search was updates, most of it waiting for memory).
    private let places: [(list: Int32, position: Int32)]
    private let placeStart: [Int32]

    /// An index of no sessions (see ``Schedule/init(standingInFor:)``).
    init() {
        tree = []
        treeStart = []
        leafBase = []
        places = []
        placeStart = []
    }

    init(model: Model) {
        var places = [[(list: Int32, position: Int32)]](repeating: [], count: model.sessionStart.count)
        var tree: [UInt8] = []
        var treeStart: [Int] = []
        var leafBase: [Int] = []
        for (l, list) in model.lists.enumerated() {
            var base = 1
            while base < list.count { base *= 2 }
            let start = tree.count
            tree += [UInt8](repeating: 0, count: 2 * base)
            for (position, s) in list.enumerated() {
                tree[start + base + position] = UInt8(min(255, model.sessionCells[Int(s)]))
                places[Int(s)].append((Int32(l), Int32(position)))
            }
            for i in stride(from: base - 1, through: 1, by: -1) { tree[start + i] = max(tree[start + 2 * i], tree[start + 2 * i + 1]) }
            treeStart.append(start)
            leafBase.append(base)
        }
        self.tree = tree
        self.treeStart = treeStart
        self.leafBase = leafBase
        var flat: [(list: Int32, position: Int32)] = []
        var placeStart: [Int32] = [0]
        for sessionPlaces in places {
            flat += sessionPlaces
            placeStart.append(Int32(flat.count))
        }
        self.places = flat
        self.placeStart = placeStart
    }

    /// Records that session `s` now has `run` consecutive cells with a seat left at most.
    mutating func update(session s: Int, run: Int) {
        let value = UInt8(min(255, run))
        for place in Int(placeStart[s])..<Int(placeStart[s + 1]) {
            let (list, position) = places[place]
            let start = treeStart[Int(list)]
            var i = leafBase[Int(list)] + Int(position)
            guard tree[start + i] != value else { continue }
            tree[start + i] = value
            i /= 2
            while i >= 1 {
                let parent = max(tree[start + 2 * i], tree[start + 2 * i + 1])
                if tree[start + i] == parent { break }
                tree[start + i] = parent
                i /= 2
            }
        }
    }

    /// The first position in `positions` of `list` whose session has a free run of at least `cells`.
    func first(in positions: Range<Int>, list: Int, cells: Int) -> Int? {
        self.list(list).first(in: positions, cells: cells)
    }

    /// One list's tree, to search it again and again (see ``CandidateSessions``): holding it holds
    /// one array, not the whole index.
    func list(_ l: Int) -> List {
        List(tree: tree, start: treeStart[l], base: leafBase[l])
    }

    /// One list's tree in the index.
    struct List {
        fileprivate let tree: [UInt8]
        fileprivate let start: Int
        fileprivate let base: Int

        /// The first position in `positions` whose session has a free run of at least `cells`.
        func first(in positions: Range<Int>, cells: Int) -> Int? {
            guard !positions.isEmpty else { return nil }
            let need = UInt8(min(255, cells))
            // Walk up from the leaf at the lower bound, looking right for a subtree that qualifies.
            var i = base + positions.lowerBound
            if tree[start + i] >= need { return positions.lowerBound }
            while true {
                // Climb while `i` is a right child (nothing to its right inside the parent).
                while i & 1 == 1 {
                    i /= 2
                    if i <= 1 { return nil }
                }
                i += 1  // the right sibling
                if tree[start + i] >= need { break }
            }
            while i < base {
                i = tree[start + 2 * i] >= need ? 2 * i : 2 * i + 1
            }
            let position = i - base
            return position < positions.upperBound ? position : nil
        }
    }
}
