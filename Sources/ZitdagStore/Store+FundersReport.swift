import GRDB
import ZitdagCore

/// The funders' report and each person's path, read from what happened.
extension Store {
    /// The report for the months from `from`'s to `to`'s: the whole city and each location, or only
    /// `location`'s rows.
    public func fundersReport(from: LocalDate, to: LocalDate, location: String? = nil) throws(StoreError) -> FundersReport {
        try read { db in
            if let location { try Roster.location.require(db, location) }
            let facts = try Self.reportFacts(db, zone: zone)
            let locations = try location.map { [$0] } ?? String.fetchAll(db, sql: "SELECT id FROM location ORDER BY id")
            let report = FundersReport(facts: facts, from: from, to: to, locations: locations)
            return location == nil ? report : FundersReport(rows: report.rows.filter { $0.location != nil })
        }
    }

    /// What the report counts: every appointment (everyone's first attended one ends their wait, so
    /// from the start), intake and loan (with its device's location), and first requests; the core
    /// picks each month's. An erased person is keyed by their request.
    static func reportFacts(_ db: Database, zone: Zone) throws -> FundersReport.Facts {
        let appointments = try Row.fetchAll(
            db,
            sql: """
                SELECT COALESCE(r.job_seeker_id, 'request ' || r.id) AS person, s.location_id, a.start, a.status, a.cancelled_by, a.cancel_reason
                FROM appointment a JOIN request r ON r.id = a.request_id JOIN session s ON s.id = a.session_id
                """
        ).map { row in
            let by: String? = row["cancelled_by"]
            let reason: String? = row["cancel_reason"]
            return FundersReport.Facts.Appointment(
                person: row["person"], location: row["location_id"], day: zone.local(at: Instant(seconds: row["start"])).date,
                status: AppointmentStatus(rawValue: row["status"]) ?? .booked,
                cause: by.flatMap(CancellationCause.Party.init(rawValue:)).map {
                    CancellationCause(by: $0, reason: reason.flatMap(CancellationCause.Reason.init(rawValue:)) ?? .notGiven)
                })
        }
        let intakes = try intakes(db, where: "1")
        let loans = try LoanTable.loans(db, where: "1")
        var kept: [String: String?] = [:]
        for device in try LoanTable.devices(db) { kept[device.id] = device.location }
        var firstAsked: [String: LocalDate] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT COALESCE(job_seeker_id, 'request ' || id) AS person, MIN(created) AS first FROM request GROUP BY 1") {
            firstAsked[row["person"]] = zone.local(at: Instant(seconds: row["first"])).date
        }
        return FundersReport.Facts(
            appointments: appointments, intakes: intakes,
            loans: loans.map { FundersReport.Facts.Lending(loan: $0, location: $0.device.flatMap { kept[$0] ?? nil }) }, firstAsked: firstAsked)
    }

    /// One job seeker's path: intakes, requests, appointments and how they went, loans.
    public func path(of jobSeeker: String) throws(StoreError) -> PersonPath {
        try read { db in
            guard try JobSeekerTable.profile(db, jobSeeker) != nil else { throw StoreError.unknown(kind: Text("job seeker"), id: jobSeeker) }
            let requests = try Row.fetchAll(
                db, sql: "SELECT id, created, appointments, duration FROM request WHERE job_seeker_id = ? AND replaces IS NULL ORDER BY id",
                arguments: [jobSeeker]
            ).map { row in
                PersonPath.Request(
                    id: row["id"], created: zone.local(at: Instant(seconds: row["created"])).date, appointments: row["appointments"],
                    durationMinutes: (row["duration"] as Int) / 60)
            }
            let appointments = try AppointmentTable.fetch(db, where: "r.job_seeker_id = ? ORDER BY a.start", [jobSeeker]).map { a in
                PersonPath.Appointment(
                    id: a.id, start: zone.local(at: a.span.start), session: a.session, location: a.location, status: a.status, cause: a.cause)
            }
            let loans = try LoanTable.withKinds(LoanTable.loans(db, where: "l.job_seeker_id = ?", [jobSeeker]), db)
            return PersonPath(
                jobSeeker: jobSeeker, intakes: try Self.intakes(db, where: "job_seeker_id = ?", [jobSeeker]), requests: requests,
                appointments: appointments, loans: loans)
        }
    }
}
