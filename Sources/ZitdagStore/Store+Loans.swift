import GRDB
import ZitdagCore

/// The lending pool: the store loads a device and its loans, lets ``LoanDesk`` decide, and writes
/// what it returns, in one transaction.
extension Store {
    /// Adds a device to the inventory; an id in use is refused.
    public func addDevice(_ device: Device, at now: Instant, actor: String) throws(StoreError) {
        try Store.checkId(device.id, field: "device")
        try write { db in
            guard try LoanTable.device(db, device.id) == nil else { throw StoreError.conflict(Text("device \(device.id) is in the inventory already")) }
            if let location = device.location { try Roster.location.require(db, location) }
            var fresh = device
            fresh.state = .available
            try LoanTable.save(fresh, db)
            try AuditLog.record(db, at: now, actor: actor, action: "add device", subject: device.id, detail: device.kind.rawValue)
        }
    }

    /// Every device, by id.
    public func devices() throws(StoreError) -> [Device] {
        try read { db in try LoanTable.devices(db) }
    }

    public func device(_ id: String) throws(StoreError) -> Device? {
        try read { db in try LoanTable.device(db, id) }
    }

    /// Sends a device to repair, back from it, or retires it.
    public func changeDevice(_ id: String, to state: Device.State, at now: Instant, actor: String) throws(StoreError) -> Device {
        try write { db in
            let device = try Self.requireDevice(db, id)
            let changed = try StoreError.catching(zone: zone) { () throws(BookingRefusal) in try LoanDesk.change(device, to: state) }
            try LoanTable.save(changed, db)
            try AuditLog.record(db, at: now, actor: actor, action: "device \(state.rawValue)", subject: id, detail: "")
            return changed
        }
    }

    /// Lends device `device` to a job seeker, from `from` (by default the handover appointment's
    /// day, else today) until `until` (by default six months on). With `handover`, the device is
    /// handed over at that appointment of theirs.
    public func lend(
        device id: String, to jobSeeker: String, from: LocalDate? = nil, until: LocalDate? = nil, handover: Int64? = nil, at now: Instant,
        actor: String
    ) throws(StoreError) -> Loan {
        try write { db in
            let device = try Self.requireDevice(db, id)
            guard try JobSeekerTable.profile(db, jobSeeker) != nil else { throw StoreError.unknown(kind: Text("job seeker"), id: jobSeeker) }
            var start = from ?? zone.local(at: now).date
            if let handover {
                let appointment = try Self.appointment(db, handover, of: jobSeeker)
                start = from ?? zone.local(at: appointment.span.start).date
            }
            let borrowing = try LoanTable.withKinds(LoanTable.loans(db, where: "l.job_seeker_id = ? AND l.returned IS NULL", [jobSeeker]), db)
            let (lent, loan) = try StoreError.catching(zone: zone) { () throws(BookingRefusal) in
                try LoanDesk.lend(device, to: jobSeeker, from: start, until: until, borrowing: borrowing)
            }
            try LoanTable.save(lent, db)
            let stored = try LoanTable.insert(loan, handover: handover, db)
            try AuditLog.record(db, at: now, actor: actor, action: "lend", subject: id, detail: "loan \(stored.id) until \(stored.until), job seeker \(jobSeeker)")
            return stored
        }
    }

    /// Extends an open loan to `until` (by default six months past its current end).
    public func extendLoan(_ id: Int, until: LocalDate? = nil, at now: Instant, actor: String) throws(StoreError) -> Loan {
        try write { db in
            let loan = try Self.requireLoan(db, id)
            let extended = try StoreError.catching(zone: zone) { () throws(BookingRefusal) in
                try LoanDesk.extend(loan, until: until, on: zone.local(at: now).date)
            }
            try LoanTable.update(extended, db)
            try AuditLog.record(db, at: now, actor: actor, action: "extend loan", subject: "loan \(id)", detail: "until \(extended.until)")
            return extended
        }
    }

