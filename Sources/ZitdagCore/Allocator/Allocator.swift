import Dispatch
import Synchronization

/// The batch allocator: fits requests into sessions, maximising the
/// ``Objective`` under every hard constraint of the problem format.
///
/// It builds a plan greedily (``Construction``) and improves it by
/// large-neighbourhood search until the step budget, the stall limit or the
/// time limit ends it. Workers search on threads of their own, each with a
/// seed of its own: on small problems each improves a plan of its own and the
/// best wins (the first worker's on a tie; the first wanders once stuck and
/// polishes its best plan at the end, the second climbs first,
/// `NeighbourhoodSearch.Role`);
/// on large ones they share out the horizon (``HorizonParts``) and improve
/// one plan together, in rounds cut elsewhere each time. For one seed, one
/// step budget and one number of workers the plan is always the same; only a
/// time limit that cuts the search short depends on the machine.
///
/// ```swift
/// let result = Allocator(problem: problem).solve(options: .init(seed: 7), clock: ContinuousClock())
/// print(result.plan.objective)
/// ```
public struct Allocator: Sendable {
    public struct Options: Sendable {
        public var seed: UInt64
        /// Wall-clock limit for the improvement phase.
        public var timeLimit: Duration
        /// Improvement steps at most; `nil` for no limit but the others.
        public var maxSteps: Int?
        /// Stop after this many steps in a row without a better objective (on large problems, in each
        /// round of the workers' shared-out horizon); `nil` picks one by size.
        public var stallSteps: Int?
        /// Candidate slots one placement search may look at.
        public var nodeBudget: Int
        /// Problems with at most this many requests are finished by an exact branch and bound.
        public var exactRequestLimit: Int
        /// Options the exact search may try before it gives up (and the heuristic plan stands);
        /// the time limit ends it too.
        public var exactNodeBudget: Int
        /// Searches run side by side, one thread each.
        public var workers: Int
        /// Percent of the steps and of the time at the end in which a worker that wanders polishes
        /// its best plan instead (see `NeighbourhoodSearch.polishing`); 0 for never.
        public var polishShare: Int

        public init(
            seed: UInt64 = 1, timeLimit: Duration = .seconds(8), maxSteps: Int? = nil, stallSteps: Int? = nil,
            nodeBudget: Int = 4_000, exactRequestLimit: Int = 12, exactNodeBudget: Int = 20_000_000, workers: Int = 1,
            polishShare: Int = 15
        ) {
            self.workers = max(1, workers)
            self.polishShare = min(100, max(0, polishShare))
            self.exactRequestLimit = exactRequestLimit
            self.exactNodeBudget = exactNodeBudget
            self.seed = seed
            self.timeLimit = timeLimit
            self.maxSteps = maxSteps
            self.stallSteps = stallSteps
            self.nodeBudget = nodeBudget
        }
    }

    /// A plan and how it was reached.
    public struct Result: Sendable {
        public var plan: Plan
        public var scheduled: Int
        /// The objective after construction, before improvement.
        public var constructionObjective: Int
        /// Improvement steps of all workers together.
        public var steps: Int
        /// Whether branch and bound proved that no better plan exists.
        public var provenOptimal: Bool
        public var elapsed: Duration
    }

    public let problem: Problem
    private let model: Model

    public init(problem: Problem) {
        let closed = problem.closingReservations()
        self.problem = closed
        self.model = Model(closed)
    }

    /// Start cells one packing of the exact search of a small problem may try (the improvement
    /// steps' take 20,000): a crowded two-seat session asked for ten appointments ran out of
    /// 20,000 and left the optimum unproven (Benchmarks/yardstick/JOURNAL.md, *rows*).
    static let proofPackingTries = 1_000_000

    /// Steps without a better plan that end the search of a job-team-sized problem.
    static let longStall = 100_000

    /// First plans a small problem's worker builds in perturbed orders: at most this many, and
    /// this many request placements in all (none from about 3,000 requests up).
    static let multiStartLimit = 50
    static let multiStartWork = 3_000

