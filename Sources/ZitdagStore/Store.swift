import Foundation
import GRDB
import ZitdagCore

/// The booking store: one SQLite database in WAL mode, reached through a GRDB `DatabasePool` (or,
/// for tests, any GRDB `DatabaseWriter`, such as an in-memory `DatabaseQueue`).
///
/// Every write is one immediate transaction, so two processes booking at once are serialised by
/// SQLite itself, and a process killed half-way leaves nothing half-written. Each write also bumps
/// a revision number, which lets readers keep answers cached until something changes.
public final class Store: Sendable {
    public let path: String
    let database: any DatabaseWriter
    /// The time zone all wall-clock times are in.
    public let zone: Zone
    public let gridMinutes: Int
    /// Milliseconds every write waits just before it commits: only for tests that kill a process in
    /// the middle of a transaction (`ZITDAG_TEST_STALL_MS`).
    let stallBeforeCommit: Int

    /// The database path: `ZITDAG_DB` when set, otherwise `$XDG_DATA_HOME/zitdag/zitdag.sqlite`
    /// (`~/.local/share/zitdag/zitdag.sqlite` when that is unset).
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let path = environment["ZITDAG_DB"], !path.isEmpty { return path }
        let data = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? ".") + "/.local/share"
        return data + "/zitdag/zitdag.sqlite"
    }

    /// How every connection is set up: foreign keys on, `busyTimeout` seconds of waiting for another
    /// process's write, NORMAL sync.
    static func configuration(busyTimeout: Double = 10) -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "zitdag"
        configuration.prepareDatabase { db in
            // WAL with NORMAL sync: a commit survives any process crash; only a power cut may lose
            // the last commits, and never leaves the file inconsistent.
            try db.run("PRAGMA synchronous = NORMAL")
            // The log is copied back into the database file (with two fsyncs) once it holds 10,000
            // pages (~40 MB) instead of SQLite's 1,000: the pages every booking changes (index ends,
            // the revision) are copied once instead of ten times. On the region-sized store the
            // checkpoints at 1,000 pages were ~40 % of the time of 1,000 bookings (733 ms p50 against
            // 435 ms with none); the one booking in ~1,000 that checkpoints now waits 35-80 ms.
            try db.run("PRAGMA wal_autocheckpoint = 10000")
        }
        return configuration
    }

    /// Opens the database at `path`, creating it (and its folder) on first use and migrating it to
    /// the current schema.
    ///
    /// - Parameter busyTimeout: seconds to wait for another process's write before giving up.
    public convenience init(path: String, busyTimeout: Double = 10, stallBeforeCommit: Int = 0) throws(StoreError) {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        let pool: DatabasePool
        do { pool = try DatabasePool(path: path, configuration: Self.configuration(busyTimeout: busyTimeout)) } catch {
            throw Store.translate(error, path: path)
        }
        try self.init(database: pool, path: path, stallBeforeCommit: stallBeforeCommit)
    }

    /// A store in memory, gone with it: for tests that need no file.
    public static func inMemory() throws(StoreError) -> Store {
        let queue: DatabaseQueue
        do { queue = try DatabaseQueue(configuration: configuration()) } catch { throw Store.translate(error, path: ":memory:") }
        return try Store(database: queue, path: ":memory:")
    }

    /// The store over `database`, migrated to the current schema; `path` names it in messages.
    public init(database: any DatabaseWriter, path: String, stallBeforeCommit: Int = 0) throws(StoreError) {
        self.path = path
        self.stallBeforeCommit = stallBeforeCommit
        self.database = database
        do {
            try Schema.migrator.migrate(database)
            let settings = try database.write { db in
                try db.run("""
                    INSERT OR IGNORE INTO setting (key, value) VALUES ('zone', 'Europe/Brussels'), ('grid_minutes', '15'), ('revision', '0')
                    """)
                return try Dictionary(
                    uniqueKeysWithValues: db.rows("SELECT key, value FROM setting").map { ($0["key"] as String, $0["value"] as String) })
            }
            guard let zone = Zone(identifier: settings["zone"] ?? "") else {
                throw StoreError.unusable(path: path, reason: Text("unknown time zone \(settings["zone"] ?? "")"))
            }
            self.zone = zone
            gridMinutes = Int(settings["grid_minutes"] ?? "") ?? 15
        } catch {
            throw Store.translate(error, path: path)
        }
    }

    /// Reads from a consistent snapshot.
    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            // A queue's one connection serialises every access, so nothing can change between two
            // statements of a read. GRDB's `read` would also switch it to `query_only` and back, and
            // that expires every compiled statement: SQLite compiled them all again on the next
            // read (over half of the in-memory store's time in the desk's sequence test).
            if let queue = database as? DatabaseQueue { return try queue.inDatabase(body) }
            return try database.read(body)
        } catch {
            throw Store.translate(error, path: path)
        }
    }

    /// Writes in one immediate transaction, and bumps the revision; anything thrown rolls it all back.
    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try database.write { db in
                let result = try body(db)
                try db.run("UPDATE setting SET value = CAST(value AS INTEGER) + 1 WHERE key = 'revision'")
                if stallBeforeCommit > 0 { usleep(UInt32(min(stallBeforeCommit, 60_000)) * 1000) }
                return result
            }
        } catch {
            throw Store.translate(error, path: path)
        }
    }

    /// The revision: it changes with every committed write, in any process.
    static func revision(_ db: Database) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT CAST(value AS INTEGER) FROM setting WHERE key = 'revision'")) ?? 0
    }

    static func translate(_ error: any Error, path: String) -> StoreError {
        if let error = error as? StoreError { return error }
        guard let error = error as? DatabaseError else { return .unusable(path: path, reason: Text(verbatim: "\(error)")) }
        switch error.resultCode.primaryResultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .locked(path: path)
        case .SQLITE_NOTADB, .SQLITE_CORRUPT: return .unusable(path: path, reason: Text("not a zitdag database, or damaged"))
        case .SQLITE_CANTOPEN: return .unusable(path: path, reason: Text("cannot be opened (does its folder exist and is it writable?)"))
        case .SQLITE_READONLY: return .unusable(path: path, reason: Text("is read-only"))
        case .SQLITE_FULL: return .unusable(path: path, reason: Text("the disk is full"))
        default: return .unusable(path: path, reason: Text(verbatim: error.message ?? "\(error)"))
        }
    }
}

extension Store {
    /// The store's revision: it changes with every committed write, in any process.
    public func revision() throws(StoreError) -> Int {
        try read(Store.revision)
    }
}