    /// Takes a loan's device back in `condition` on `on` (by default the return appointment's day,
    /// else today); with `appointment`, at that appointment of the borrower's.
    public func returnLoan(
        _ id: Int, condition: Loan.Condition, on: LocalDate? = nil, appointment: Int64? = nil, at now: Instant, actor: String
    ) throws(StoreError) -> Loan {
        try write { db in
            let loan = try Self.requireLoan(db, id)
            var day = on ?? zone.local(at: now).date
            if let appointment {
                guard let borrower = loan.jobSeeker else { throw StoreError.conflict(Text("loan \(id) has no borrower any more; return it without an appointment")) }
                let start = try Self.appointment(db, appointment, of: borrower).span.start
                day = on ?? zone.local(at: start).date
            }
            let device = try LoanTable.device(of: loan, db)
            let (back, ended) = try StoreError.catching(zone: zone) { () throws(BookingRefusal) in
                try LoanDesk.takeBack(loan, device: device, on: day, condition: condition)
            }
            if let back { try LoanTable.save(back, db) }
            try LoanTable.update(ended, returnedAt: appointment, db)
            try AuditLog.record(db, at: now, actor: actor, action: "return loan", subject: "loan \(id)", detail: "\(day), \(condition.rawValue)")
            return ended
        }
    }

    public func loan(_ id: Int) throws(StoreError) -> Loan? {
        try read { db in try LoanTable.loan(db, id) }
    }

    /// A job seeker's loans, oldest first.
    public func loans(of jobSeeker: String) throws(StoreError) -> [Loan] {
        try read { db in try LoanTable.loans(db, where: "l.job_seeker_id = ?", [jobSeeker]) }
    }

    /// What needs doing on `day` within `weeks` weeks: loans ending, overdue returns, devices due
    /// for replacement. With `consultant`, only their job seekers' loans (and no devices).
    public func loanOverview(on day: LocalDate, weeks: Int, consultant: String? = nil) throws(StoreError) -> LoanOverview {
        try read { db in
            if let consultant {
                let loans = try LoanTable.loans(
                    db, where: "l.returned IS NULL AND l.job_seeker_id IN (SELECT id FROM job_seeker WHERE consultant_id = ?)", [consultant])
                return LoanOverview(devices: [], loans: loans, on: day, weeks: weeks)
            }
            return LoanOverview(devices: try LoanTable.devices(db), loans: try LoanTable.loans(db, where: "l.returned IS NULL"), on: day, weeks: weeks)
        }
    }

    /// Every loan of a device, oldest first: its history, which stays when a borrower is erased.
    public func history(ofDevice id: String) throws(StoreError) -> [Loan] {
        try read { db in
            _ = try Self.requireDevice(db, id)
            return try LoanTable.loans(db, where: "l.device_id = ?", [id])
        }
    }

    static func requireDevice(_ db: Database, _ id: String) throws -> Device {
        guard let device = try LoanTable.device(db, id) else { throw StoreError.unknown(kind: Text("device"), id: id) }
        return device
    }

    static func requireLoan(_ db: Database, _ id: Int) throws -> Loan {
        guard let loan = try LoanTable.loan(db, id) else { throw StoreError.unknown(kind: Text("loan"), id: String(id)) }
        return loan
    }

    /// Appointment `id`, which must be `jobSeeker`'s and not cancelled (else a conflict: the
    /// appointment exists, it is just not one the device can change hands at).
    static func appointment(_ db: Database, _ id: Int64, of jobSeeker: String) throws -> BookedAppointment {
        guard let appointment = try AppointmentTable.appointment(db, id: id) else { throw StoreError.unknown(kind: Text("appointment"), id: String(id)) }
        guard appointment.jobSeeker == jobSeeker else { throw StoreError.conflict(Text("appointment \(id) is not job seeker \(jobSeeker)'s")) }
        guard appointment.status != .cancelled else { throw StoreError.conflict(Text("appointment \(id) is cancelled")) }
        return appointment
    }

    /// The open loans of consultant `consultant`'s job seekers, as words per job seeker ("laptop
    /// L-001 until 2027-05-01"), for their list.
    public func openLoans(consultant: String) throws(StoreError) -> [String: [Text]] {
        try read { db in
            var words: [String: [Text]] = [:]
            let loans = try LoanTable.loans(
                db, where: "l.returned IS NULL AND l.job_seeker_id IN (SELECT id FROM job_seeker WHERE consultant_id = ?)", [consultant])
            for (loan, kind) in try LoanTable.withKinds(loans, db) {
                words[loan.jobSeeker ?? "", default: []].append(Text("\(PersonPath.what(loan, kind)) until \(loan.until)"))
            }
            return words
        }
    }
}
