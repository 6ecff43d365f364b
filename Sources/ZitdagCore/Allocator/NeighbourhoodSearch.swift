/// Large-neighbourhood search: take a few requests out of the plan and put
/// them back, together with one that was left out or placed late, keeping
/// the change when the objective does not drop below a late-acceptance floor.
///
/// Each step picks a *target*: an unscheduled request (to fit it in) or a
/// scheduled one that waits or misses a bonus (to improve it). It removes
/// some of the requests that sit in sessions the target could use (now and
/// then, for a left-out target, every one standing in one of its best
/// options: an ejection), places the target first and the others after it,
/// best first.
struct NeighbourhoodSearch {
    var schedule: Schedule
    var random: SplitMix64
    let nodeBudget: Int
    /// The construction order, and each request's rank in it: reinsertion keeps it.
    private let order: [Int]
    private let rank: [Int]
    /// What each request earns at most: on its release date, one coach, the consultant always along.
    private let ceiling: [Int]
    /// Whether a request has an option at all, alone in the plan (where exact steps run; else all
    /// true): one without is never a target. A generated job team has 6 to 13 of 60 such
    /// requests; drawn as targets, they took half the steps meant for requests left out.
    private let hasOptions: [Bool]
    /// Steps taken so far by ``run(shouldStop:)``, and the step the current climb started at (see
    /// ``restartAfter``).
    private var steps = 0
    private var climbStartedAt = 0
    /// The refit steps tried (see ``refit(_:leavingOut:)``): the requests kept placed, ascending, and
    /// the target last.
    private var refitsTried: Set<[Int]> = []
    private var model: Model { schedule.model }
    /// Re-solves a target and its neighbours exactly, moving the others within their sessions to make
    /// room; `nil` on problems too large for it.
    private var exact: ExactSearch?
    /// The placement search, kept from one request to the next with the schedule swapped in: a new
    /// one per request copied the schedule (a retain and a release of each of its arrays), an
    /// eighth of a job team's search time.
    private var placer: PlacementSearch.Run
    /// Asked inside the exact steps: true ends them early (the time limit), keeping what they found.
    var expired: () -> Bool = { false } {
        didSet { exact?.expired = expired }
    }