    public func solve<C: Clock>(options: Options = Options(), clock: C) -> Result where C.Duration == Duration {
        let started = clock.now
        var schedule = Schedule(model: model)
        let order = Construction.order(model)
        Construction.build(&schedule, order: order, nodeBudget: options.nodeBudget)
        let constructed = schedule.objective

        // Where the exact steps run (a job team), the search keeps finding better plans after many
        // steps without one (its deep steps leave one basin for a better one): 100,000 steps and
        // more of them, which the time limit usually ends (measured on generated job teams: the
        // third yardstick problem under the default limit in CP-SAT's basin or above on 12 of 12
        // seeds, against 8 of 12 at 1 s; Benchmarks/yardstick/JOURNAL.md has the figures). Tiny
        // ones end in the exact search anyway.
        let searchesLong = problem.requests.count > options.exactRequestLimit
            && problem.requests.count <= NeighbourhoodSearch.exactStepRequestLimit
        let stall = options.stallSteps ?? (searchesLong ? Self.longStall : max(5_000, min(20_000, 2 * problem.requests.count)))
        let stepCap = options.maxSteps ?? (searchesLong ? 10_000 : 300) * problem.requests.count
        var steps = 0
        if problem.requests.count > NeighbourhoodSearch.exactStepRequestLimit,
            var parts = HorizonParts.split(schedule, count: options.workers, round: 0) {
            // Large problems: the workers share out the horizon and improve one plan together, in
            // rounds that cut it elsewhere (see ``HorizonParts``), each with a share of the steps
            // and of the time.
            let rounds = HorizonParts.rounds
            for round in 0..<rounds {
                // A horizon that could be cut once can be cut in every round (the model decides).
                if round > 0 { parts = HorizonParts.split(schedule, count: options.workers, round: round)! }
                let found = improve(
                    schedule, parts: parts, round: round, order: order, options: options, stall: stall,
                    steps: stepCap / rounds + (round < stepCap % rounds ? 1 : 0),
                    until: options.timeLimit * (Double(round + 1) / Double(rounds)), started: started, clock: clock)
                schedule = HorizonParts.merge(schedule, parts: parts, results: found.map(\.schedule))
                steps += found.reduce(0) { $0 + $1.steps }
                if started.duration(to: clock.now) >= options.timeLimit { break }
            }
            Construction.build(&schedule, order: order, nodeBudget: options.nodeBudget)
        } else {
            // Small ones (where the exact steps run, which move requests anywhere): each improves a
            // plan of its own and the best wins.
            let found = improve(
                schedule, parts: nil, round: 0, order: order, options: options, stall: stall, steps: stepCap,
                until: options.timeLimit, started: started, clock: clock)
            schedule = found.dropFirst().reduce(found[0].schedule) { $1.schedule.objective > $0.objective ? $1.schedule : $0 }
            steps = found.reduce(0) { $0 + $1.steps }
        }
        var provenOptimal = false
        if problem.requests.count <= options.exactRequestLimit {
            var exact = ExactSearch(model: model, optionLimit: 1_000_000)
            exact.nodeBudget = options.exactNodeBudget
            exact.packingTries = Self.proofPackingTries
            exact.expired = { started.duration(to: clock.now) >= options.timeLimit }
            let outcome = exact.improve(&schedule, free: Array(problem.requests.indices))
            provenOptimal = outcome.complete
        }
        let plan = makePlan(schedule, nodeBudget: options.nodeBudget)
        return Result(
            plan: plan, scheduled: schedule.scheduledCount, constructionObjective: constructed, steps: steps,
            provenOptimal: provenOptimal, elapsed: started.duration(to: clock.now))
    }

