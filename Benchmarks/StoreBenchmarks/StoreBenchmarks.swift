import Benchmark
import Foundation
import ZitdagCore
import ZitdagStore

/// The desk on a region-sized database: 7,800 sessions (200 coaches x 3 half-days x 13 weeks),
/// 1,500 consultants and 50,000 appointments, seen from the Monday the sessions start.
///
/// - "slots query": one `Desk.slots` per iteration for a different job seeker, attendance and series
///   length, on the compiled snapshot (kept until the database changes); p99 is the goal.
/// - "slots query, first after a change": the same, after a booking changed the database, so the
///   snapshot of the booking horizon is read and compiled again.
/// - "book one appointment": one `Desk.book` per iteration at a free place (its own transaction);
///   "book 1,000 appointments" gives the sustained rate, checkpoints included.
/// - "walk-in arrival": one arrival recorded and its expected turn worked out, each at the start of
///   a different half-day (a few arrivals each); p99 is the goal (2 ms).
/// - "cancellation with backfill": one appointment cancelled where the rules say `backfill book`,
///   with 20 requests waiting: the backfill decision, its check and the booking of the requests
///   chosen (the freed hour, and the half-day's other free hours), in the cancellation's
///   transaction; p99 is the goal (10 ms).
/// - "funders' report": three months for the whole region and each of its locations, from 50,000
///   appointments, 4,000 intakes and 3,000 loans; p99 is the goal (1 s, a report a coordinator waits for).
/// - "lend and take back a device": both, each its own transaction, with 3,000 devices and their
///   loans in the store; p99 is the goal (5 ms).
let benchmarks: @Sendable () -> Void = {
    let region = try! RegionDatabase()
    pageBenchmarks(region)
    let drafts = (0..<512).map { i in
        RequestDraft(
            jobSeeker: "B\(i)", consultant: "K\(i % 1_500)", attendance: [.none, .preferred, .required][i % 3],
            durationMinutes: [60, 90, 60, 45][i % 4], appointments: [1, 1, 3, 2][i % 4])
    }
    var query = 0
    Benchmark(
        "slots query (region database)",
        configuration: .init(metrics: [.wallClock, .throughput], timeUnits: .microseconds, warmupIterations: 20, maxDuration: .seconds(20), maxIterations: 5_000)
    ) { _ in
        query += 1
        blackHole(try region.desk.slots(for: drafts[query % drafts.count], count: 5))
    }

    var change = 0
    Benchmark(
        "slots query, first after a change (region database)",
        configuration: .init(metrics: [.wallClock], timeUnits: .milliseconds, warmupIterations: 1, maxDuration: .seconds(30), maxIterations: 20)
    ) { benchmark in
        change += 1
        _ = try region.bookNext()
        benchmark.startMeasurement()
        blackHole(try region.desk.slots(for: drafts[change % drafts.count], count: 5))
        benchmark.stopMeasurement()
    }

    Benchmark(
        "book one appointment (region database)",
        configuration: .init(metrics: [.wallClock, .throughput], timeUnits: .microseconds, warmupIterations: 10, maxDuration: .seconds(20), maxIterations: 2_000)
    ) { _ in
        blackHole(try region.bookNext())
    }

    Benchmark(
        "book 1,000 appointments one after another (region database)",
        configuration: .init(metrics: [.wallClock], timeUnits: .milliseconds, warmupIterations: 0, maxDuration: .seconds(30), maxIterations: 3)
    ) { _ in
        for _ in 0..<1_000 { blackHole(try region.bookNext()) }
    }

    var arrival = 0
    Benchmark(
        "walk-in arrival with its expected turn (region database)",
        configuration: .init(metrics: [.wallClock, .throughput], timeUnits: .microseconds, warmupIterations: 10, maxDuration: .seconds(20), maxIterations: 2_000)
    ) { _ in
        arrival += 1
        let session = region.sessions[(arrival * 7_919) % region.sessions.count]
        blackHole(try region.store.walkInArrive(session: session.id, initials: "AB", topic: .email, at: session.span.start, actor: "bench"))
    }

    Benchmark(
        "funders' report, three months, region and each location (region database)",
        configuration: .init(metrics: [.wallClock], timeUnits: .milliseconds, warmupIterations: 1, maxDuration: .seconds(30), maxIterations: 20)
    ) { _ in
        blackHole(try region.store.fundersReport(from: LocalDate(year: 2026, month: 11, day: 1)!, to: LocalDate(year: 2027, month: 1, day: 31)!))
    }

    var lending = 0
    Benchmark(
        "lend and take back a device (region database)",
        configuration: .init(metrics: [.wallClock, .throughput], timeUnits: .microseconds, warmupIterations: 5, maxDuration: .seconds(20), maxIterations: 1_000)
    ) { _ in
        lending += 1
        let loan = try region.store.lend(device: "S-\(lending % 500)", to: "B\(lending % 512)", at: region.now, actor: "bench")
        blackHole(try region.store.returnLoan(loan.id, condition: .good, at: region.now, actor: "bench"))
    }

    Benchmark(
        "cancellation with backfill, 20 requests waiting (region database)",
        configuration: .init(metrics: [.wallClock], timeUnits: .microseconds, warmupIterations: 5, maxDuration: .seconds(30), maxIterations: 500)
    ) { benchmark in
        let appointment = try region.bookWithWaitingList()
        benchmark.startMeasurement()
        let cancellation = try region.desk.cancelling(appointment: appointment, actor: "bench")
        benchmark.stopMeasurement()
        // The freed hour, and any other free hour of the half-day (each seat's last hour was left free).
        precondition(!cancellation.filled.appointments.isEmpty, "the freed hour went to no waiting request")
    }
}