    /// Requests up to which some steps are exact ones (and insertions may move others).
    static let exactStepRequestLimit = 300
    /// Percent of steps that are exact ones: each costs as much as dozens of ordinary steps, so a
    /// few go further than many (measured on generated job teams).
    static let exactShare = 5
    /// After this many steps in a row without a plan that places more (by the sum of the priorities
    /// placed; and every as many after), a deep step: a request left out, the requests standing in
    /// one of its best options and, for a few of those, the ones standing where they could go
    /// instead, re-decided exactly (see ``deepStep()``). Measured on generated job teams at 1 s: the
    /// third yardstick problem's seeds 25-56 from a mean 0.9927 of CP-SAT's 60 s plan to 0.9986, 25
    /// of 32 in CP-SAT's basin instead of 5. Counted from a better plan of any kind, the bonuses a
    /// search still gains now and then kept deep steps from coming at all: a climbing worker stayed
    /// a request's value below for the rest of a 1 s run on 9 seeds of 24 (Benchmarks/yardstick/
    /// JOURNAL.md, *deep steps by what is placed*).
    static let deepEvery = 250
    /// Requests a deep step frees at most: the target, up to `deepFirstRing` standing in its option,
    /// the rest standing where those could go.
    static let deepSize = 10
    static let deepFirstRing = 6
    /// How far down the best-first option lists a deep step looks for the option it frees room in.
    static let deepOptionRange = 16
    static let deepBudget = 300_000
    /// Free sets a deep step tries before it gives up.
    static let deepDraws = 2
    /// Options of each request in the chain weighed by what they displace (of its best first).
    static let displacementRange = 32
    /// Of those displacing the least, how many one is drawn among.
    static let displacementPick = 3
    /// Requests in the way of the drawn option that join the chain, at most.
    static let displacementPerLink = 2
    /// After this many steps in a row without a better plan (and every as many after), unless a deep
    /// step is due (see ``deepEvery``), a bonus step: a placed request short of its bonuses, the
    /// requests standing in one of its better options and where those could go instead, re-decided
    /// exactly near the plan first (see ``bonusStep()``). Measured on generated job teams at 1 s,
    /// seeds 1-40: the fourth yardstick problem at CP-SAT's figure on 39 instead of 32, the first on 6
    /// instead of 1, the third alike (Benchmarks/yardstick/JOURNAL.md has the figures). Every 20 cost
    /// the third a sixth of its steps.
    static let bonusEvery = 50
    /// The same for a search that climbs first (``Role/climbsFirst``), once past its first
    /// `earlySteps`: the worker beside it wanders, which leaves the last points of a plan to this
    /// one. Measured at 1 s on generated job teams, seeds 1-32: the fourth yardstick problem at
    /// CP-SAT's figure on 31 instead of 28, the first and third alike; alike at 0.1 s, where every
    /// 20 from the start cost the second and third problem a third of their runs within 1 %
    /// (Benchmarks/yardstick/JOURNAL.md, *wandering*).
    static let climbingBonusEvery = 20
    /// The same for every search once past its climb, when no request left out could fit: every
    /// better plan left is then a bonus, and deep steps find nothing to do. Measured at 1 s on the
    /// first yardstick problem (where no request left out has an option at all), seeds 1-160: at
    /// CP-SAT's figure on 33 runs instead of 12 (every 10 steps then); the fifth and eighth alike
    /// (Benchmarks/yardstick/JOURNAL.md, *bonus steps when only bonuses are left*). With the bonus
    /// steps near the plan (``nearPlanSize``), every 5 steps instead of 10, seeds 161-256: 75
    /// runs instead of 61 (every 3: 50 of 64 instead of 38; every 20: 17 of 32 instead of 23).
    static let nearPlanEvery = 5
    /// The same in a search that climbs first, once past its climb, after `nearPlanAfter` steps
    /// without a better plan (from the first look after them), even when a request left out could
    /// fit: beside a worker that wanders (and finds the plans with one more request), this one
    /// keeps to the last points. Measured at 1 s on generated job teams, seeds 865-944: the fourth
    /// yardstick problem at CP-SAT's figure on 79 of 80 runs instead of 70, the seventh on 48 of 48
    /// instead of 46, the third alike (67, 67). In both workers it cost the third 4 runs of 32
    /// (Benchmarks/yardstick/JOURNAL.md, *near the plan when stuck*).
    static let nearPlanAfter = 1_500
    /// Steps without a better plan between two looks at whether to take bonus steps near the plan.
    static let nearPlanLookEvery = 64
    /// Requests a bonus step near the plan frees at most (see `nearPlan`): more than a deep step, as
    /// each keeps to options worth at most `weights.sameCoach` less than the one it holds, which leaves
    /// the exact search far fewer to try. The better plans left there move requests four or five
    /// links down a chain, each a little (some lose a bonus so that others gain more), which a
    /// search over all their options reaches late. The slack is one coach's bonus for a whole
    /// series. Measured at 1 s on the first yardstick problem (a bonus step every 10 steps), seeds
    /// 1-96: at CP-SAT's figure on 63 runs instead of 22, and 37 of 64 instead of 11 on seeds
    /// 97-160; a slack of 60 or 80 no better than none, 120-200 below 100. Every other job team
    /// alike (Benchmarks/yardstick/JOURNAL.md, *bonus steps near the plan*).
    static let nearPlanSize = 14
    /// Options a bonus step may try: the better plans it looks for change few requests, which the
    /// search near the plan finds first.
    static let bonusBudget = 20_000
    /// Percent of the ordinary steps for a request left out that take out every request standing in
    /// one of its best options (an ejection), not a few at random around it: a left-out series is
    /// often kept out by more than the few a step takes out. Measured at 0.1 s on generated job
    /// teams: better on all four problems tried, alike at 1 s (Benchmarks/yardstick/JOURNAL.md,
    /// *ejections*).
    static let ejectionShare = 30
    /// Requests an ejection takes out at most, and how far down the target's best-first options it
    /// draws the one to free.
    static let ejectionSize = 12
    static let ejectionOptionRange = 16
    /// Percent of the deep steps whose refit found nothing that try again with a placed request of
    /// lower priority than the target left out, at random (``refit(_:leavingOut:)``): a plan may hold
    /// a series of priority 1 where a better one holds one of priority 2 instead. Measured at 1 s on
    /// generated job teams, seeds 17-32 (the runs at CP-SAT's best minute, without in brackets): the
    /// nineteenth 10 (2), the thirteenth 11 (5), the tenth 14 (9), the eleventh 15 (13); the second
    /// 12 (14), the third 13 (14), the twelfth, the seventeenth and the eighteenth one fewer, eight
    /// others alike. At 60 %, the fourteenth 8 (13). At 0.1 s, seeds 1-16, within 1 %: alike, the
    /// eighteenth 11 (13) (Benchmarks/yardstick/JOURNAL.md, *refit*).
    static let exchangeShare: UInt64 = 30
    /// Options a refit step may try (see ``refit(_:leavingOut:)``). Its plans, on generated job
    /// teams, were found after 7,000-960,000 options (most under 300,000), about 13 ns each.
    static let refitBudget = 1_000_000
    /// Options an exact step, and an insertion that moves others, may try.
    static let exactStepBudget = 4_000
    static let insertionBudget = 400

    /// The days this search places appointments on and the requests it may move, when it works on
    /// one part of the horizon (see ``Part``); `nil` for all of them.
    private var part: Part?

    /// One part of the horizon: its days, and the requests a search of it may move (those placed
    /// within it, and those left out that it is to try).
    struct Part {
        var days: ClosedRange<Int>
        var movable: [Bool]
    }

    init(schedule: Schedule, seed: UInt64, order: [Int], nodeBudget: Int, part: Part? = nil) {
        self.part = part
        self.schedule = schedule
        // The exact search moves requests anywhere: not for a search of one part.
        var hasOptions = [Bool](repeating: true, count: schedule.model.problem.requests.count)
        if part == nil && schedule.model.problem.requests.count <= Self.exactStepRequestLimit {
            var exact = ExactSearch(model: schedule.model, optionLimit: 5_000)
            for r in hasOptions.indices { hasOptions[r] = (exact.options.get(r)?.count ?? 1) > 0 }
            self.exact = exact
        }
        self.hasOptions = hasOptions
        self.random = SplitMix64(seed: seed)
        self.nodeBudget = nodeBudget
        var search = PlacementSearch(schedule: Schedule(standingInFor: schedule.model), nodeBudget: nodeBudget, spreads: true)
        search.window = part?.days
        placer = PlacementSearch.Run(search: search)
        var rank = [Int](repeating: 0, count: order.count)
        for (i, r) in order.enumerated() { rank[r] = i }
        self.rank = rank
        self.order = order
        let weights = schedule.model.problem.weights
        wanderDepth = weights.scheduled * 3 / 10
        ceiling = schedule.model.problem.requests.map { request in
            Objective.value(of: request, firstDay: request.release, oneCoach: true, attended: request.appointments, weights: weights)
        }
    }

    /// One request's placement before and after an accepted step.
    private struct Change {
        var request: Int
        var old: Placement?
        var new: Placement?
    }

