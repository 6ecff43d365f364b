import GRDB
import ZitdagCore

/// The people and places the store knows by id, checked one way everywhere a command names them.
enum Roster: String {
    case coach, consultant, location

    func exists(_ db: Database, _ id: String) throws -> Bool {
        // `rawValue` is one of three table names, never user input.
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM \(rawValue) WHERE id = ?)"), arguments: [id]) ?? false
    }

    /// Throws ``StoreError/unknown(kind:id:)`` unless the id exists.
    func require(_ db: Database, _ id: String) throws {
        guard try exists(db, id) else { throw StoreError.unknown(kind: name, id: id) }
    }

    /// The word for it in a message.
    var name: Text {
        switch self {
        case .coach: Text("coach")
        case .consultant: Text("consultant")
        case .location: Text("location")
        }
    }
}

extension RequestDraft {
    /// The draft's job seeker, once it is checked that they and the consultant (if any) exist.
    /// The language the draft asks for, as the sessions name it (see ``LanguageCode``), else the job
    /// seeker's.
    func language(of seeker: JobSeeker, _ db: Database) throws -> String? {
        guard let language else { return seeker.language }
        return try SessionTable.code(of: language, db)
    }

    func jobSeekerProfile(_ db: Database) throws -> JobSeeker {
        guard let seeker = try JobSeekerTable.profile(db, jobSeeker) else { throw StoreError.unknown(kind: Text("job seeker"), id: jobSeeker) }
        if let consultant { try Roster.consultant.require(db, consultant) }
        return seeker
    }
}
