import Foundation
import Hummingbird
import Logging
import ZitdagCore
import ZitdagHTTP
import ZitdagStore
import ZitdagTestSupport

/// A store holding ``DeskWorld`` (sessions serving every language; consultants K1 with job seekers
/// J1-J40 and K2 with J41-J50), tokens for each role and a coach feed, served by the API, seen from
/// Monday 23 November 2026 10:00.
struct Server: Sendable {
    static let zone = DeskWorld.zone
    static let monday = DeskWorld.monday
    static let now = DeskWorld.now

    let folder: String
    let store: Store
    let api: API
    let coordinator: String
    let consultant: String
    let otherConsultant: String
    let coach: String
    let feed: String
    let feedId: String

    init(options: API.Options = API.Options(ratePerSecond: 10_000, rateBurst: 10_000)) throws {
        folder = NSTemporaryDirectory() + "zitdag-http-\(UUID().uuidString)"
        store = try Store(path: folder + "/zitdag.sqlite")
        let desk = Desk(store: store, now: { Server.now })
        try DeskWorld.seed(store, languages: false, jobSeekers: 50) { $0 <= 40 ? "K1" : "K2" }
        var random = SplitMix64(seed: 42)
        coordinator = try store.createToken(role: .coordinator, subject: "anne", at: Server.now, actor: "test", using: &random).secret
        consultant = try store.createToken(role: .consultant, subject: "K1", at: Server.now, actor: "test", using: &random).secret
        otherConsultant = try store.createToken(role: .consultant, subject: "K2", at: Server.now, actor: "test", using: &random).secret
        coach = try store.createToken(role: .coach, subject: "C1", at: Server.now, actor: "test", using: &random).secret
        let feedToken = try store.createFeedToken(for: .coach("C1"), rotate: false, at: Server.now, actor: "test", using: &random)
        feed = feedToken.secret
        feedId = feedToken.id
        var logger = Logger(label: "zitdag-test")
        logger.logLevel = .error
        api = API(desk: desk, options: options, logger: logger)
    }

    static func at(_ date: LocalDate, _ hour: Int, _ minute: Int = 0) -> Instant { DeskWorld.at(date, hour, minute) }

    func remove() { try? FileManager.default.removeItem(atPath: folder) }
}
