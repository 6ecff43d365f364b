import Foundation
import Synchronization
import ZitdagStore

/// Who is signed in to the pages: a random session id (the HttpOnly cookie) for each person who
/// signed in with their token, the form token their forms must carry (CSRF), and a message for the
/// next page. Kept in memory: a restart signs everyone out, and a revoked token ends its sessions
/// at their next request (``PageSignIn`` checks the token each time).
final class SignedIn: Sendable {
    struct Entry: Sendable {
        var principal: Principal
        /// The form token every form of this session carries.
        var csrf: String
        var expires: Double
        /// Shown once on the next page ("booked ...").
        var flash: String?
    }

    /// How long a session lasts without a request.
    let idle: Double
    let now: @Sendable () -> Double
    private let entries = Mutex<[String: Entry]>([:])

    init(idle: Double = 8 * 3600, now: @escaping @Sendable () -> Double) {
        self.idle = idle
        self.now = now
    }

    /// A new session for `principal` (with a form token of its own): its id, for the cookie.
    func open(_ principal: Principal) -> String {
        let (id, csrf) = (Self.random(), Self.random())
        let time = now()
        entries.withLock { entries in
            // Expired sessions go when new ones come, so the table stays as large as the live ones.
            entries = entries.filter { $0.value.expires > time }
            entries[id] = Entry(principal: principal, csrf: csrf, expires: time + idle)
        }
        return id
    }

    /// The live session `id`, its idle time restarted.
    func find(_ id: String) -> Entry? {
        let time = now()
        return entries.withLock { entries in
            guard var entry = entries[id] else { return nil }
            guard entry.expires > time else {
                entries[id] = nil
                return nil
            }
            entry.expires = time + idle
            entries[id] = entry
            return entry
        }
    }

    /// The message for the next page, taken once.
    func takeFlash(_ id: String) -> String? {
        entries.withLock { entries in
            defer { entries[id]?.flash = nil }
            return entries[id]?.flash
        }
    }

    func flash(_ id: String, _ message: String) {
        entries.withLock { $0[id]?.flash = message }
    }

    func close(_ id: String) {
        _ = entries.withLock { $0.removeValue(forKey: id) }
    }

    /// 256 random bits from the system's generator, base64url.
    static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<4).flatMap { _ in withUnsafeBytes(of: generator.next() as UInt64) { Array($0) } }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