    /// How many steps back the late-acceptance rule looks: a step is kept when its objective is no
    /// worse than the current one or than the one this many steps ago, which lets the search walk
    /// out of a local optimum.
    static let lateAcceptance = 64
    /// A search that climbs first looks back only `earlyLateAcceptance` steps for its first
    /// `earlySteps` steps (see ``Role/climbsFirst``).
    static let earlyLateAcceptance = 16
    /// A search that wanders looks back only `wanderingEarlyLateAcceptance` steps for its first
    /// `wanderingEarlySteps` steps: looking back 64, it kept plans with more requests left out,
    /// whose steps cost twice the climbing worker's, and a short run ended far down its climb.
    /// Looking back 8 it climbs another way than the climbing worker (16). Measured on generated
    /// job teams at 0.1 s, seeds 71-230: the second yardstick problem within 1 % of CP-SAT's
    /// figure on 136 runs instead of 105, the third alike (98, 99), the seventh on 121 instead of
    /// 132; alike at 1 s (Benchmarks/yardstick/JOURNAL.md, *a greedier start for the wandering
    /// worker*).
    static let wanderingEarlyLateAcceptance = 8
    static let wanderingEarlySteps = 1_500
    /// The first steps of every search, *the climb*. Where exact steps run, they target only requests
    /// left out (while any could fit), the higher priority of two drawn: a plan far from good gains
    /// most from them; half the steps afterwards, as the bonuses need the rest. Measured on generated
    /// job teams at 0.1 s, seeds 41-80: the second yardstick problem within 1 % of CP-SAT's figure on
    /// 26 runs instead of 14, the third on 22 instead of 10, the seventh on 32 instead of 13; at 1 s
    /// alike, a few runs lower on the fourth and seventh (Benchmarks/yardstick/JOURNAL.md, *the climb*).
    static let earlySteps = 4_000
    /// Whether this climb is still in its first ``earlySteps`` steps.
    private var inTheClimb: Bool { steps - climbStartedAt < Self.earlySteps }
    /// After this many steps without a better plan, a search that climbs first puts its best plan
    /// aside and climbs again from a new first plan (the best of `restartTries` built in orders
    /// perturbed from the construction's); it ends on the best plan of all its climbs. Its plans stuck
    /// a request short (on the third yardstick problem, five seeds of eight at 1 s) get another start.
    /// Measured at 1 s on generated job teams, seeds 1-72: the seventh yardstick problem at CP-SAT's
    /// figure on 65 runs instead of 62, the fourth on 58 instead of 56, the third alike (43, 42); six
    /// others alike on seeds 1-12; seeds 73-96 again a few more (Benchmarks/yardstick/JOURNAL.md,
    /// *restarts*). No worker gets that far in 0.1 s.
    static let restartAfter = 6_000
    static let restartTries = 10
    /// How a search leaves a plan it is stuck in, beyond late acceptance. Workers that each improve a
    /// plan of their own take turns (the better plan wins); the search of one part of the horizon is
    /// `plain`.
    enum Role {
        case plain
        /// The first steps keep fewer steps down (``earlyLateAcceptance``): a plan far from good climbs
        /// faster so, and a short time limit ends in the climb; but some plans it climbs to are ones a
        /// longer search does not leave, so the worker beside it does not climb so
        /// (Benchmarks/yardstick/JOURNAL.md, *ejections*). Past its climb it takes bonus steps more
        /// often (``climbingBonusEvery``), and once stuck it climbs again from a new first plan
        /// (``restartAfter``).
        case climbsFirst
        /// After `wanderAfter` steps without a better plan, the ordinary steps may go down to
        /// `wanderDepth` below the best plan (record-to-record travel), not only to the late-acceptance
        /// floor: a plan stuck a request's value below a better one is left for plans that trade
        /// waiting days and bonuses, from which the better one is in reach. It goes back to the best
        /// plan now and then (`journalLimit`). Measured at 1 s on generated job teams, seeds 1-24: the
        /// third yardstick problem at CP-SAT's figure on 19 instead of 14 and none a request's value
        /// below. Both workers wandering ended a few points short of CP-SAT's figure on the fifth,
        /// where one climbing worker reaches it (Benchmarks/yardstick/JOURNAL.md, *wandering*). Its
        /// first steps look back fewer steps still than a climbing search's
        /// (``wanderingEarlyLateAcceptance``).
        case wanders
    }
    /// Set by the allocator for each worker.
    var role = Role.plain
    /// Whether a wandering search is to polish its best plan from this step on (see `polishing`);
    /// set by the allocator.
    var polishDue: (_ steps: Int) -> Bool = { _ in false }
    /// Whether a wandering search has gone back to its best plan for the rest of its time and polishes
    /// it: no wandering, no early look-back, bonus steps near the plan every ``nearPlanEvery`` steps.
    /// Wandering finds the plans with one more request, but a plan it wandered from is left with points
    /// its search never came back for. Measured at 1 s on the twelfth yardstick job team (over the
    /// last 15 % of the time), seeds 17-32 and 49-80: at CP-SAT's figure on 3 instead of 1 (a first
    /// form, seeds 1-48: 9 instead of 2); no job team fewer (Benchmarks/yardstick/JOURNAL.md, *the
    /// wanderer's polish*).
    private var polishing = false
    /// Whether bonus steps come every ``nearPlanEvery`` steps and near the plan (``nearPlanSize``): no
    /// request left out could fit, or a climbing search is stuck (``nearPlanAfter``); as last looked at.
    private var nearPlan = false
    /// Whether no request left out could fit, as last looked at: deep steps have nothing to do then.
    private var nothingLeftToFit = false
    static let wanderAfter = 2_000
    /// How far below the best plan a wandering search may go: under a third of what placing a
    /// request of priority 1 earns, so it trades waiting days and bonuses but never leaves a
    /// placed request out for long.
    private let wanderDepth: Int
    /// Changes kept since the best plan before the search goes back to it.
    static let journalLimit = 4_000

