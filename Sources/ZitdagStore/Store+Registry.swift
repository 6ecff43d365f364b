import GRDB
import ZitdagCore

/// Who and what the store knows: consultants, job seekers, their agendas, sessions, booking rules.
extension Store {
    /// Adds a consultant, or does nothing when they exist.
    public func addConsultant(_ id: String, at now: Instant, actor: String) throws(StoreError) {
        try Store.checkId(id, field: "consultant")
        try write { db in
            try db.run("INSERT OR IGNORE INTO consultant (id) VALUES (?)", [id])
            if db.changesCount > 0 { try AuditLog.record(db, at: now, actor: actor, action: "add consultant", subject: id, detail: "") }
        }
    }

    /// Registers a new job seeker; one already registered is refused (their profile is changed with
    /// ``updateJobSeeker(_:at:actor:change:)``, which keeps what it is not told: `add` on an existing id
    /// once wiped their language, level and loan). One transaction, so two adds cannot both succeed.
    public func addJobSeeker(_ seeker: JobSeeker, at now: Instant, actor: String) throws(StoreError) {
        try write { db in
            guard try JobSeekerTable.profile(db, seeker.id) == nil else { throw StoreError.conflict(Text("job seeker \(seeker.id) is registered already")) }
            try Self.save(seeker, at: now, actor: actor, db)
        }
    }

    /// Changes a registered job seeker's profile: `change` is given their profile, in the same
    /// transaction as the write, and changes what it is told to. Returns the profile as stored.
    public func updateJobSeeker(
        _ id: String, at now: Instant, actor: String, change: (inout JobSeeker) -> Void
    ) throws(StoreError) -> JobSeeker {
        try write { db in
            guard var seeker = try JobSeekerTable.profile(db, id) else { throw StoreError.unknown(kind: Text("job seeker"), id: id) }
            change(&seeker)
            try Self.save(seeker, at: now, actor: actor, db)
            return try JobSeekerTable.profile(db, id) ?? seeker
        }
    }

    /// Every registered job seeker, by id.
    public func jobSeekers() throws(StoreError) -> [JobSeeker] {
        try read { db in
            try db.records(JobSeeker.self, "SELECT * FROM job_seeker ORDER BY id")
        }
    }

    /// The job seekers of consultant `consultant`, by id.
    public func jobSeekers(of consultant: String) throws(StoreError) -> [JobSeeker] {
        try read { db in
            try db.records(JobSeeker.self, "SELECT * FROM job_seeker WHERE consultant_id = ? ORDER BY id", [consultant])
        }
    }

    /// Every consultant's id.
    public func consultants() throws(StoreError) -> [String] {
        try read { db in try String.fetchAll(db, sql: "SELECT id FROM consultant ORDER BY id") }
    }

    /// Saves a job seeker's profile as given, adding them when new.
    public func saveJobSeeker(_ seeker: JobSeeker, at now: Instant, actor: String) throws(StoreError) {
        try write { db in try Self.save(seeker, at: now, actor: actor, db) }
    }

    /// Checks and writes a profile inside the caller's transaction (the language as the sessions name it).
    private static func save(_ seeker: JobSeeker, at now: Instant, actor: String, _ db: Database) throws {
        try checkId(seeker.id, field: "job_seeker")
        guard let initials = Initials.checked(seeker.initials) else {
            throw StoreError.invalid(field: "initials", reason: Initials.refusal(seeker.initials))
        }
        let language = try seeker.language.map { try SessionTable.code(of: $0, db) }
        try db.run("""
                INSERT INTO job_seeker (id, initials, language, digital_level, consultant_id) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET initials = excluded.initials, language = excluded.language,
                    digital_level = excluded.digital_level, consultant_id = excluded.consultant_id
                """, [
                seeker.id, initials, language, seeker.digitalLevel?.rawValue, seeker.consultant,
            ])
        try AuditLog.record(db, at: now, actor: actor, action: "save job seeker", subject: seeker.id, detail: "")
    }