/// The region database's folder, for the exit handler (which can capture nothing).
nonisolated(unsafe) private var regionFolder: String?

/// A region-sized store in a temporary folder, with free places left at the end of each session
/// for the booking benchmark.
final class RegionDatabase: @unchecked Sendable {
    let store: Store
    let desk: Desk
    let now: Instant
    private var free: [(session: String, start: Instant)] = []
    private var next = 0

    init() throws {
        let monday = LocalDate(year: 2026, month: 11, day: 23)!
        let now = Zone.brussels.instant(for: LocalDateTime(date: monday, secondOfDay: 8 * 3600))!
        self.now = now
        let folder = NSTemporaryDirectory() + "zitdag-bench-\(UUID().uuidString)"
        // Each benchmark process builds its own database (10-50 MB with its log): gone when it exits.
        regionFolder = folder
        atexit { if let regionFolder { try? FileManager.default.removeItem(atPath: regionFolder) } }
        store = try Store(path: folder + "/zitdag.sqlite")
        desk = Desk(store: store, now: { now })
        let problem = ProblemGenerator(size: .region, seed: 1, start: monday).generate()
        _ = try store.syncSessions(problem.sessions, from: monday, to: monday.adding(days: 7 * 13), at: now, actor: "bench")
        for consultant in problem.consultants { try store.addConsultant(consultant.id, at: now, actor: "bench") }
        // Fill each session's seats with back-to-back hours from the start, leaving the last hour of
        // every seat free, until 50,000 appointments.
        var appointments: [ImportedAppointment] = []
        var seeker = 0
        outer: for session in problem.sessions where session.day > monday {
            let hours = session.span.seconds / 3600
            for seat in 0..<session.seats {
                for hour in 0..<max(0, hours - 1) {
                    let start = session.span.start.adding(seconds: hour * 3600)
                    seeker += 1
                    appointments.append(ImportedAppointment(
                        jobSeeker: "J\(seeker)", consultant: "K\(seeker % 1_500)", session: session.id,
                        span: Span(start: start, end: start.adding(seconds: 3600)), consultantAttends: seeker % 3 == 0))
                    if appointments.count == 50_000 { break outer }
                }
                // Inside the default horizon of 8 weeks, each seat's last hour is a place to book.
                if hours >= 1, session.day <= monday.adding(days: 56) {
                    free.append((session.id, session.span.start.adding(seconds: (hours - 1) * 3600)))
                }
            }
        }
        try store.importAppointments(appointments, at: now, actor: "bench")
        precondition(free.count >= 5_100, "only \(free.count) free places")
        for i in 0..<512 { try store.saveJobSeeker(JobSeeker(id: "B\(i)", initials: "BE"), at: now, actor: "bench") }
        for i in 0..<8_000 { try store.saveJobSeeker(JobSeeker(id: "N\(i)", initials: "NB"), at: now, actor: "bench") }
        for i in 0..<2_000 { try store.saveJobSeeker(JobSeeker(id: "W\(i)", initials: "WA"), at: now, actor: "bench") }
        // The digital package: intakes for 4,000 of the booked job seekers, 3,000 devices lent to as
        // many, and 500 spare ones for the lending benchmark.
        let today = monday
        let locations = Array(Set(problem.sessions.map(\.location))).sorted()
        for j in 1...4_000 {
            let skill = j % 4
            _ = try store.recordIntake(
                jobSeeker: "J\(j)", answers: ["computer": skill, "email": skill, "internet": 3 - skill, "forms": 1, "jobs": skill % 2, "device": j % 2, "connection": 1],
                on: today.adding(days: -(j % 60)), location: locations[j % locations.count], at: now, actor: "bench")
        }
        for d in 0..<3_500 {
            let id = d < 3_000 ? "L-\(d)" : "S-\(d - 3_000)"
            try store.addDevice(Device(id: id, kind: d % 3 == 0 ? .tablet : .laptop, bought: today.adding(days: -(d % 1_800)), location: locations[d % locations.count]), at: now, actor: "bench")
            if d < 3_000 { _ = try store.lend(device: id, to: "J\(d + 10)", from: today.adding(days: -(d % 180)), at: now, actor: "bench") }
        }
        sessions = problem.sessions
    }

    /// The sessions, for the walk-in benchmark.
    var sessions: [Session] = []
    private var waiter = 0
    private var backfillOn = false

    /// Books the next free place and tops the waiting list up to 20 requests (backfill on); returns
    /// the appointment to cancel.
    func bookWithWaitingList() throws -> Int64 {
        if !backfillOn {
            try store.setRules(BookingRules(backfill: .book), for: .standard, at: now, actor: "bench")
            backfillOn = true
        }
        // Places the backfill filled before are taken: on to the next free one.
        var booked: [BookedAppointment] = []
        while booked.isEmpty {
            do { booked = try bookNext() } catch let error as StoreError where error.code == .taken {}
        }
        for _ in try store.queuedRequests().count..<20 {
            waiter += 1
            _ = try store.queue(RequestDraft(jobSeeker: "W\(waiter % 2_000)", priority: 1 + waiter % 5), at: now, actor: "bench")
        }
        return booked[0].id
    }

    /// Books one hour at the next free place for a job seeker who has no appointment yet.
    func bookNext() throws -> [BookedAppointment] {
        defer { next += 1 }
        let place = free[next % free.count]
        return try desk.book(
            RequestDraft(jobSeeker: "N\(next % 8_000)"), at: [SlotChoice(start: place.start, session: place.session)], actor: "bench")
    }
}