    /// Runs steps until `shouldStop` says so and ends on the best plan seen; returns the number of steps.
    /// `stepsSinceImprovement` counts from the best plan of all climbs.
    mutating func run(shouldStop: (_ steps: Int, _ stepsSinceImprovement: Int) -> Bool) -> Int {
        steps = 0
        climbStartedAt = 0
        // Steps since the best plan of this climb (bonus steps and restarts go by it), and since the
        // best of all climbs (the caller's stall limit goes by it).
        var sinceImprovement = 0
        var sinceBest = 0
        var best = schedule.objective
        // The best plan of the climbs before this one.
        var kept: Schedule?
        var history = [Int](repeating: schedule.objective, count: Self.lateAcceptance)
        // The steps taken since the best plan, to go back to it.
        var journal: [[Change]] = []
        var journalSize = 0
        // The most this climb has placed (by the sum of priorities), and the steps since (deep steps go
        // by it).
        var mostPlaced = 0
        var sincePlacedMore = 0
        while !shouldStop(steps, sinceBest) {
            if schedule.scheduledPriority > mostPlaced {
                mostPlaced = schedule.scheduledPriority
                sincePlacedMore = 0
            } else {
                sincePlacedMore += 1
            }
            if role == .climbsFirst && sinceImprovement >= Self.restartAfter {
                goBack(&journal, size: &journalSize)
                if kept.map({ schedule.objective > $0.objective }) ?? true { kept = schedule }
                schedule = freshPlan()
                climbStartedAt = steps
                best = schedule.objective
                for i in history.indices { history[i] = best }
                sinceImprovement = 0
                mostPlaced = 0
                sincePlacedMore = 0
            }
            if role == .wanders && !polishing && polishDue(steps) {
                polishing = true
                goBack(&journal, size: &journalSize)
            }
            let slot = steps % history.count
            steps += 1
            let changes: [Change]
            let stalled = exact != nil && sinceImprovement > 0
            let climbing = role == .climbsFirst && inTheClimb
            if stalled && sinceImprovement % Self.nearPlanLookEvery == 1 {
                // A closure, not the method itself (see `drawLeftOut`).
                nothingLeftToFit = !model.problem.requests.indices.contains { leftOutButCouldFit($0) }
                nearPlan = (role == .climbsFirst && sinceImprovement >= Self.nearPlanAfter) || nothingLeftToFit || polishing
            }
            let bonusEvery = nearPlan && !climbing ? Self.nearPlanEvery
                : role == .climbsFirst && !climbing ? Self.climbingBonusEvery
                : Self.bonusEvery
            if stalled && sincePlacedMore > 0 && sincePlacedMore % Self.deepEvery == 0 && !nothingLeftToFit {
                changes = deepStep()
            } else if stalled && sinceImprovement % bonusEvery == 0 {
                changes = bonusStep()
            } else {
                let back = climbing ? Self.earlyLateAcceptance
                    : role == .wanders && !polishing && steps < Self.wanderingEarlySteps ? Self.wanderingEarlyLateAcceptance
                    : history.count
                var floor = min(schedule.objective, history[(slot + history.count - back) % history.count])
                if role == .wanders && !polishing && stalled && sinceImprovement >= Self.wanderAfter {
                    floor = min(floor, best - wanderDepth)
                }
                changes = step(floor: floor)
            }
            history[slot] = schedule.objective
            if schedule.objective > max(best, kept?.objective ?? Int.min) {
                sinceBest = 0
            } else {
                sinceBest += 1
            }
            if schedule.objective > best {
                best = schedule.objective
                sinceImprovement = 0
                journal.removeAll(keepingCapacity: true)
                journalSize = 0
            } else {
                sinceImprovement += 1
                if !changes.isEmpty {
                    journal.append(changes)
                    journalSize += changes.count
                }
                if journalSize > Self.journalLimit { goBack(&journal, size: &journalSize) }
            }
        }
        undo(journal)
        if let kept, kept.objective > schedule.objective { schedule = kept }
        return steps
    }

    /// A first plan to climb again from: the best of ``restartTries`` built in orders perturbed from
    /// the construction's (not in that order itself, whose plan the first climb may have started from).
    private mutating func freshPlan() -> Schedule {
        Construction.bestOf(
            tries: Self.restartTries, order: order, model: model, nodeBudget: nodeBudget, random: &random, includingOrder: false)
    }

    /// Goes back to the best plan: takes back the steps of `journal` and empties it.
    private mutating func goBack(_ journal: inout [[Change]], size: inout Int) {
        undo(journal)
        journal.removeAll(keepingCapacity: true)
        size = 0
    }

    /// Takes back accepted steps, the last first.
    private mutating func undo(_ journal: [[Change]]) {
        for changes in journal.reversed() {
            for change in changes where change.new != nil { schedule.remove(change.request) }
            for change in changes {
                if let old = change.old { schedule.place(change.request, old) }
            }
        }
    }