    public func jobSeeker(_ id: String) throws(StoreError) -> JobSeeker? {
        try read { db in try JobSeekerTable.profile(db, id) }
    }

    /// Replaces a consultant's busy times from one source (such as an imported agenda file).
    public func replaceBusy(of consultant: String, with spans: [Span], source: String, at now: Instant, actor: String) throws(StoreError) {
        try write { db in
            try Roster.consultant.require(db, consultant)
            try db.run("DELETE FROM busy WHERE consultant_id = ? AND source = ?", [consultant, source])
            for span in BusyCalendar(spans).spans {
                try db.run(#"INSERT INTO busy (consultant_id, start, "end", source) VALUES (?, ?, ?, ?)"#, [consultant, span.start.seconds, span.end.seconds, source])
            }
            try AuditLog.record(db, at: now, actor: actor, action: "import busy", subject: consultant, detail: "\(spans.count) interval(s) from \(source)")
        }
    }

    /// Stores the sessions the calendars give for `from...to`; calendar sessions in that window that
    /// are gone (a closure added since) are cancelled. Booked appointments keep their rows. The
    /// half-days the calendars take back (`closed`) are kept as cancelled sessions, so that a
    /// refusal can name them.
    public func syncSessions(
        _ sessions: [Session], closed: [Session] = [], from: LocalDate, to: LocalDate, at now: Instant, actor: String
    ) throws(StoreError) -> (added: Int, changed: Int, cancelled: Int) {
        for session in sessions {
            if let problem = session.reservationProblem(gridMinutes: gridMinutes) {
                throw .invalid(field: "reserved", reason: Text("session \(session.id): \(problem)"))
            }
        }
        return try write { db in
            let counts = try SessionTable.sync(db, sessions, closed: closed, days: from.daysSinceEpoch...to.daysSinceEpoch)
            try AuditLog.record(
                db, at: now, actor: actor, action: "sync sessions", subject: "\(from)..\(to)",
                detail: "\(counts.added) added, \(counts.changed) changed, \(counts.cancelled) cancelled")
            return counts
        }
    }

    /// Sets the booking rules of a scope.
    public func setRules(_ rules: BookingRules, for scope: RuleScope, at now: Instant, actor: String) throws(StoreError) {
        guard rules.minimumNoticeDays >= 0, rules.minimumNoticeDays <= 365 else {
            throw .invalid(field: "notice", reason: Text("\(rules.minimumNoticeDays) days; 0 to 365 allowed"))
        }
        guard (1...104).contains(rules.horizonWeeks) else { throw .invalid(field: "horizon", reason: Text("\(rules.horizonWeeks) weeks; 1 to 104 allowed")) }
        guard rules.bufferMinutes >= 0, rules.bufferMinutes <= 120, rules.bufferMinutes % gridMinutes == 0 else {
            throw .invalid(field: "buffer", reason: Text("\(rules.bufferMinutes) minutes; a multiple of \(gridMinutes) up to 120"))
        }
        guard (1...336).contains(rules.offerHours) else { throw .invalid(field: "offer_hours", reason: Text("\(rules.offerHours) hours; 1 to 336 allowed")) }
        guard (0...365).contains(rules.releaseDays) else { throw .invalid(field: "release_days", reason: Text("\(rules.releaseDays) days; 0 to 365 allowed")) }
        let (scope, id) = scope.columns
        try write { db in
            try db.run(
                """
                INSERT OR REPLACE INTO booking_rule (scope, scope_id, minimum_notice_days, horizon_weeks, buffer_minutes, backfill, offer_hours, release_days,
                    no_show_ends_series)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    scope, id, rules.minimumNoticeDays, rules.horizonWeeks, rules.bufferMinutes, rules.backfill.rawValue, rules.offerHours, rules.releaseDays,
                    rules.noShowEndsSeries,
                ])
            try AuditLog.record(
                db, at: now, actor: actor, action: "set rules", subject: "\(scope) \(id)",
                detail: "notice \(rules.minimumNoticeDays) d, horizon \(rules.horizonWeeks) w, buffer \(rules.bufferMinutes) min, backfill \(rules.backfill.rawValue), offers held \(rules.offerHours) h, held-back seats open \(rules.releaseDays) d before"
                    + (rules.noShowEndsSeries ? ", a no-show ends the series" : ""))
        }
    }

    public func ruleBook() throws(StoreError) -> RuleBook {
        try read(RuleTable.ruleBook)
    }

    /// Queues a request for the week's plan (`zitdag plan`).
    public func queue(_ draft: RequestDraft, at now: Instant, actor: String) throws(StoreError) -> Int64 {
        let draft = try presetting(draft)
        try draft.validate(gridMinutes: gridMinutes)
        let today = zone.local(at: now).date
        if let from = draft.from, from < today { throw .invalid(field: "from", reason: Text("\(from) is in the past")) }
        return try write { db in
            let seeker = try draft.jobSeekerProfile(db)
            // The same request queued twice would be planned twice. Compared as stored: from its
            // release, in the job seeker's language when it names none.
            let language = try draft.language(of: seeker, db)
            var asStored = draft
            asStored.from = draft.from ?? today
            asStored.language = language
            for queued in try db.records(RequestRecord.self, "SELECT * FROM request WHERE status = 'pending' AND job_seeker_id = ?", [draft.jobSeeker]) {
                var queuedDraft = queued.draft
                queuedDraft?.from = queued.release
                if queuedDraft == asStored { throw StoreError.conflict(Text("the same request is queued already (request \(queued.id))")) }
            }
            let request = draft.request(id: "", release: draft.from ?? today, language: language, unavailable: [])
            let id = try RequestTable.insert(db, draft, request: request, status: "pending", created: now)
            try AuditLog.record(db, at: now, actor: actor, action: "queue", subject: "request \(id)", detail: "job seeker \(draft.jobSeeker)")
            return id
        }
    }

    /// The requests waiting for the week's plan, oldest first.
    public func queuedRequests() throws(StoreError) -> [(id: Int64, draft: RequestDraft, release: LocalDate)] {
        try read { db in
            try db.records(RequestRecord.self, "SELECT * FROM request WHERE status = 'pending' AND job_seeker_id IS NOT NULL ORDER BY id").compactMap {
                queued in
                guard var draft = queued.draft else { return nil }
                draft.from = queued.release
                return (queued.id, draft, queued.release)
            }
        }
    }

    /// Takes a queued request off the queue (it stays, cancelled, for the audit).
    public func cancelQueuedRequest(_ id: Int64, at now: Instant, actor: String) throws(StoreError) {
        try write { db in
            guard let status = try String.fetchOne(db, sql: "SELECT status FROM request WHERE id = ?", arguments: [id]) else {
                throw StoreError.unknown(kind: Text("request"), id: "\(id)")
            }
            guard status == "pending" else { throw StoreError.conflict(Text("request \(id) is not queued (it is \(status))")) }
            try db.run("UPDATE request SET status = 'cancelled' WHERE id = ?", [id])
            try AuditLog.record(db, at: now, actor: actor, action: "cancel request", subject: "request \(id)", detail: "")
        }
    }

    /// Ids are short codes from case systems: letters, digits, `-`, `_`, `.`; never a name with spaces.
    static func checkId(_ id: String, field: String) throws(StoreError) {
        guard (1...64).contains(id.count), id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }) else {
            throw .invalid(field: field, reason: Text("\"\(id)\": 1 to 64 letters, digits, '-', '_' or '.'"))
        }
    }
}

extension Store {
    /// Every location's id.
    public func locations() throws(StoreError) -> [String] {
        try read { db in try String.fetchAll(db, sql: "SELECT id FROM location ORDER BY id") }
    }
}
