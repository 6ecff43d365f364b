/// The batch allocator: fits requests into sessions, maximising the
/// ``Objective`` under every hard constraint of the problem format.
///
/// It builds a plan greedily (``Construction``) and improves it by
/// large-neighbourhood search until the step budget, the stall limit or the
/// time limit ends it. For one seed and one step budget the plan is always
/// the same; only a time limit that cuts the search short depends on the machine.
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
        /// Stop after this many steps in a row without a better objective; `nil` picks one by size.
        public var stallSteps: Int?
        /// Candidate slots one placement search may look at.
        public var nodeBudget: Int
        /// Problems with at most this many requests are finished by an exact branch and bound.
        public var exactRequestLimit: Int
        /// Options the exact search may try before it gives up (and the heuristic plan stands);
        /// the time limit ends it too.
        public var exactNodeBudget: Int

        public init(
            seed: UInt64 = 1, timeLimit: Duration = .seconds(8), maxSteps: Int? = nil, stallSteps: Int? = nil,
            nodeBudget: Int = 4_000, exactRequestLimit: Int = 12, exactNodeBudget: Int = 20_000_000
        ) {
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
        public var steps: Int
        /// Whether branch and bound proved that no better plan exists.
        public var provenOptimal: Bool
        public var elapsed: Duration
    }

    public let problem: Problem
    private let model: Model

    public init(problem: Problem) {
        self.problem = problem
        self.model = Model(problem)
    }

    public func solve<C: Clock>(options: Options = Options(), clock: C) -> Result where C.Duration == Duration {
        let started = clock.now
        var schedule = Schedule(model: model)
        let order = Construction.order(model)
        Construction.build(&schedule, order: order, nodeBudget: options.nodeBudget)
        let constructed = schedule.objective

        let stall = options.stallSteps ?? max(5_000, min(20_000, 2 * problem.requests.count))
        let stepCap = options.maxSteps ?? 300 * problem.requests.count
        var search = NeighbourhoodSearch(schedule: schedule, seed: options.seed, order: order, nodeBudget: options.nodeBudget)
        let steps = problem.requests.isEmpty ? 0 : search.run { steps, sinceImprovement in
            if steps >= stepCap { return true }
            if sinceImprovement >= stall { return true }
            return steps % 16 == 0 && started.duration(to: clock.now) >= options.timeLimit
        }
        // Whatever still fits where the search ended goes in.
        Construction.build(&search.schedule, order: order, nodeBudget: options.nodeBudget)
        search.fillMovingOthers(order: order)
        schedule = search.schedule
        var provenOptimal = false
        if problem.requests.count <= options.exactRequestLimit {
            var exact = ExactSearch(model: model, optionLimit: 1_000_000)
            exact.nodeBudget = options.exactNodeBudget
            exact.expired = { started.duration(to: clock.now) >= options.timeLimit }
            let outcome = exact.improve(schedule, free: Array(problem.requests.indices))
            if let better = outcome.better { schedule = better }
            provenOptimal = outcome.complete
        }
        let plan = makePlan(schedule, nodeBudget: options.nodeBudget)
        return Result(
            plan: plan, scheduled: schedule.scheduledCount, constructionObjective: constructed, steps: steps,
            provenOptimal: provenOptimal, elapsed: started.duration(to: clock.now))
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