    /// Takes out the target and some of its neighbours and puts them back, best first; keeps the
    /// result when its objective is at least `floor` and returns what changed (nothing when undone).
    private mutating func step(floor: Int) -> [Change] {
        guard let target = pickTarget() else { return [] }
        if exact != nil && random.next() % 100 < Self.exactShare { return exactStep(target) }
        let ejected = ejection(for: target)
        let neighbours = ejected ?? neighbours(of: target, count: 1 + Int(random.next() % 6))
        var touched: [Change] = []
        for r in [target] + neighbours {
            touched.append(Change(request: r, old: schedule.remove(r), new: nil))
        }
        // The target first, then the others in construction order with a little noise.
        let keyed = neighbours.map { (r: $0, key: rank[$0] + Int(random.next() % 8)) }.sorted { ($0.key, $0.r) < ($1.key, $1.r) }
        for r in [target] + keyed.map(\.r) {
            if let placement = placement(for: r) {
                schedule.place(r, placement)
            } else if exact != nil {
                insertMovingOthers(r, &touched)
                if ejected != nil && r != target && schedule.placements[r] == nil { ejectInTurn(for: r, &touched) }
            } else if r == target && touched[0].old == nil {
                // A left-out target that the room made does not fit: the step has failed, and
                // putting the others back where they were costs no search.
                undo([touched])
                return []
            }
        }
        // Room freed for one request may fit others that were left out.
        for r in leftOut(count: 3) where schedule.placements[r] == nil && !touched.contains(where: { $0.request == r }) {
            if let placement = placement(for: r) {
                touched.append(Change(request: r, old: nil, new: nil))
                schedule.place(r, placement)
            }
        }
        for i in touched.indices { touched[i].new = schedule.placements[touched[i].request] }
        if schedule.objective < floor {
            undo([touched])
            return []
        }
        return touched
    }

    /// Now and then (`ejectionShare`), for a request left out: every request standing in one of its
    /// best options, up to `ejectionSize`; `nil` otherwise, or when none stands there.
    private mutating func ejection(for target: Int) -> [Int]? {
        guard exact != nil, schedule.placements[target] == nil, random.next() % 100 < Self.ejectionShare else { return nil }
        let found = standing(in: target, within: Self.ejectionOptionRange, atMost: Self.ejectionSize)
        return found.isEmpty ? nil : found
    }

    /// Puts back a request that an ejection took out and that no longer fits, even moving others: the
    /// requests of less value standing in one of its best options go out in turn, it goes back first
    /// and they after it, each where it fits (the ejection one link longer). A series pushed out by
    /// the target is often kept out by a request worth less, which has room elsewhere: measured on
    /// generated job teams at a step budget (1,500 steps a worker, seeds 1-70), the seventh yardstick
    /// problem within 1 % of CP-SAT's figure on 56 runs instead of 45, the third on 47 instead of 36
    /// (Benchmarks/yardstick/JOURNAL.md, *ejections in turn*).
    private mutating func ejectInTurn(for r: Int, _ touched: inout [Change]) {
        guard let value = touched.first(where: { $0.request == r })?.old?.value else { return }
        var inTheWay = standing(in: r, within: Self.ejectionOptionRange, atMost: Self.ejectionSize)
        inTheWay.removeAll { o in touched.contains { $0.request == o } || schedule.placements[o].map { $0.value >= value } ?? true }
        guard !inTheWay.isEmpty else { return }
        for o in inTheWay { touched.append(Change(request: o, old: schedule.remove(o), new: nil)) }
        for o in [r] + inTheWay {
            if let placement = placement(for: o) {
                schedule.place(o, placement)
            } else {
                insertMovingOthers(o, &touched)
            }
        }
    }

    private mutating func placement(for r: Int) -> Placement? {
        placer.best(for: r, in: &schedule)
    }

    private func movable(_ r: Int) -> Bool { part?.movable[r] ?? true }

    /// Tries once more every request left out, in construction order, moving others within their
    /// sessions (when exact steps are on). The exact options also see starts past midnight, which
    /// the placement search leaves aside.
    mutating func fillMovingOthers(order: [Int]) {
        var touched: [Change] = []
        for r in order where schedule.placements[r] == nil { insertMovingOthers(r, &touched) }
    }

    /// Places `r` where the others, moved within their sessions, leave room (when exact steps are on);
    /// records what moved.
    private mutating func insertMovingOthers(_ r: Int, _ touched: inout [Change]) {
        guard exact != nil else { return }
        exact!.nodeBudget = Self.insertionBudget
        let outcome = exact!.improve(&schedule, free: [r])
        for (moved, old) in zip(outcome.changed, outcome.previous) where !touched.contains(where: { $0.request == moved }) {
            touched.append(Change(request: moved, old: old, new: nil))
        }
    }

    /// Fits a request left out by re-deciding it exactly together with the requests in the way of
    /// one of its best options and, for a few of those, the requests in the way of where they could
    /// go instead: an ejection chain two links deep, which the ordinary steps, a few requests at a
    /// time, do not reach. (Freeing only those in the target's way, however many, left plans a
    /// request's value below CP-SAT's: the ones in the way have nowhere to go.) Kept only when
    /// better.
    ///
    /// In the climb (``earlySteps``) the target is any request left out that could fit; after it, a
    /// higher priority more likely. The climb's ordinary steps favour higher priorities already, and
    /// what a climbed plan misses is often a series of priority 1 that fits once two or three others
    /// move (`Benchmarks/yardstick/mindiff.py` on the thirteenth and third yardstick job teams at
    /// 0.1 s). Measured at 0.1 s, seeds 1-320: the thirteenth within 1 % of CP-SAT's figure on 209
    /// runs instead of 186, the seventh on 273 instead of 275, the third (seeds 1-160, 241-320) on
    /// 186 instead of 183. Drawn so after the climb too, the twelfth at 1 s left a request out on a
    /// seed where the build before did not (Benchmarks/yardstick/JOURNAL.md, *deep steps for any
    /// request left out in the climb*). After the climb, when both free sets find nothing, a third
    /// follows where the room is (``displacementChain(from:)``). Before any of them, the target is
    /// tried with every request placed (``refit(_:leavingOut:)``), now and then with one
    /// of lower priority left out.
    private mutating func deepStep() -> [Change] {
        let requests = model.problem.requests
        // Those that could fit and whose options are worked out (not over the exact search's limit).
        let left = requests.indices.filter { leftOutButCouldFit($0) && exact!.options.get($0) != nil }
        guard !left.isEmpty else { return [] }
        // After the climb a higher priority more often: draw twice, keep the higher. The second
        // draw is made in the climb too, so that the draws after it stay those the rule was
        // measured with.
        var target = left[Int(random.next() % UInt64(left.count))]
        let other = left[Int(random.next() % UInt64(left.count))]
        if !inTheClimb && requests[other].priority > requests[target].priority { target = other }
        let refitted = refit(target)
        if !refitted.isEmpty { return refitted }
        if random.next() % 100 < Self.exchangeShare {
            let lower = requests.indices.filter { schedule.placements[$0] != nil && requests[$0].priority < requests[target].priority }
            if !lower.isEmpty {
                let exchanged = refit(target, leavingOut: lower[Int(random.next() % UInt64(lower.count))])
                if !exchanged.isEmpty { return exchanged }
            }
        }
        for _ in 0..<Self.deepDraws {
            let changes = reDecide(chain(from: target), budget: Self.deepBudget)
            if !changes.isEmpty { return changes }
        }
        guard !inTheClimb else { return [] }
        return reDecide(
            displacementChain(from: target), budget: Self.deepBudget, heldFirst: true, slack: model.problem.weights.sameCoach)
    }

