import GRDB
import ZitdagCore

/// Intakes and what they set: the questionnaire's thresholds (settings), each intake with its
/// answers, the job seeker's level, and the default series per level and location.
extension Store {
    /// The questionnaire with the city's thresholds.
    public func questionnaire() throws(StoreError) -> Questionnaire {
        try read { db in try Self.questionnaire(db) }
    }

    /// Sets the scores from which someone counts as basic and as advanced.
    public func setLevelThresholds(basicFrom: Int, advancedFrom: Int, at now: Instant, actor: String) throws(StoreError) -> Questionnaire {
        let checked = try StoreError.catching(zone: zone) { () throws(BookingRefusal) in
            try Questionnaire.checked(basicFrom: basicFrom, advancedFrom: advancedFrom)
        }
        return try write { db in
            for (key, value) in [("intake_basic_from", basicFrom), ("intake_advanced_from", advancedFrom)] {
                try db.run("INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", [key, String(value)])
            }
            try AuditLog.record(db, at: now, actor: actor, action: "set level thresholds", subject: "setting", detail: "basic \(basicFrom), advanced \(advancedFrom)")
            return checked
        }
    }

    /// Records an intake taken on `day` (by default today) and sets the job seeker's level to it.
    public func recordIntake(
        jobSeeker: String, answers: [String: Int], on day: LocalDate? = nil, location: String? = nil, at now: Instant, actor: String
    ) throws(StoreError) -> Intake {
        try write { db in
            guard try JobSeekerTable.profile(db, jobSeeker) != nil else { throw StoreError.unknown(kind: Text("job seeker"), id: jobSeeker) }
            if let location { try Roster.location.require(db, location) }
            let questionnaire = try Self.questionnaire(db)
            var intake = try StoreError.catching(zone: zone) { () throws(BookingRefusal) in
                try Intake.taking(answers, by: questionnaire, jobSeeker: jobSeeker, on: day ?? zone.local(at: now).date, at: location)
            }
            try db.run(
                "INSERT INTO intake (job_seeker_id, taken, location_id, score, level, created) VALUES (?, ?, ?, ?, ?, ?)",
                [jobSeeker, intake.taken.daysSinceEpoch, location, intake.score, intake.level.rawValue, now.seconds])
            intake.id = Int(db.lastInsertedRowID)
            for (question, answer) in answers.sorted(by: { $0.key < $1.key }) {
                try db.run("INSERT INTO intake_answer (intake_id, question, answer) VALUES (?, ?, ?)", [intake.id, question, answer])
            }
            // The latest intake sets the level (an earlier one entered late does not).
            let latest = try Int.fetchOne(db, sql: "SELECT id FROM intake WHERE job_seeker_id = ? ORDER BY taken DESC, id DESC LIMIT 1", arguments: [jobSeeker])
            if latest == intake.id { try db.run("UPDATE job_seeker SET digital_level = ? WHERE id = ?", [intake.level.rawValue, jobSeeker]) }
            try AuditLog.record(db, at: now, actor: actor, action: "intake", subject: jobSeeker, detail: "intake \(intake.id): \(intake.level.rawValue)")
            return intake
        }
    }

    /// A job seeker's intakes, oldest first.
    public func intakes(of jobSeeker: String) throws(StoreError) -> [Intake] {
        try read { db in try Self.intakes(db, where: "job_seeker_id = ?", [jobSeeker]) }
    }

    /// Sets the default series for `level` at `location` (or, without one, the city's), once checked.
    @discardableResult
    public func setSeriesDefault(
        appointments: Int, durationMinutes: Int, gapDays: ClosedRange<Int>, for level: DigitalLevel, at location: String?, now: Instant, actor: String
    ) throws(StoreError) -> SeriesDefault {
        let series = try StoreError.catching(zone: zone) { () throws(BookingRefusal) in
            try SeriesDefault.checked(appointments: appointments, durationMinutes: durationMinutes, gapDays: gapDays)
        }
        return try write { db in
            if let location { try Roster.location.require(db, location) }
            try db.run(
                """
                INSERT INTO series_default (location_id, level, appointments, duration, gap_min, gap_max) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (location_id, level) DO UPDATE SET appointments = excluded.appointments, duration = excluded.duration,
                    gap_min = excluded.gap_min, gap_max = excluded.gap_max
                """,
                [location ?? "", level.rawValue, series.appointments, series.durationMinutes, series.gapDays.lowerBound, series.gapDays.upperBound])
            try AuditLog.record(
                db, at: now, actor: actor, action: "set series default", subject: location ?? "city",
                detail: "\(level.rawValue): \(series.appointments) x \(series.durationMinutes) min, \(series.gapDays.lowerBound)..\(series.gapDays.upperBound) days")
            return series
        }
    }

