import GRDB
import ZitdagCore

/// Devices, loans and their extensions in the database.
enum LoanTable {
    static func device(_ db: Database, _ id: String) throws -> Device? {
        try db.record(DeviceRecord.self, "SELECT * FROM device WHERE id = ?", [id])?.device
    }

    /// The device a loan lends, when it was recorded.
    static func device(of loan: Loan, _ db: Database) throws -> Device? {
        try loan.device.flatMap { try device(db, $0) }
    }

    /// The loans with the kinds of their devices (`nil` where no device was recorded).
    static func withKinds(_ loans: [Loan], _ db: Database) throws -> [(loan: Loan, kind: Device.Kind?)] {
        try loans.map { (loan: $0, kind: try device(of: $0, db)?.kind) }
    }

    static func devices(_ db: Database) throws -> [Device] {
        try db.records(DeviceRecord.self, "SELECT * FROM device ORDER BY id").map(\.device)
    }

    static func save(_ device: Device, _ db: Database) throws {
        try db.run(
            """
            INSERT INTO device (id, kind, state, bought, location_id) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET state = excluded.state, location_id = excluded.location_id
            """, [device.id, device.kind.rawValue, device.state.rawValue, device.bought.daysSinceEpoch, device.location])
    }

    static func loan(_ db: Database, _ id: Int) throws -> Loan? {
        try loans(db, where: "l.id = ?", [id]).first
    }

    /// Loans matching `condition` (on `loan l`), with their extensions, by id.
    static func loans(_ db: Database, where condition: String, _ arguments: StatementArguments = []) throws -> [Loan] {
        var loans = try db.records(LoanRecord.self, "SELECT l.* FROM loan l WHERE \(condition) ORDER BY l.id", arguments).map(\.loan)
        guard !loans.isEmpty else { return [] }
        let ids = loans.map { String($0.id) }.joined(separator: ",")
        var extensions: [Int: [Loan.Extension]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM loan_extension WHERE loan_id IN (\(ids)) ORDER BY rowid") {
            let day = { (column: String) in LocalDate(daysSinceEpoch: row[column]) }
            extensions[row["loan_id"], default: []].append(Loan.Extension(on: day("day"), from: day("old_until"), to: day("new_until")))
        }
        for i in loans.indices { loans[i].extensions = extensions[loans[i].id] ?? [] }
        return loans
    }

    /// Inserts a new loan and returns it with its id.
    static func insert(_ loan: Loan, handover: Int64?, _ db: Database) throws -> Loan {
        try db.run(
            "INSERT INTO loan (device_id, job_seeker_id, start, until, handover_appointment) VALUES (?, ?, ?, ?, ?)",
            [loan.device, loan.jobSeeker, loan.from.daysSinceEpoch, loan.until.daysSinceEpoch, handover])
        var stored = loan
        stored.id = Int(db.lastInsertedRowID)
        return stored
    }

    /// Writes a loan's end, return and any extensions it has beyond those stored.
    static func update(_ loan: Loan, returnedAt appointment: Int64? = nil, _ db: Database) throws {
        try db.run(
            "UPDATE loan SET until = ?, returned = ?, condition = ?, return_appointment = COALESCE(?, return_appointment) WHERE id = ?",
            [loan.until.daysSinceEpoch, loan.returned?.daysSinceEpoch, loan.condition?.rawValue, appointment, loan.id])
        let stored = try Int.fetchOne(db, sql: "SELECT count(*) FROM loan_extension WHERE loan_id = ?", arguments: [loan.id]) ?? 0
        for change in loan.extensions.dropFirst(stored) {
            try db.run(
                "INSERT INTO loan_extension (loan_id, day, old_until, new_until) VALUES (?, ?, ?, ?)",
                [loan.id, change.on.daysSinceEpoch, change.from.daysSinceEpoch, change.to.daysSinceEpoch])
        }
    }
}

struct DeviceRecord: FetchableRecord {
    var device: Device

    init(row: Row) {
        device = Device(
            id: row["id"], kind: Device.Kind(rawValue: row["kind"]) ?? .laptop, state: Device.State(rawValue: row["state"]) ?? .available,
            bought: LocalDate(daysSinceEpoch: row["bought"]), location: row["location_id"])
    }
}

struct LoanRecord: FetchableRecord {
    var loan: Loan

    init(row: Row) {
        let returned: Int? = row["returned"]
        let condition: String? = row["condition"]
        loan = Loan(
            id: row["id"], device: row["device_id"], jobSeeker: row["job_seeker_id"], from: LocalDate(daysSinceEpoch: row["start"]),
            until: LocalDate(daysSinceEpoch: row["until"]), returned: returned.map(LocalDate.init(daysSinceEpoch:)),
            condition: condition.flatMap(Loan.Condition.init(rawValue:)))
    }
}