    /// Fits a request left out by re-deciding it together with every request placed, each of which
    /// must stay placed (``ExactSearch/placeAll(_:free:)``), once for each set of requests placed;
    /// kept only when better. With `out`, that placed request is left out first (an exchange).
    ///
    /// The exchanges a plan a request short misses move six to eight requests, some to options far
    /// down their value order (on the seventh yardstick job team, a request's 63rd best of 165),
    /// which no chain of a few requests and their best options holds. Measured on generated job
    /// teams, first in every deep step, in the climb too: at 1 s, seeds 17-32, the third at
    /// CP-SAT's best minute on 15 runs instead of 8, the tenth on 10 instead of 5, the twelfth on
    /// 5 instead of 0; the seventh on none either way, but a request more (or an exchange of like
    /// value) on all 16 (mean 0.99985 of the best minute instead of 0.99370). At 0.1 s, seeds
    /// 1-16, within 1 %: the third on 16 instead of 2, the thirteenth on 15 instead of 1
    /// (Benchmarks/yardstick/JOURNAL.md, *refit*).
    private mutating func refit(_ target: Int, leavingOut out: Int? = nil) -> [Change] {
        var free = schedule.placements.indices.filter { schedule.placements[$0] != nil && $0 != out }
        free.append(target)
        guard refitsTried.insert(free).inserted else { return [] }
        let before = schedule.objective
        let left = out.map { [Change(request: $0, old: schedule.remove($0), new: nil)] } ?? []
        exact!.nodeBudget = Self.refitBudget
        let outcome = exact!.placeAll(&schedule, free: free)
        let changes = left + zip(outcome.changed, outcome.previous).map { Change(request: $0, old: $1, new: schedule.placements[$0]) }
        guard schedule.objective > before else {
            undo([changes])
            return []
        }
        return changes
    }

    /// Earns a placed request a bonus it lacks (an earlier day, one coach, its consultant along): it,
    /// the requests standing in one of its options worth more than the one it holds and, for a few
    /// of those, the requests standing where they could go instead, re-decided exactly, each trying
    /// the option it holds first. Such a plan moves a few requests two or three links down a chain
    /// (on a job team, four or five, each of them needed); freed by the exact steps' neighbourhoods
    /// they rarely come together, and a search best first spends its budget on the plans far away
    /// before it reaches them. Kept only when better.
    /// When only bonuses are left (or a climbing search is stuck), a longer chain is re-decided near the
    /// plan (see ``nearPlanSize``).
    private mutating func bonusStep() -> [Change] {
        guard let r = shortOfBonus(draws: 32), let value = schedule.placements[r]?.value else { return [] }
        let free = chain(from: r, above: value, size: nearPlan ? Self.nearPlanSize : Self.deepSize)
        let slack = nearPlan ? model.problem.weights.sameCoach : nil
        return reDecide(free, budget: Self.bonusBudget, heldFirst: true, slack: slack)
    }

    /// The target, up to `deepFirstRing` requests standing in one of its best options (of those worth
    /// more than `above`, when given), and, for some of those, up to two standing in one of their own
    /// best options that moves them: at most `size` requests.
    private mutating func chain(from target: Int, above: Int? = nil, size: Int = Self.deepSize) -> [Int] {
        let first = standing(in: target, within: Self.deepOptionRange, atMost: Self.deepFirstRing, above: above)
        var found = [target] + first
        var tries = 0
        while found.count < size && tries < 4 * size && !first.isEmpty {
            tries += 1
            let r = first[Int(random.next() % UInt64(first.count))]
            guard let theirs = exact!.options.get(r), theirs.count > 0, let placement = schedule.placements[r] else { continue }
            let option = Int(random.next() % UInt64(min(theirs.count, Self.deepOptionRange)))
            guard Self.moves(placement, to: option, of: theirs) else { continue }
            var second: [Int] = []
            addStanding(in: option, of: theirs, to: &second)
            second.removeAll { found.contains($0) }
            for _ in 0..<2 where !second.isEmpty && found.count < size {
                found.append(second.remove(at: Int(random.next() % UInt64(second.count))))
            }
        }
        return found
    }

    /// Whether `option` puts a placed request's appointments elsewhere (another session, or the
    /// consultant coming or not) than `placement` does.
    private static func moves(_ placement: Placement, to option: Int, of options: SeriesOptions) -> Bool {
        zip(options.units(of: option, appointments: placement.slots.count), placement.slots).contains { u, slot in
            options.units[Int(u)].session != slot.session || options.units[Int(u)].attends != slot.attends
        }
    }

