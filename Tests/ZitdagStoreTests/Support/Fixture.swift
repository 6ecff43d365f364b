import Foundation
import ZitdagCore
import ZitdagStore
import ZitdagTestSupport

/// A fresh store in a temporary folder (or in memory) holding ``DeskWorld``: two coaches' weekly
/// half-days for eight weeks, consultants and job seekers, seen from Monday 23 November 2026 at
/// 10:00 in Brussels.
struct Fixture {
    static let zone = DeskWorld.zone
    static let monday = DeskWorld.monday
    static let now = DeskWorld.now
    static let tuesday = DeskWorld.tuesday
    static let nextTuesday = DeskWorld.nextTuesday

    let folder: String
    let store: Store
    let desk: Desk

    init(seats: Int = 1, jobSeekers: Int = 60, inMemory: Bool = false) throws {
        folder = NSTemporaryDirectory() + "zitdag-store-\(UUID().uuidString)"
        store = inMemory ? try Store.inMemory() : try Store(path: folder + "/zitdag.sqlite")
        desk = Desk(store: store, now: { Fixture.now })
        try DeskWorld.seed(store, seats: seats, jobSeekers: jobSeekers)
    }

    static func at(_ date: LocalDate, _ hour: Int, _ minute: Int = 0) -> Instant { DeskWorld.at(date, hour, minute) }

    func remove() {
        try? FileManager.default.removeItem(atPath: folder)
    }
}
