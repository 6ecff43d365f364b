import Foundation
import Hummingbird
import Synchronization
import ZitdagCalendar
import ZitdagCore
import ZitdagStore

/// Feeds by capability URL, rendered once per store revision and day, and answered 304 when the
/// client's `If-None-Match` or `If-Modified-Since` shows it has them already.
final class FeedCache: Sendable {
    struct Rendered: Sendable {
        var revision: Int
        var day: LocalDate
        var audience: FeedAudience
        var text: String
        var etag: String
        var lastModified: Date
    }

    let desk: Desk
    let recheck: Duration
    /// Rendered feeds by token (kept in memory only, never logged).
    private let rendered = Mutex<[String: Rendered]>([:])
    /// The store's revision and when it was last read.
    private let known = Mutex<(revision: Int, at: ContinuousClock.Instant)?>(nil)

    init(desk: Desk, recheck: Duration) {
        self.desk = desk
        self.recheck = recheck
    }

    /// The store's revision, read at most every `recheck`.
    func revision() throws -> Int {
        let now = ContinuousClock.now
        if let known = known.withLock({ $0 }), known.at.duration(to: now) < recheck { return known.revision }
        let revision = try desk.store.revision()
        known.withLock { $0 = (revision, now) }
        return revision
    }

    /// The feed of a token, or `nil` when the token is unknown or revoked.
    func feed(token: String) throws -> Rendered? {
        let revision = try revision()
        let day = desk.store.zone.local(at: desk.now()).date
        if let cached = rendered.withLock({ $0[token] }), cached.revision == revision, cached.day == day { return cached }
        guard let audience = try desk.store.feedAudience(forToken: token) else {
            rendered.withLock { _ = $0.removeValue(forKey: token) }
            return nil
        }
        let store = desk.store
        let now = desk.now()
        let weeks = try store.ruleBook().standard.horizonWeeks
        let entries = try store.feedEntries(for: audience, from: day.adding(days: -28), to: day.adding(days: 7 * weeks), now: now)
        // The ETag follows the events, not the rendering (whose DTSTAMP changes every time).
        let etag = "\"" + Digest.hex("\(entries)", bytes: 12) + "\""
        var fresh: Rendered
        if let previous = rendered.withLock({ $0[token] }), previous.etag == etag, previous.audience == audience {
            fresh = previous
        } else {
            let text = try FeedWriter(zone: store.zone, renderer: Feeds.renderer).write(name: audience.calendarName, entries: entries, stamp: now)
            fresh = Rendered(
                revision: revision, day: day, audience: audience, text: text, etag: etag,
                lastModified: Date(timeIntervalSince1970: TimeInterval(now.seconds)))
        }
        fresh.revision = revision
        fresh.day = day
        rendered.withLock { $0[token] = fresh }
        return fresh
    }
}

extension API {
    /// `GET /feeds/{token}.ics`: `text/calendar`, with ETag and Last-Modified; 304 when unchanged;
    /// 404 for an unknown or revoked token (the same answer for both).
    func feed(_ request: Request, _ context: APIContext) async throws -> Response {
        guard let file = context.parameters.get("file"), file.hasSuffix(".ics"), file.count < 100 else {
            throw APIProblem(.notFound, Text("no such feed"))
        }
        let token = String(file.dropLast(4))
        let feeds = self.feeds
        guard let feed = try await work({ try feeds.feed(token: token) }) else { throw APIProblem(.notFound, Text("no such feed")) }
        let lastModified = HTTPDate.format(feed.lastModified)
        var headers: HTTPFields = [.eTag: feed.etag, .lastModified: lastModified, .cacheControl: "private, max-age=0, must-revalidate"]
        if let match = request.headers[.ifNoneMatch] {
            if match.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == feed.etag || $0 == "*" }) {
                return Response(status: .notModified, headers: headers)
            }
        } else if let since = request.headers[.ifModifiedSince].flatMap(HTTPDate.parse), feed.lastModified.timeIntervalSince1970.rounded(.down) <= since.timeIntervalSince1970 {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentType] = "text/calendar; charset=utf-8"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: feed.text)))
    }
}

/// HTTP dates (RFC 9110, IMF-fixdate), in the C locale whatever the machine's.
enum HTTPDate {
    private static let formatter: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter
    }()
    private static let lock = Mutex(())

    static func format(_ date: Date) -> String { lock.withLock { _ in formatter.string(from: date) } }
    static func parse(_ text: String) -> Date? { lock.withLock { _ in formatter.date(from: text) } }
}
