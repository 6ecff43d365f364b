import Foundation
import Testing
import ZitdagCore
import ZitdagStore

/// Random sequences of what consultants and coordinators do at the desk (book one appointment or a
/// series, move, cancel one or the rest, mark, queue, plan, forget), every other sequence with freed
/// places filling from the queue (`backfill book`), each step checked against what must hold
/// whatever came before:
/// - every live appointment passes the core's `PlanChecker` (in its session, on the grid, no session
///   over its seats, no job seeker or attending consultant in two places at once);
/// - a booking is all or nothing: as many appointments as the series asks, all booked;
/// - a refused operation changes nothing: appointments, their states and the queue are as before;
/// - an operation that succeeds changes what a plain reference model says it changes, and nothing
///   else (``expected(after:)``); one the model knows must fail (marking before the start, queueing
///   from yesterday, forgetting a job seeker twice) is refused; where the queue may fill places (a
///   plan, a cancellation with backfill), what it adds is whole series of queued requests, taken off
///   the queue, and nothing booked before changes but what the model says; with `backfill book`, no
///   waiting request the desk would still place through a freed half-day is left waiting.
///
/// Every third sequence runs on half-days with channels (a last hour or a seat kept for walk-in,
/// a seat held back for urgent bookings with releases before and after today) and books one in four
/// as a coordinator's urgent booking: the checker then counts the reservations, and urgent
/// appointments as using the held-back seats first.
@Suite struct DeskSequenceTests {
    /// What the store holds that an operation may change.
    struct State: Equatable {
        var appointments: [BookedAppointment]
        var queued: [Int64]
    }

    static func state(_ fixture: Fixture) throws -> State {
        let days = (Fixture.monday, Fixture.monday.adding(days: 60))
        let appointments = try ["C1", "C2"].flatMap { coach in
            try fixture.store.agenda(of: .coach(coach), from: days.0, to: days.1, includeCancelled: true).flatMap(\.appointments)
        }
        return State(appointments: appointments.sorted { $0.id < $1.id }, queued: try fixture.store.queuedRequests().map(\.id))
    }

    /// What the reference model keeps of an appointment.
    struct Entry: Equatable {
        var request: Int64
        var index: Int
        var session: String
        var span: Span
        var attends: Bool
        var status: BookedAppointment.Status
        var jobSeeker: String?

        init(_ a: BookedAppointment) {
            (request, index, session, span, attends, status, jobSeeker) = (a.request, a.index, a.session, a.span, a.consultantAttends, a.status, a.jobSeeker)
        }
    }

    /// The reference model: appointments by id, and the queue.
    struct Model: Equatable {
        var entries: [Int64: Entry]
        var queued: [Int64]

        init(_ state: State) {
            entries = Dictionary(uniqueKeysWithValues: state.appointments.map { ($0.id, Entry($0)) })
            queued = state.queued
        }

        /// Where `other` differs, in short.
        func differences(from other: Model) -> String {
            let ids = Set(entries.keys).union(other.entries.keys).filter { entries[$0] != other.entries[$0] }.sorted()
            return ids.map { "appointment \($0): \(String(describing: other.entries[$0])) -> \(String(describing: entries[$0]))" }
                .joined(separator: "; ") + (queued == other.queued ? "" : "; queue \(other.queued) -> \(queued)")
        }
    }

    /// The live appointments, each as a one-appointment request, through the core's checker.
    static func violations(_ fixture: Fixture, _ state: State) throws -> [String] {
        var sessions = try fixture.store.sessions(from: Fixture.monday, to: Fixture.monday.adding(days: 60))
        // Urgent appointments take their seats as the sessions' urgent bookings; the rest are checked as a plan.
        let urgent = Dictionary(grouping: state.appointments.filter { $0.status != .cancelled && $0.urgent }, by: \.session)
        for i in sessions.indices {
            sessions[i].booked = []
            sessions[i].bookedUrgent = urgent[sessions[i].id]?.map(\.span) ?? []
        }
        let live = state.appointments.filter { $0.status != .cancelled && !$0.urgent }
        let requests = live.map { a in
            Request(
                id: "A\(a.id)", jobSeeker: a.jobSeeker ?? "erased-\(a.id)", consultant: a.consultant,
                attendance: a.consultantAttends ? .required : .none, duration: a.span.end.seconds - a.span.start.seconds,
                release: Fixture.monday)
        }
        let problem = Problem(
            zone: Fixture.zone, gridMinutes: 15, sessions: sessions, consultants: [Consultant(id: "K1"), Consultant(id: "K2")], requests: requests,
            today: Fixture.zone.local(at: Fixture.now).date)
        let plan = Plan(
            assignments: live.map { Assignment(request: "A\($0.id)", index: 0, session: $0.session, span: $0.span, consultantAttends: $0.consultantAttends) },
            unscheduled: [], objective: 0)
        return PlanChecker(problem: problem).check(plan).violations.filter { $0.rule != .objective }.map(\.message.description)
    }

