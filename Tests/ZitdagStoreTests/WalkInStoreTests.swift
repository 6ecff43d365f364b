import GRDB
import Testing
import ZitdagCore
import ZitdagStore

/// The walk-in register kept in the store: what the core decides is saved whole, a refusal saves
/// nothing, and the queue and the report read what was saved.
@Suite struct WalkInStoreTests {
    static let session = "C1-2026-11-24-0900"
    static func at(_ hour: Int, _ minute: Int) -> Instant { Fixture.at(Fixture.tuesday, hour, minute) }

    @Test func aHalfDayOfWalkInsIsKeptAndReportedAsItHappened() throws {
        let fixture = try Fixture(jobSeekers: 2, inMemory: true)
        let store = fixture.store
        // An appointment 09:00-10:00 takes the one seat first.
        _ = try fixture.desk.book(RequestDraft(jobSeeker: "J1"), at: [SlotChoice(start: Self.at(9, 0))], actor: "K1")

        let first = try store.walkInArrive(session: Self.session, initials: "AB", topic: .email, at: Self.at(9, 5), actor: "host").visit
        let arrival = try store.walkInArrive(session: Self.session, initials: nil, topic: nil, at: Self.at(9, 10), actor: "host")
        #expect(arrival.position == 2)
        let second = arrival.visit
        var queue = try store.walkInQueue(session: Self.session, at: Self.at(9, 15))
        #expect(queue.turns.map(\.visit.id) == [first.id, second.id])
        #expect(queue.turns.map(\.expected) == [Self.at(10, 0), Self.at(10, 20)], "20 minutes each after the appointment")

        let called = try store.walkInCallNext(session: Self.session, at: Self.at(10, 0), actor: "host")
        #expect(called.id == first.id)
        // A refusal writes nothing: the second stays waiting.
        #expect(throws: StoreError.self) { try store.walkInCallNext(session: Self.session, at: Self.at(10, 5), actor: "host") }
        queue = try store.walkInQueue(session: Self.session, at: Self.at(10, 5))
        #expect(queue.register.visits.map(\.state) == [.beingHelped, .waiting])

        _ = try store.walkInFinish(visit: first.id, outcome: .helped, topic: nil, at: Self.at(10, 30), actor: "host")
        _ = try store.walkInCallNext(session: Self.session, at: Self.at(10, 31), actor: "host")
        _ = try store.walkInFinish(visit: second.id, outcome: .referred, topic: .government, at: Self.at(10, 40), actor: "host")

        // The usual time is learnt from the helped visit at the location: 30 minutes.
        let later = try store.walkInArrive(session: Self.session, initials: nil, topic: nil, at: Self.at(11, 0), actor: "host").visit
        queue = try store.walkInQueue(session: Self.session, at: Self.at(11, 0))
        #expect(queue.register.usualMinutes == 30)
        #expect(queue.turns.map(\.expected) == [Self.at(11, 0)])
        _ = try store.walkInFinish(visit: later.id, outcome: .left, topic: nil, at: Self.at(11, 10), actor: "host")

        let report = try store.walkInReport(from: Fixture.monday, to: Fixture.monday.adding(days: 6), by: .location)
        #expect(report.rows.count == 1)
        let row = report.rows[0]
        #expect((row.month, row.location) == ("2026-11", "L1"))
        #expect((row.arrivals, row.helped, row.referred, row.left, row.open) == (3, 1, 1, 1, 0))
        #expect(row.topics == [.email: 1, .government: 1])
        #expect(row.medianWaitMinutes == 81, "waits 55 and 81 minutes: the upper median")
        #expect(try store.walkInReport(from: Fixture.monday.adding(days: 7), to: Fixture.monday.adding(days: 13), by: .location).rows.isEmpty)
    }

    @Test func walkInsNeedAnOpenSessionAndAKnownVisit() throws {
        let fixture = try Fixture(jobSeekers: 1, inMemory: true)
        let store = fixture.store
        let unknown = #expect(throws: StoreError.self) {
            try store.walkInArrive(session: "C9-nowhere", initials: nil, topic: nil, at: Self.at(9, 0), actor: "host")
        }
        #expect(unknown?.code == .unknown && unknown?.message.description == "no session C9-nowhere")
        let missing = #expect(throws: StoreError.self) { try store.walkInFinish(visit: 42, outcome: .helped, topic: nil, at: Self.at(9, 0), actor: "host") }
        #expect(missing?.code == .unknown && missing?.message.description == "no walk-in visit 42")
        _ = try store.cancelSession(Self.session, at: Fixture.now, actor: "coordinator")
        let closed = #expect(throws: StoreError.self) {
            try store.walkInArrive(session: Self.session, initials: nil, topic: nil, at: Self.at(9, 0), actor: "host")
        }
        #expect(closed?.code == .conflict && closed?.message.description == "session \(Self.session) is cancelled")
        let name = #expect(throws: StoreError.self) {
            try store.walkInArrive(session: "C2-2026-11-26-1300", initials: "Jan Peeters", topic: nil, at: Fixture.at(Fixture.monday.adding(days: 3), 13), actor: "host")
        }
        #expect(name?.code == .invalid && name?.field == "initials")
        #expect(try store.walkInQueue(session: "C2-2026-11-26-1300", at: Fixture.now).register.visits.isEmpty)
    }
}