    /// An ejection chain by least displacement: the target in one of its best options (at random), the
    /// requests in its way; then, breadth first, each of those in one of its best options that moves
    /// it, of the few that displace the least value (its own loss counted), at random, and up to
    /// ``displacementPerLink`` of the requests in that option's way joining in turn: at most
    /// ``deepSize`` requests. Unlike ``chain(from:above:size:)``, which draws the second ring's
    /// options at random, it follows where the room is.
    ///
    /// After its climb, a deep step whose draws found nothing tries this one, re-decided near the plan.
    /// On the twelfth yardstick job team, a plan a request short misses `R43` by four changes two
    /// links deep (`R56` out of `R43`'s way to two afternoons where `R6` and `R9` give way): a deep
    /// step's chain held all four in none of 1,000 draws, and the search placed `R28` instead, whose
    /// plans no later step leaves. Measured at 1 s, seeds 17-240: the twelfth at CP-SAT's figure on 45 runs instead
    /// of 38, fewer a request short (a lean, not a clear gain: batches of 48-64 seeds swung by eight
    /// either way); seeds 17-64 and 193-240 the thirteenth on 77 of 96 instead of 76; seeds 17-64 the
    /// third on 46 instead of 47; seeds 17-32 six others alike. As every deep step, or in the climb,
    /// it cost the third and the thirteenth (Benchmarks/yardstick/JOURNAL.md, *three links deep*).
    private mutating func displacementChain(from target: Int) -> [Int] {
        guard let options = exact!.options.get(target), options.count > 0 else { return [target] }
        let option = Int(random.next() % UInt64(min(options.count, Self.deepOptionRange)))
        var found = [target]
        var queue: [Int] = []
        addStanding(in: option, of: options, to: &queue, inTheWayBesides: found)
        dropAtRandom(&queue, downTo: Self.deepFirstRing)
        found += queue
        var head = 0
        while head < queue.count && found.count < Self.deepSize {
            let r = queue[head]
            head += 1
            guard let theirs = exact!.options.get(r), let placement = schedule.placements[r] else { continue }
            var scored: [(displaced: Int, key: UInt64, inTheWay: [Int])] = []
            for o in 0..<min(theirs.count, Self.displacementRange) where Self.moves(placement, to: o, of: theirs) {
                var blocking: [Int] = []
                addStanding(in: o, of: theirs, to: &blocking, inTheWayBesides: found)
                let displaced = blocking.reduce(0) { $0 + (schedule.placements[$1]?.value ?? 0) } + (placement.value - theirs.values[o])
                scored.append((displaced, random.next(), blocking))
            }
            guard !scored.isEmpty else { continue }
            scored.sort { ($0.displaced, $0.key) < ($1.displaced, $1.key) }
            var next = scored[Int(random.next() % UInt64(min(scored.count, Self.displacementPick)))].inTheWay
            dropAtRandom(&next, downTo: Self.displacementPerLink)
            for b in next where found.count < Self.deepSize && !found.contains(b) {
                found.append(b)
                queue.append(b)
            }
        }
        return found
    }

    /// Re-decides the target and a few neighbours exactly; keeps the result only when it is better.
    private mutating func exactStep(_ target: Int) -> [Change] {
        var neighbours = random.next() % 3 != 0 ? standing(in: target, within: 64, atMost: 5) : []
        if neighbours.isEmpty { neighbours = self.neighbours(of: target, count: 1 + Int(random.next() % 4)) }
        return reDecide([target] + neighbours, budget: Self.exactStepBudget)
    }

    /// Re-decides `free` exactly with `budget` options (see ``ExactSearch/improve(_:free:heldFirst:slack:)``);
    /// keeps the result only when it is better.
    private mutating func reDecide(_ free: [Int], budget: Int, heldFirst: Bool = false, slack: Int? = nil) -> [Change] {
        exact!.nodeBudget = budget
        let outcome = exact!.improve(&schedule, free: free, heldFirst: heldFirst, slack: slack)
        return zip(outcome.changed, outcome.previous).map { Change(request: $0, old: $1, new: schedule.placements[$0]) }
    }

    /// The requests standing in one of the target's `range` best options (at random; of those worth
    /// more than `above`, when given), `count` of them at most, at random: in its sessions, or sharing
    /// its job seeker or consultant at those half-days. Freed together with the target, the exact
    /// search can move them elsewhere to make room (an ejection chain).
    private mutating func standing(in target: Int, within range: Int, atMost count: Int, above: Int? = nil) -> [Int] {
        guard let options = exact!.options.get(target) else { return [] }
        // Options are best first: those worth more than `above` come before the rest.
        let worth = above.map { value in options.values.firstIndex { $0 <= value } ?? options.count } ?? options.count
        guard worth > 0 else { return [] }
        let option = Int(random.next() % UInt64(min(worth, range)))
        var found: [Int] = []
        addStanding(in: option, of: options, to: &found)
        dropAtRandom(&found, downTo: count)
        return found
    }

    /// Takes requests out of `list` at random until at most `count` are left.
    private mutating func dropAtRandom(_ list: inout [Int], downTo count: Int) {
        while list.count > count { list.remove(at: Int(random.next() % UInt64(list.count))) }
    }