    /// Queued requests the desk still offers a place through one of the `freed` sessions: with
    /// `backfill book`, a freed place must not stay empty while a waiting request fits it.
    static func unfilled(_ fixture: Fixture, freed: Set<String>) throws -> [String] {
        guard !freed.isEmpty else { return [] }
        return try fixture.store.queuedRequests().compactMap { queued in
            var draft = queued.draft
            draft.from = max(queued.release, Fixture.monday)
            let through = try? fixture.desk.slots(for: draft, count: 50).options.first { $0.assignments.contains { freed.contains($0.session) } }
            return through.map { "request \(queued.id) fits \($0.assignments.map(\.session))" }
        }
    }

    static func pick<T>(_ items: [T], _ random: inout SplitMix64) -> T? {
        items.isEmpty ? nil : items[Int.random(in: 0..<items.count, using: &random)]
    }

    /// A start on a session's day, on or off the grid, sometimes outside every session.
    static func someStart(_ random: inout SplitMix64) -> Instant {
        let day = Fixture.monday.adding(days: 1 + 2 * Int.random(in: 0..<2, using: &random) + 7 * Int.random(in: 0..<4, using: &random))
        let hour = day.weekday == 2 ? 9 : 13
        return Fixture.at(day, hour + Int.random(in: -1...3, using: &random), [0, 15, 30, 45, 7].randomElement(using: &random)!)
    }

    /// Sequences a run tries: 40 in `make test`; `ZITDAG_DESK_SEQUENCES=N` for a longer run.
    static let sequences = max(1, UInt64(ProcessInfo.processInfo.environment["ZITDAG_DESK_SEQUENCES"] ?? "") ?? 40)