    /// Runs the workers' searches from `start`, one thread each, for `steps` steps a worker at most
    /// or until `until` from `started`; with `parts`, each on its part of the horizon. Returns each
    /// worker's plan and its number of steps.
    private func improve<C: Clock>(
        _ start: Schedule, parts: [NeighbourhoodSearch.Part]?, round: Int, order: [Int], options: Options, stall: Int,
        steps stepCap: Int, until end: Duration, started: C.Instant, clock: C
    ) -> [(schedule: Schedule, steps: Int)] where C.Duration == Duration {
        let multiStarts = problem.requests.isEmpty ? 0 : min(Self.multiStartLimit, Self.multiStartWork / problem.requests.count)
        // Each round its own seeds (the first round's are those of a search without rounds).
        let roundSeed = options.seed &+ UInt64(round) &* 0xD1B5_4A32_D192_ED03
        let outcomes = Mutex<[(schedule: Schedule, steps: Int)?]>(Array(repeating: nil, count: options.workers))
        DispatchQueue.concurrentPerform(iterations: options.workers) { worker in
            var seeds = SplitMix64(seed: roundSeed &+ UInt64(worker) &* 0x9E37_79B9_7F4A_7C15)
            let seed = worker == 0 ? roundSeed : seeds.next()
            var random = SplitMix64(seed: seed ^ 0x5DEE_CE66_D1CE_4E5B)
            // A small problem's worker starts from the best of several first plans of its own, each but
            // the first on a model of its own (see ``Model/unshared()``).
            let first = parts == nil && multiStarts > 0
                ? Construction.bestOf(
                    tries: multiStarts, order: order, model: worker == 0 ? model : model.unshared(),
                    nodeBudget: options.nodeBudget, random: &random)
                : start
            var search = NeighbourhoodSearch(
                schedule: first, seed: seed, order: order, nodeBudget: options.nodeBudget, part: parts?[worker])
            search.expired = { started.duration(to: clock.now) >= end }
            // Workers that each improve a plan of their own: the first (and every second one after
            // it) wanders once stuck, the others climb first.
            search.role = parts != nil ? .plain : worker % 2 == 0 ? .wanders : .climbsFirst
            // By steps as well as by time, so that a step budget gives the same plan every time.
            let polishFrom = stepCap - stepCap * options.polishShare / 100
            let polishAt = end * (Double(100 - options.polishShare) / 100)
            search.polishDue = { steps in
                steps >= polishFrom || (steps % 16 == 0 && started.duration(to: clock.now) >= polishAt)
            }
            let steps = problem.requests.isEmpty ? 0 : search.run { steps, sinceImprovement in
                if steps >= stepCap { return true }
                if sinceImprovement >= stall { return true }
                return steps % 16 == 0 && started.duration(to: clock.now) >= end
            }
            if parts == nil {
                // Whatever still fits where the search ended goes in. The time limit ends the steps,
                // not this last fill (a few hundred options a request): once it has run out, every
                // insertion would stop at its first option.
                search.expired = { false }
                Construction.build(&search.schedule, order: order, nodeBudget: options.nodeBudget)
                search.fillMovingOthers(order: order)
            }
            let found = (search.schedule, steps)
            outcomes.withLock { $0[worker] = found }
        }
        return outcomes.withLock { $0.map { $0! } }
    }

    private func makePlan(_ schedule: Schedule, nodeBudget: Int) -> Plan {
        var assignments: [Assignment] = []
        var unscheduled: [Unscheduled] = []
        let diagnosis = Diagnosis(schedule: schedule, nodeBudget: nodeBudget)
        for (r, request) in problem.requests.enumerated() {
            guard let placement = schedule.placements[r] else {
                unscheduled.append(Unscheduled(request: request.id, reason: diagnosis.reason(for: r)))
                continue
            }
            for (index, slot) in placement.slots.enumerated() {
                assignments.append(Assignment(
                    request: request.id, index: index, session: problem.sessions[Int(slot.session)].id,
                    span: schedule.span(of: slot, cells: model.requestCells[r]), consultantAttends: slot.attends))
            }
        }
        return Plan(assignments: assignments, unscheduled: unscheduled, objective: schedule.objective)
    }
}
