import GRDB
import Synchronization
import ZitdagCore

/// The consultant's desk: slot questions, bookings and changes, over the booking store.
///
/// The CLI and the HTTP endpoint both call these methods. Every decision is the core's
/// (``Availability``, ``BookingDesk``, ``AppointmentRules``, checked by ``PlanChecker``) on state read
/// (``BookingState``) inside the same transaction that writes.
public final class Desk: Sendable {
    public let store: Store
    /// The clock the desk reads.
    public let now: @Sendable () -> Instant
    /// The open sessions and agendas of the booking horizon, compiled for slot questions, until the
    /// store's revision or the day changes.
    private let snapshot = Mutex<Snapshot?>(nil)

    struct Snapshot: Sendable {
        var revision: Int
        var today: LocalDate
        var window: BookingWindow
        var availability: Availability
        var consultants: [Consultant]
        var cancelled: CancelledHalfDays
    }

    /// - Parameter now: the clock; tests pass a fixed one.
    public init(store: Store, now: @escaping @Sendable () -> Instant) {
        self.store = store
        self.now = now
    }

    var zone: Zone { store.zone }

    var today: LocalDate { zone.local(at: now()).date }

    /// The best free slots (or series) for a draft, ranked by the allocator's objective, under the
    /// booking rules; when none fits, ``Offers/reason`` says why.
    public func slots(for draft: RequestDraft, count: Int = 5) throws(StoreError) -> Offers {
        if let problem = RequestSpecification.count.problem(with: count) { throw .invalid(field: RequestSpecification.count.key, reason: problem) }
        let draft = try store.presetting(draft)
        try draft.validate(gridMinutes: store.gridMinutes)
        let today = today
        let release = try release(of: draft, today: today)
        let (snapshot, request) = try store.read { db -> (Snapshot, Request) in
            let found = try self.request(for: draft, release: release, db)
            return (try currentSnapshot(db, today: today, urgent: draft.urgent), found)
        }
        var offers = snapshot.availability.offers(for: snapshot.window.shape(request), count: count)
        if offers.options.isEmpty,
            let reason = snapshot.cancelled.reason(for: request, consultants: snapshot.consultants, zone: zone, gridMinutes: store.gridMinutes)
        {
            offers.reason = reason
        }
        offers.options = offers.options.map { unshape($0, duration: request.duration, window: snapshot.window) }
        return offers
    }

    func release(of draft: RequestDraft, today: LocalDate) throws(StoreError) -> LocalDate {
        guard let from = draft.from else { return today }
        guard from >= today else { throw .invalid(field: "from", reason: Text("\(from) is in the past")) }
        return from
    }

    /// The draft as a core request for its job seeker: their language by default, and their other
    /// appointments as times they cannot come.
    func request(
        for draft: RequestDraft, release: LocalDate, id: String = "new", except: Set<Int64> = [], seeker: JobSeeker? = nil, _ db: Database
    ) throws -> Request {
        let seeker = try seeker ?? draft.jobSeekerProfile(db)
        let unavailable = try JobSeekerTable.booked(db, draft.jobSeeker, except: except)
        return draft.request(id: id, release: release, language: try draft.language(of: seeker, db), unavailable: unavailable)
    }

    /// The state slots are found in; cached for ordinary bookings, built afresh for an urgent one
    /// (which sees the held-back seats).
    private func currentSnapshot(_ db: Database, today: LocalDate, urgent: Bool = false) throws -> Snapshot {
        let revision = try Store.revision(db)
        if !urgent, let cached = snapshot.withLock({ $0 }), cached.revision == revision, cached.today == today { return cached }
        let rules = try RuleTable.ruleBook(db)
        let weeks = ([rules.standard] + rules.byLocation.values + rules.byCoach.values).map(\.horizonWeeks).max() ?? 8
        let state = try BookingState.load(db, days: today...today.adding(days: 7 * weeks), zone: zone, agendas: .all)
        let window = BookingWindow(sessions: state.sessions, rules: rules, today: today, urgent: urgent)
        let fresh = Snapshot(
            revision: revision, today: today, window: window,
            availability: Availability(sessions: window.sessions, consultants: state.consultants, zone: zone, gridMinutes: store.gridMinutes),
            consultants: state.consultants, cancelled: CancelledHalfDays(open: state.sessions, cancelled: state.cancelled, rules: rules, today: today))
        if !urgent { snapshot.withLock { $0 = fresh } }
        return fresh
    }

    func unshape(_ offer: Offer, duration: Int, window: BookingWindow) -> Offer {
        Offer(assignments: offer.assignments.map { window.unshape($0, duration: duration) }, value: offer.value)
    }
}
