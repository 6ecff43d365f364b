import Foundation
import Testing
import ZitdagCore
import ZitdagStore

/// Random sequences of what consultants and coordinators do at the desk (book one appointment or a
/// series, move, cancel one or the rest, mark, queue, plan, forget), each step checked against what
/// must hold whatever came before:
/// - every live appointment passes the core's `PlanChecker` (in its session, on the grid, no session
///   over its seats, no job seeker or attending consultant in two places at once);
/// - a booking is all or nothing: as many appointments as the series asks, all booked;
/// - a refused operation changes nothing: appointments, their states and the queue are as before.
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

    /// The live appointments, each as a one-appointment request, through the core's checker.
    static func violations(_ fixture: Fixture, _ state: State) throws -> [String] {
        var sessions = try fixture.store.sessions(from: Fixture.monday, to: Fixture.monday.adding(days: 60))
        for i in sessions.indices { sessions[i].booked = [] }
        let live = state.appointments.filter { $0.status != .cancelled }
        let requests = live.map { a in
            Request(
                id: "A\(a.id)", jobSeeker: a.jobSeeker ?? "erased-\(a.id)", consultant: a.consultant,
                attendance: a.consultantAttends ? .required : .none, duration: a.span.end.seconds - a.span.start.seconds,
                release: Fixture.monday)
        }
        let problem = Problem(
            zone: Fixture.zone, gridMinutes: 15, sessions: sessions, consultants: [Consultant(id: "K1"), Consultant(id: "K2")], requests: requests)
        let plan = Plan(
            assignments: live.map { Assignment(request: "A\($0.id)", index: 0, session: $0.session, span: $0.span, consultantAttends: $0.consultantAttends) },
            unscheduled: [], objective: 0)
        return PlanChecker(problem: problem).check(plan).violations.filter { $0.rule != .objective }.map(\.message)
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

    @Test("random sequences of desk operations keep the store sound", arguments: 1...40)
    func randomSequencesKeepTheStoreSound(seed: UInt64) throws {
        let fixture = try Fixture(seats: 2, jobSeekers: 10)
        defer { fixture.remove() }
        let desk = fixture.desk
        var random = SplitMix64(seed: seed)
        var (booked, refused) = (0, 0)
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
            let operation = Int.random(in: 0..<9, using: &random)
            do {
                switch operation {
                case 0, 1, 2:
                    // Book where the desk offers, or at a time of one's own.
                    let offered = operation == 0 ? nil : Self.pick(try desk.slots(for: draft, count: 3).options, &random)
                    let start = offered?.assignments[0].span.start ?? Self.someStart(&random)
                    let made = try desk.book(draft, at: [SlotChoice(start: start)], actor: "K1")
                    #expect(made.count == draft.appointments && made.allSatisfy { $0.status == .booked }, "step \(step): a partial series")
                    booked += 1
                case 3:
                    guard let target = Self.pick(live, &random) else { continue }
                    _ = try desk.move(appointment: target.id, to: SlotChoice(start: Self.someStart(&random)), actor: "K1")
                case 4:
                    guard let target = Self.pick(live, &random) else { continue }
                    let cancelled = try desk.cancel(appointment: target.id, wholeSeries: Bool.random(using: &random), actor: "K1")
                    #expect(cancelled.allSatisfy { $0.status == .cancelled && $0.span.start >= target.span.start })
                case 5:
                    guard let target = Self.pick(live, &random) else { continue }
                    _ = try desk.mark(appointment: target.id, as: Bool.random(using: &random) ? .attended : .noShow, actor: "K1")
                case 6:
                    draft.from = Fixture.monday.adding(days: Int.random(in: -1...10, using: &random))
                    _ = try fixture.store.queue(draft, at: Fixture.now, actor: "K1")
                case 7:
                    _ = try desk.plan(from: Fixture.monday, to: Fixture.monday.adding(days: 6), dryRun: false, timeLimit: .milliseconds(50), actor: "coordinator")
                default:
                    guard Int.random(in: 0..<4, using: &random) == 0 else { continue }
                    _ = try fixture.store.forget(jobSeeker: seeker, at: Fixture.now, actor: "coordinator")
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
