import Foundation
import ZitdagCore
import ZitdagStore

/// A fresh store in a temporary folder (or in memory): two coaches' weekly half-days for eight
/// weeks, a consultant and job seekers, seen from Monday 23 November 2026 at 10:00 in Brussels.
struct Fixture {
    static let zone = Zone.brussels
    static let monday = LocalDate(year: 2026, month: 11, day: 23)!
    static let now = at(monday, 10)

    let folder: String
    let store: Store
    let desk: Desk

    init(seats: Int = 1, jobSeekers: Int = 60, inMemory: Bool = false) throws {
        folder = NSTemporaryDirectory() + "zitdag-store-\(UUID().uuidString)"
        store = inMemory ? try Store.inMemory() : try Store(path: folder + "/zitdag.sqlite")
        desk = Desk(store: store, now: { Fixture.now })
        var sessions: [Session] = []
        for week in 0..<8 {
            let tuesday = Fixture.monday.adding(days: 1 + 7 * week)
            let thursday = Fixture.monday.adding(days: 3 + 7 * week)
            sessions.append(Session(
                id: "C1-\(tuesday)-0900", coach: "C1", location: "L1", span: Span(start: Fixture.at(tuesday, 9), end: Fixture.at(tuesday, 12)),
                day: tuesday, seats: seats, languages: ["nl", "en"]))
            sessions.append(Session(
                id: "C2-\(thursday)-1300", coach: "C2", location: "L2", span: Span(start: Fixture.at(thursday, 13), end: Fixture.at(thursday, 16)),
                day: thursday, seats: seats, languages: ["nl", "fr", "ar"]))
        }
        _ = try store.syncSessions(sessions, from: Fixture.monday, to: Fixture.monday.adding(days: 60), at: Fixture.now, actor: "test")
        try store.addConsultant("K1", at: Fixture.now, actor: "test")
        try store.addConsultant("K2", at: Fixture.now, actor: "test")
        for j in 1...jobSeekers {
            try store.saveJobSeeker(JobSeeker(id: "J\(j)", initials: "AB", language: "nl"), at: Fixture.now, actor: "test")
        }
    }

    static func at(_ date: LocalDate, _ hour: Int, _ minute: Int = 0) -> Instant {
        zone.instant(for: LocalDateTime(date: date, secondOfDay: (hour * 60 + minute) * 60))!
    }

    static let tuesday = monday.adding(days: 1)
    static let nextTuesday = monday.adding(days: 8)

    func remove() {
        try? FileManager.default.removeItem(atPath: folder)
    }
}