    @Test("random sequences of desk operations keep the store sound", arguments: 1...sequences)
    func randomSequencesKeepTheStoreSound(seed: UInt64) throws {
        let fixture = try Fixture(seats: 2, jobSeekers: 10, inMemory: true)
        defer { fixture.remove() }
        let desk = fixture.desk
        let backfill = seed % 2 == 0
        if backfill { try fixture.store.setRules(BookingRules(backfill: .book), for: .standard, at: Fixture.now, actor: "coordinator") }
        var random = SplitMix64(seed: seed)
        let channels = seed % 3 == 0
        if channels {
            for session in try fixture.store.sessions(from: Fixture.monday, to: Fixture.monday.adding(days: 60)) {
                var reserved: [Reservation] = []
                switch Int.random(in: 0..<4, using: &random) {
                case 0: reserved.append(Reservation(.walkIn, span: Span(start: session.span.end.adding(seconds: -3600), end: session.span.end), seats: session.seats))
                case 1: reserved.append(Reservation(.walkIn, span: session.span, seats: 1))
                default: break
                }
                if Bool.random(using: &random) {
                    let held = reserved.first?.seats == session.seats ? Span(start: session.span.start, end: reserved[0].span.start) : session.span
                    reserved.append(Reservation(.urgent, span: held, seats: 1, releaseDays: Int.random(in: 0...14, using: &random)))
                }
                try fixture.store.reserve(session.id, reserved, at: Fixture.now, actor: "coordinator")
            }
        }
        var (booked, refused) = (0, 0)
        var forgotten: Set<String> = []
        var queuedFor: [Int64: String] = [:]
        for step in 0..<80 {
            let before = try Self.state(fixture)
            let live = before.appointments.filter { $0.status == .booked }
            let seeker = "J\(Int.random(in: 1...10, using: &random))"
            let consultant = Bool.random(using: &random) ? "K\(Int.random(in: 1...2, using: &random))" : nil
            var draft = RequestDraft(
                jobSeeker: seeker, consultant: consultant,
                attendance: consultant == nil ? .none : [.required, .preferred].randomElement(using: &random)!,
                durationMinutes: [45, 60, 90].randomElement(using: &random)!, appointments: Int.random(in: 1...3, using: &random),
                gapDays: 7...14)
            draft.urgent = channels && Int.random(in: 0..<4, using: &random) == 0
            let operation = Int.random(in: 0..<9, using: &random)
            var model = Model(before)
            // Set when the reference model says the operation must be refused.
            var mustFail: String?
            // Set when the queue may fill places (a plan, a cancellation with backfill): what the model
            // cannot foresee, it bounds.
            var fromQueue = false
            do {
                switch operation {
                case 0, 1, 2:
                    // Book where the desk offers, or at a time of one's own.
                    let offered = operation == 0 ? nil : Self.pick(try desk.slots(for: draft, count: 3).options, &random)
                    let start = offered?.assignments[0].span.start ?? Self.someStart(&random)
                    let made = try desk.book(draft, at: [SlotChoice(start: start)], actor: "K1")
                    #expect(made.count == draft.appointments && made.allSatisfy { $0.status == .booked }, "step \(step): a partial series")
                    #expect(made.first?.span.start == start)
                    for a in made { model.entries[a.id] = Entry(a) }
                    booked += 1
                case 3:
                    guard let target = Self.pick(live, &random) else { continue }
                    let start = Self.someStart(&random)
                    let moved = try desk.move(appointment: target.id, to: SlotChoice(start: start), actor: "K1")
                    #expect(moved.span.start == start && moved.span.end - moved.span.start == target.span.end - target.span.start)
                    #expect(moved.request == target.request && moved.index == target.index && moved.sequence > target.sequence)
                    model.entries[target.id] = Entry(moved)
                    fromQueue = backfill
                    if backfill {
                        let left = try Self.unfilled(fixture, freed: [target.session])
                        #expect(left.isEmpty, "step \(step): the place a move left stays empty: \(left)")
                    }
                case 4:
                    guard let target = Self.pick(live, &random) else { continue }
                    let wholeSeries = Bool.random(using: &random)
                    _ = try desk.cancel(appointment: target.id, wholeSeries: wholeSeries, actor: "K1")
                    // The one asked for and, for the rest of its series, the booked ones from it on; never an earlier one.
                    let ids = wholeSeries ? live.filter { $0.request == target.request && $0.span.start >= target.span.start }.map(\.id) : [target.id]
                    for id in ids { model.entries[id]!.status = .cancelled }
                    fromQueue = backfill
                    if backfill {
                        let left = try Self.unfilled(fixture, freed: Set(ids.map { model.entries[$0]!.session }))
                        #expect(left.isEmpty, "step \(step): a freed place stays empty: \(left)")
                    }
                case 5:
                    guard let target = Self.pick(live, &random) else { continue }
                    let status: BookedAppointment.Status = Bool.random(using: &random) ? .attended : .noShow
                    if target.span.start > Fixture.now { mustFail = "marked before it starts" }
                    _ = try desk.mark(appointment: target.id, as: status, actor: "K1")
                    model.entries[target.id]!.status = status
                case 6:
                    draft.from = Fixture.monday.adding(days: Int.random(in: -1...10, using: &random))
                    if draft.from! < Fixture.monday { mustFail = "queued from yesterday" }
                    let id = try fixture.store.queue(draft, at: Fixture.now, actor: "K1")
                    model.queued.append(id)
                    queuedFor[id] = seeker
                case 7:
                    _ = try desk.plan(from: Fixture.monday, to: Fixture.monday.adding(days: 6), dryRun: false, timeLimit: .milliseconds(50), actor: "coordinator")
                    fromQueue = true
                default:
                    guard Int.random(in: 0..<4, using: &random) == 0 else { continue }
                    if forgotten.contains(seeker) { mustFail = "forgotten twice" }
                    _ = try fixture.store.forget(jobSeeker: seeker, at: Fixture.now, actor: "coordinator")
                    forgotten.insert(seeker)
                    // Their requests waiting in the queue are erased with them.
                    model.queued.removeAll { queuedFor[$0] == seeker }
                    for (id, entry) in model.entries where entry.jobSeeker == seeker {
                        model.entries[id]!.jobSeeker = nil
                        if entry.status == .booked && entry.span.start > Fixture.now { model.entries[id]!.status = .cancelled }
                    }
                }
                #expect(mustFail == nil, "step \(step), operation \(operation): \(mustFail ?? "") was not refused")
                let after = Model(try Self.state(fixture))
                if fromQueue {
                    // Whole series of queued requests, and nothing booked before changed but as the model says.
                    let new = after.entries.filter { model.entries[$0.key] == nil }
                    #expect(model.entries.allSatisfy { after.entries[$0.key] == $0.value }, "step \(step): filling from the queue changed a booked appointment")
                    let byRequest = Dictionary(grouping: new.values, by: \.request)
                    #expect(byRequest.allSatisfy { request, entries in
                        model.queued.contains(request) && !after.queued.contains(request) && entries.allSatisfy { $0.status == .booked }
                            && Set(entries.map(\.index)) == Set(0..<entries.count)
                    }, "step \(step): filling from the queue booked a partial series or one not queued")
                    #expect(after.queued.allSatisfy(model.queued.contains))
                } else {
                    #expect(after == model, "step \(step), operation \(operation): model -> store: \(after.differences(from: model))")
                }
            } catch {
                refused += 1
                #expect(try Self.state(fixture) == before, "step \(step): refused (\(error)) but changed the store")
            }
            let problems = try Self.violations(fixture, try Self.state(fixture))
            #expect(problems.isEmpty, "seed \(seed), step \(step), operation \(operation): \(problems.prefix(3))")
        }
        // The sequences do both: book and get refused.
        #expect(booked > 0 && refused > 0, "seed \(seed): \(booked) booked, \(refused) refused")
    }
}
