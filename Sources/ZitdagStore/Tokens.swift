import Foundation
import GRDB
import ZitdagCore

/// What an API token lets its holder do.
public enum Role: String, Sendable, Hashable, CaseIterable {
    /// Books, moves and cancels for their own job seekers; reads their own agenda.
    case consultant
    /// Reads sessions and their own agenda.
    case coach
    /// Everything, including the week's plan.
    case coordinator

    /// How the holder sees job seekers (see ``Viewer``).
    public var viewer: Viewer {
        switch self {
        case .consultant: .consultant
        case .coach: .coach
        case .coordinator: .coordinator
        }
    }
}

/// The holder of an API token: a role and whom it stands for.
public struct Principal: Sendable, Hashable {
    public var tokenId: String
    public var role: Role
    /// The consultant's or coach's id; the coordinator's name.
    public var subject: String
}

/// A token as listed (never the secret itself, which exists only when created).
public struct TokenInfo: Sendable, Hashable {
    public var id: String
    public var kind: String
    public var subject: String
    public var created: Instant
    public var revoked: Instant?
}

/// Secrets: 256 random bits, given out once as base64url and stored only as their SHA-256, so a
/// copy of the database reveals no usable token. The id is the first 8 hex digits of the hash.
enum Secret {
    static func make(using random: inout some RandomNumberGenerator) -> String {
        let bytes = (0..<4).flatMap { _ in withUnsafeBytes(of: random.next()) { Array($0) } }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func hash(_ secret: String) -> String {
        Digest.hex(secret)
    }
}

extension Store {
    /// Creates an API token and returns its secret: shown once, stored only hashed.
    public func createToken(
        role: Role, subject: String, at now: Instant, actor: String, using random: inout some RandomNumberGenerator
    ) throws(StoreError) -> (id: String, secret: String) {
        try Store.checkId(subject, field: role.rawValue)
        let secret = Secret.make(using: &random)
        let hash = Secret.hash(secret)
        let id = String(hash.prefix(8))
        try write { db in
            switch role {
            case .consultant: try Roster.consultant.require(db, subject)
            case .coach: try Roster.coach.require(db, subject)
            case .coordinator: break
            }
            try db.run(
                "INSERT INTO api_token (id, hash, role, subject, created) VALUES (?, ?, ?, ?, ?)", [id, hash, role.rawValue, subject, now.seconds])
            try AuditLog.record(db, at: now, actor: actor, action: "create token", subject: id, detail: "\(role.rawValue) \(subject)")
        }
        return (id, secret)
    }

    /// The holder of a live API token, or `nil`.
    public func principal(forToken secret: String) throws(StoreError) -> Principal? {
        let hash = Secret.hash(secret)
        return try read { db in
            try db.row("SELECT id, role, subject FROM api_token WHERE hash = ? AND revoked IS NULL", [hash]).flatMap { row in
                Role(rawValue: row["role"]).map { Principal(tokenId: row["id"], role: $0, subject: row["subject"]) }
            }
        }
    }

    /// The holder of API token `id` while it is live: a page's session ends with its token.
    public func principal(tokenId id: String) throws(StoreError) -> Principal? {
        try read { db in
            try db.row("SELECT id, role, subject FROM api_token WHERE id = ? AND revoked IS NULL", [id]).flatMap { row in
                Role(rawValue: row["role"]).map { Principal(tokenId: row["id"], role: $0, subject: row["subject"]) }
            }
        }
    }

    /// Creates a feed token for a coach's, consultant's or location's feed; with `rotate`, the
    /// audience's earlier feed tokens are revoked in the same transaction.
    public func createFeedToken(
        for audience: FeedAudience, rotate: Bool, at now: Instant, actor: String, using random: inout some RandomNumberGenerator
    ) throws(StoreError) -> (id: String, secret: String) {
        let (kind, subject) = audience.parts
        let secret = Secret.make(using: &random)
        let hash = Secret.hash(secret)
        let id = String(hash.prefix(8))
        try write { db in
            try Roster(rawValue: kind)!.require(db, subject)
            if rotate {
                try db.run("UPDATE feed_token SET revoked = ? WHERE audience = ? AND subject = ? AND revoked IS NULL", [now.seconds, kind, subject])
            }
            try db.run(
                "INSERT INTO feed_token (id, hash, audience, subject, created) VALUES (?, ?, ?, ?, ?)", [id, hash, kind, subject, now.seconds])
            try AuditLog.record(db, at: now, actor: actor, action: rotate ? "rotate feed token" : "create feed token", subject: id, detail: "\(kind) \(subject)")
        }
        return (id, secret)
    }

    /// The audience of a live feed token, or `nil`.
    public func feedAudience(forToken secret: String) throws(StoreError) -> FeedAudience? {
        let hash = Secret.hash(secret)
        return try read { db in
            try db.row("SELECT audience, subject FROM feed_token WHERE hash = ? AND revoked IS NULL", [hash]).flatMap { row in
                FeedAudience(kind: row["audience"], subject: row["subject"])
            }
        }
    }

    /// Revokes an API or feed token by id (the first 8 hex digits shown when it was made).
    public func revokeToken(id: String, at now: Instant, actor: String) throws(StoreError) {
        try write { db in
            try db.run("UPDATE api_token SET revoked = ? WHERE id = ? AND revoked IS NULL", [now.seconds, id])
            var changed = db.changesCount
            try db.run("UPDATE feed_token SET revoked = ? WHERE id = ? AND revoked IS NULL", [now.seconds, id])
            changed += db.changesCount
            guard changed > 0 else { throw StoreError.unknown(kind: Text("live token"), id: id) }
            try AuditLog.record(db, at: now, actor: actor, action: "revoke token", subject: id, detail: "")
        }
    }

    /// Every API and feed token, newest first.
    public func tokens() throws(StoreError) -> [TokenInfo] {
        try read { db in
            try db.rows(
                """
                SELECT id, role AS kind, subject, created, revoked FROM api_token
                UNION ALL SELECT id, audience || ' feed', subject, created, revoked FROM feed_token ORDER BY created DESC
                """
            ).map { row in
                TokenInfo(
                    id: row["id"], kind: row["kind"], subject: row["subject"], created: Instant(seconds: row["created"]),
                    revoked: (row["revoked"] as Int?).map(Instant.init(seconds:)))
            }
        }
    }
}

extension FeedAudience {
    var parts: (kind: String, subject: String) {
        switch self {
        case .coach(let id): ("coach", id)
        case .consultant(let id): ("consultant", id)
        case .location(let id): ("location", id)
        }
    }

    /// An audience by kind (`coach`, `consultant`, `location`) and id; `nil` for another kind.
    public init?(kind: String, subject: String) {
        switch kind {
        case "coach": self = .coach(subject)
        case "consultant": self = .consultant(subject)
        case "location": self = .location(subject)
        default: return nil
        }
    }
}