    /// Adds to `found` the requests standing in one option of a request: in its sessions, or sharing
    /// its job seeker or consultant at those half-days. With `besides` (the requests freed with it),
    /// only those in its way and none of `besides`: a session's occupants only where it lacks the
    /// seat-time for the request once `besides` are out, the consultant's requests only where the
    /// consultant comes.
    private func addStanding(
        in option: Int, of options: SeriesOptions, to found: inout [Int], inTheWayBesides besides: [Int]? = nil
    ) {
        let target = options.request
        let seeker = model.requestSeeker[target]
        let consultant = model.requestConsultant[target]
        for u in options.units(of: option, appointments: model.problem.requests[target].appointments) {
            let unit = options.units[Int(u)]
            let session = unit.session
            var sessionInTheWay = true
            var consultantInTheWay = consultant >= 0
            if let besides {
                var free = exact!.freeSeatCells(Int(session)) - schedule.seatCellsTaken[Int(session)]
                for o in schedule.occupants[Int(session)] where besides.contains(Int(o)) { free += model.requestCells[Int(o)] }
                sessionInTheWay = free < model.requestCells[target]
                consultantInTheWay = consultantInTheWay && unit.attends
            }
            for s in model.groupSessions[model.sessionGroup[Int(session)]] {
                for o in schedule.occupants[Int(s)]
                where Int(o) != target && !found.contains(Int(o)) && !(besides?.contains(Int(o)) ?? false) && movable(Int(o)) {
                    let r = Int(o)
                    if (s == session && sessionInTheWay) || model.requestSeeker[r] == seeker
                        || (consultantInTheWay && model.requestConsultant[r] == consultant) {
                        found.append(r)
                    }
                }
            }
        }
    }

    /// Up to `count` requests that are left out, at random.
    private mutating func leftOut(count: Int) -> [Int] {
        let n = model.problem.requests.count
        guard schedule.scheduledCount < n else { return [] }
        var found: [Int] = []
        for _ in 0..<(count * 4) where found.count < count {
            let r = Int(random.next() % UInt64(n))
            if leftOutButCouldFit(r) && !found.contains(r) { found.append(r) }
        }
        return found
    }

    /// A request to improve: in the climb (see ``earlySteps``) one that is left out, the higher
    /// priority of two; after it, half the time one that is left out; otherwise one that waits or
    /// misses a bonus.
    private mutating func pickTarget() -> Int? {
        let requests = model.problem.requests
        if schedule.scheduledCount < requests.count {
            if exact != nil && !polishing && inTheClimb, let first = drawLeftOut() {
                guard let second = drawLeftOut() else { return first }
                return requests[second].priority > requests[first].priority ? second : first
            }
            if random.next() % 2 == 0, let r = drawLeftOut() { return r }
        }
        return shortOfBonus(draws: 16)
    }

    /// Whether `r` is left out, this search may move it, and it has an option at all.
    private func leftOutButCouldFit(_ r: Int) -> Bool {
        schedule.placements[r] == nil && movable(r) && hasOptions[r]
    }

    /// A request left out that could fit, at random.
    private mutating func drawLeftOut() -> Int? {
        let requests = model.problem.requests
        // Sample, then fall back to a scan: with few left out, sampling alone rarely finds one (and
        // with one in ten left out, 64 draws miss once in a thousand steps, so the scan of a large
        // problem is rare).
        for _ in 0..<64 {
            let r = Int(random.next() % UInt64(requests.count))
            if leftOutButCouldFit(r) { return r }
        }
        // A closure, not the method itself: a method reference captures a copy of the whole search
        // (a retain and a release of each of its arrays), 3 % of a job team's search at 1 s.
        let left = requests.indices.filter { leftOutButCouldFit($0) }
        return left.isEmpty ? nil : left[Int(random.next() % UInt64(left.count))]
    }

    /// A placed request that waits or misses a bonus, from up to `draws` random draws.
    private mutating func shortOfBonus(draws: Int) -> Int? {
        let count = UInt64(model.problem.requests.count)
        for _ in 0..<draws {
            let r = Int(random.next() % count)
            guard let placement = schedule.placements[r], movable(r) else { continue }
            if placement.value < ceiling[r] { return r }
        }
        return nil
    }

    /// Requests that stand in the target's way, up to `count`: most often those sitting in sessions it
    /// could use; sometimes those sharing its consultant or its job seeker, who may be the ones blocking it.
    private mutating func neighbours(of target: Int, count: Int) -> [Int] {
        if random.next() % 4 == 0 {
            let consultant = model.requestConsultant[target]
            let people = consultant >= 0 && random.next() % 2 == 0
                ? model.consultantRequests[consultant] : model.seekerRequests[model.requestSeeker[target]]
            let placed = people.filter { Int($0) != target && schedule.placements[Int($0)] != nil && movable(Int($0)) }
            if !placed.isEmpty {
                return (0..<count).map { _ in Int(placed[Int(random.next() % UInt64(placed.count))]) }
                    .reduce(into: []) { chosen, r in if !chosen.contains(r) { chosen.append(r) } }
            }
        }
        return sessionNeighbours(of: target, count: count)
    }

    /// Scheduled requests sitting in sessions the target could use, up to `count`.
    private mutating func sessionNeighbours(of target: Int, count: Int) -> [Int] {
        let request = model.problem.requests[target]
        let release = request.release.daysSinceEpoch
        var last = model.lastFirstDay(of: target)
        if let placement = schedule.placements[target] {
            last = min(last, model.sessionDay[Int(placement.slots[0].session)])
        }
        let list = model.requestList[target]
        let span = (request.appointments - 1) * request.gapDays.upperBound
        let range = model.positions(
            list: list, from: max(release, part?.days.lowerBound ?? .min), to: min(last + span, part?.days.upperBound ?? .max))
        guard !range.isEmpty else { return [] }
        var chosen: [Int] = []
        for _ in 0..<(count * 4) where chosen.count < count {
            let s = Int(model.lists[list][range.lowerBound + Int(random.next() % UInt64(range.count))])
            let occupants = schedule.occupants[s]
            guard !occupants.isEmpty else { continue }
            let r = Int(occupants[Int(random.next() % UInt64(occupants.count))])
            if r != target && movable(r) && !chosen.contains(r) { chosen.append(r) }
        }
        return chosen
    }
}
