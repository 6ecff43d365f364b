import Foundation
import Testing

/// The host's walk-in register on the command line, with real processes over a real database.
@Suite struct WalkInCommandTests {
    static let session = "C1-2026-11-24-0900"

    @Test func aHostRegistersCallsInAndRecordsOutcomesWithTheDocumentedExitStatuses() throws {
        let desk = try BookingCommandTests.Desk(jobSeekers: 0)
        func at(_ time: String) -> [String: String] { ["ZITDAG_NOW": "2026-11-24T\(time):00"] }
        let arrived = try desk.run(["walk-in", "arrive", "--session", Self.session, "--initials", "AB", "--topic", "email"], environment: at("09:00"))
        #expect(arrived.status == 0 && arrived.stdout == "visit 1 waiting, number 1 in line, expected at 09:00\n")
        #expect(try desk.run(["walk-in", "arrive", "--session", Self.session], environment: at("09:05")).status == 0)
        let called = try desk.run(["walk-in", "next", "--session", Self.session], environment: at("09:10"))
        #expect(called.status == 0 && called.stdout == "visit 1 called in  AB  email\n")
        // One seat: the next waits until visit 1 has an outcome (exit 3: cannot, as things stand).
        let busy = try desk.run(["walk-in", "next", "--session", Self.session], environment: at("09:11"))
        #expect(busy.status == 3 && busy.stderr.contains("visit 1 still has no outcome; record it first"))
        let queue = try desk.run(["walk-in", "queue", "--session", Self.session, "--json"], environment: at("09:20"))
        #expect(queue.status == 0)
        let board = try JSONSerialization.jsonObject(with: Data(queue.stdout.utf8)) as? [String: Any]
        let helped = board?["being_helped"] as? [[String: Any]]
        let waiting = board?["waiting"] as? [[String: Any]]
        #expect(helped?.map { $0["id"] as? Int } == [1] && waiting?.map { $0["id"] as? Int } == [2])
        #expect(waiting?.first?["expected"] as? String == "2026-11-24T09:30:00", "visit 1 holds the seat for the usual 20 minutes from 09:10")
        #expect(try desk.run(["walk-in", "done", "1", "--outcome", "helped"], environment: at("09:30")).status == 0)
        #expect(try desk.run(["walk-in", "done", "2", "--outcome", "left"], environment: at("09:31")).status == 0)
        // Bad input exits 2: an unknown session, a name for initials, an unknown outcome.
        #expect(try desk.run(["walk-in", "arrive", "--session", "C9-none"], environment: at("09:40")).status == 2)
        #expect(try desk.run(["walk-in", "arrive", "--session", Self.session, "--initials", "Jan Peeters"], environment: at("09:40")).status == 2)
        #expect(try desk.run(["walk-in", "done", "2", "--outcome", "gone"], environment: at("09:40")).status == 2)
        let report = try desk.run(["walk-in", "report", "--from", "2026-11-01", "--to", "2026-12-01"])
        #expect(report.status == 0)
        #expect(report.stdout.split(separator: "\n").last.map(String.init) == "2026-11  L1               2       1     1         0     0  10 min")
    }
}