    /// The default series for each level: the city's, and each location's own where it set one.
    public func seriesDefaults() throws(StoreError) -> [(location: String?, level: DigitalLevel, series: SeriesDefault)] {
        try read { db in
            var rows: [(location: String?, level: DigitalLevel, series: SeriesDefault)] = []
            for level in DigitalLevel.allCases { rows.append((nil, level, try Self.seriesDefault(db, level: level, location: nil))) }
            for row in try Row.fetchAll(db, sql: "SELECT * FROM series_default WHERE location_id != '' ORDER BY location_id, level") {
                guard let level = DigitalLevel(rawValue: row["level"]) else { continue }
                rows.append((row["location_id"], level, Self.series(row)))
            }
            return rows
        }
    }

    /// The series a request for `jobSeeker` gets by default: by their level, at the location of
    /// their latest intake (or the city's); `nil` without a level.
    public func seriesDefault(for jobSeeker: String) throws(StoreError) -> SeriesDefault? {
        try read { db in
            guard let level = try JobSeekerTable.profile(db, jobSeeker)?.digitalLevel else { return nil }
            let location = try String.fetchOne(
                db, sql: "SELECT location_id FROM intake WHERE job_seeker_id = ? ORDER BY taken DESC, id DESC LIMIT 1", arguments: [jobSeeker])
            return try Self.seriesDefault(db, level: level, location: location)
        }
    }

    /// The draft with its job seeker's default series when it asks for it (``RequestDraft/seriesByLevel``)
    /// and they have a level; else as it is.
    public func presetting(_ draft: RequestDraft) throws(StoreError) -> RequestDraft {
        guard draft.seriesByLevel, let series = try seriesDefault(for: draft.jobSeeker) else { return draft }
        var preset = draft
        preset.appointments = series.appointments
        preset.durationMinutes = series.durationMinutes
        preset.gapDays = series.gapDays
        preset.seriesByLevel = false
        return preset
    }

    static func seriesDefault(_ db: Database, level: DigitalLevel, location: String?) throws -> SeriesDefault {
        let row = try Row.fetchOne(
            db, sql: "SELECT * FROM series_default WHERE level = ? AND location_id IN (?, '') ORDER BY location_id DESC LIMIT 1",
            arguments: [level.rawValue, location ?? ""])
        return row.map(series) ?? SeriesDefault.standard(for: level)
    }

    static func series(_ row: Row) -> SeriesDefault {
        SeriesDefault(appointments: row["appointments"], durationMinutes: row["duration"], gapDays: (row["gap_min"] as Int)...(row["gap_max"] as Int))
    }

    static func questionnaire(_ db: Database) throws -> Questionnaire {
        let value = { (key: String) in try Int.fetchOne(db, sql: "SELECT CAST(value AS INTEGER) FROM setting WHERE key = ?", arguments: [key]) }
        let standard = Questionnaire()
        return Questionnaire(basicFrom: try value("intake_basic_from") ?? standard.basicFrom, advancedFrom: try value("intake_advanced_from") ?? standard.advancedFrom)
    }

    static func intakes(_ db: Database, where condition: String, _ arguments: StatementArguments = []) throws -> [Intake] {
        var answers: [Int: [String: Int]] = [:]
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM intake WHERE \(condition) ORDER BY taken, id", arguments: arguments)
        if !rows.isEmpty {
            let ids = rows.map { String($0["id"] as Int) }.joined(separator: ",")
            for answer in try Row.fetchAll(db, sql: "SELECT * FROM intake_answer WHERE intake_id IN (\(ids))") {
                answers[answer["intake_id"], default: [:]][answer["question"]] = answer["answer"]
            }
        }
        return rows.map { row in
            Intake(
                id: row["id"], jobSeeker: row["job_seeker_id"], taken: LocalDate(daysSinceEpoch: row["taken"]), location: row["location_id"],
                answers: answers[row["id"]] ?? [:], score: row["score"], level: DigitalLevel(rawValue: row["level"]) ?? .starter)
        }
    }
}
