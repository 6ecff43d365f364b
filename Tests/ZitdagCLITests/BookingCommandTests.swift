import Foundation
import GRDB
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import ZitdagCore

/// The consultant's CLI over a real database file, with real processes.
@Suite struct BookingCommandTests {
    /// A store synced from the repository's Calendars/, seen from Monday 23 November 2026, 10:00.
    struct Desk {
        let folder: URL
        var db: String { folder.appendingPathComponent("zitdag.sqlite").path }
        static let calendars = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Calendars").path

        init(jobSeekers: Int = 8) throws {
            folder = try scratchFolder()
            #expect(try run(["sync", "--calendars", Desk.calendars]).status == 0)
            #expect(try run(["consultant", "add", "K1"]).status == 0)
            for j in stride(from: 1, through: jobSeekers, by: 1) {
                #expect(try run(["job-seeker", "add", "J\(j)", "--initials", "AB", "--language", "nl"]).status == 0)
            }
        }

        func run(_ arguments: [String], environment extra: [String: String] = [:], full: Int32? = nil) throws -> Binary.Outcome {
            try Binary.run(arguments + ["--db", db], environment: ["ZITDAG_NOW": "2026-11-23T10:00:00"].merging(extra) { $1 }, full: full)
        }

        /// Whether a write holds the database's lock just now (another process in its transaction).
        func isWriteLocked() throws -> Bool {
            var configuration = Configuration()
            configuration.busyMode = .immediateError
            let probe = try DatabaseQueue(path: db, configuration: configuration)
            do {
                try probe.inTransaction(.immediate) { _ in .rollback }
                return false
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
                return true
            }
        }

        func process(_ arguments: [String], environment extra: [String: String] = [:]) throws -> Process {
            try Binary.start(arguments + ["--db", db], environment: ["ZITDAG_NOW": "2026-11-23T10:00:00"].merging(extra) { $1 })
        }
    }

    /// Output that cannot be written (a full disk, `>/dev/full`): a token whose secret nobody saw is
    /// revoked, not left working, and a message that cannot be written is lost without a crash (it
    /// once ended the process with SIGILL, exit 132; issue 12, item 8).
    @Test func outputThatCannotBeWrittenLosesNothingAndCrashesNothing() throws {
        let desk = try Desk(jobSeekers: 1)
        let unseen = try desk.run(["token", "create", "--coordinator", "anne"], full: 1)
        #expect(unseen.status == 1 && unseen.stderr.contains("was revoked"), "\(unseen.stderr)")
        let seen = try desk.run(["token", "create", "--coordinator", "bert"])
        #expect(seen.status == 0 && seen.stdout.count == 44)
        let linked = try desk.run(["token", "create", "--coach", "C1", "--link", "https://zitdag.example"]).stdout.split(separator: "\n")
        #expect(linked.count == 2 && linked[1] == "https://zitdag.example/sign-in#token=\(linked[0])")
        let tokens = try desk.run(["token", "list"]).stdout.split(separator: "\n")
        #expect(tokens.count == 3)
        #expect(tokens.first { $0.contains("anne") }?.contains("revoked") == true)
        #expect(tokens.first { $0.contains("bert") }?.contains("revoked") == false)
        #expect(try desk.run(["move", "1", "--to", "nonsense"], full: 2).status == 2)
        #expect(try desk.run(["book", "--job-seeker", "J1", "--at", "2026-11-24 09:00"], full: 2).status == 0)
        #expect(try desk.run(["agenda", "--coach", "C1", "--week", "2026-11-24"]).stdout.contains("AB"))
    }

    /// The calendars' folder is a setting of the database, given once: `sync` then works from any
    /// folder; and the commands that default to "today" take it from `ZITDAG_NOW` (issue 12, item 9).
    @Test func syncRemembersTheCalendarsAndTodayIsTheClocks() throws {
        let desk = try Desk(jobSeekers: 1)
        let elsewhere = try scratchFolder()
        /// `zitdag sync` run from a folder without Calendars/.
        func syncFromElsewhere(_ db: String) throws -> Int32 {
            let process = Process()
            process.executableURL = Binary.url
            process.arguments = ["sync", "--db", db]
            process.environment = ProcessInfo.processInfo.environment.merging(["ZITDAG_NOW": "2026-11-23T10:00:00"]) { $1 }
            process.currentDirectoryURL = elsewhere
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            return process.terminationStatus
        }
        #expect(try syncFromElsewhere(desk.db) == 0)
        #expect(try syncFromElsewhere(elsewhere.appendingPathComponent("other.sqlite").path) == 2)
        let sessions = try Binary.run(["sessions", "--calendars", Desk.calendars], environment: ["ZITDAG_NOW": "2026-11-23T10:00:00"])
            .stdout.split(separator: "\n")
        #expect(sessions.first?.hasPrefix("Mon 2026-11-23") == true, "\(sessions.first ?? "")")
        #expect(sessions.last?.contains("2027-11-") == true, "\(sessions.last ?? "")")
    }

    /// Registering an id twice is refused and wipes nothing; `update` changes only what it is given;
    /// the queue refuses the same request twice and a start in the past, and can be listed and
    /// cancelled from (issue 12, item 2: `add` on J1 wiped its language, and `slots` then offered J1
    /// sessions in any language).
    @Test func profilesAndTheQueueChangeOnlyWhatTheyAreTold() throws {
        let desk = try Desk(jobSeekers: 0)
        #expect(try desk.run(["job-seeker", "add", "J1", "--initials", "AB", "--language", "nl", "--level", "starter"]).status == 0)
        let again = try desk.run(["job-seeker", "add", "J1", "--initials", "AB", "--consultant", "K1"])
        #expect(again.status == 3 && again.stderr.contains("job seeker J1 is registered already"))
        #expect(try desk.run(["job-seeker", "update", "J1", "--consultant", "K1"]).status == 0)
        let level = try desk.run(["job-seeker", "update", "J1", "--level", "beginner"])
        #expect(level.status == 2 && level.stderr.contains("--level: \"beginner\" is not starter, basic or advanced"))
        #expect(try desk.run(["job-seeker", "update", "J9", "--level", "basic"]).status == 2)
        let profile = "J1 AB, language nl, level starter, consultant K1"
        #expect(try desk.run(["job-seeker", "show", "J1"]).stdout == profile + "\n")
        #expect(try desk.run(["job-seeker", "list"]).stdout == profile + "\n")
        #expect(try desk.run(["consultant", "list"]).stdout == "K1\n")

        #expect(try desk.run(["request", "add", "--job-seeker", "J1", "--series", "3"]).stdout == "request 1 queued\n")
        let twice = try desk.run(["request", "add", "--job-seeker", "J1", "--series", "3"])
        #expect(twice.status == 3 && twice.stderr.contains("the same request is queued already (request 1)"))
        let past = try desk.run(["request", "add", "--job-seeker", "J1", "--from", "2026-11-01"])
        #expect(past.status == 2 && past.stderr.contains("--from: 2026-11-01 is in the past"))
        #expect(try desk.run(["request", "add", "--job-seeker", "J1", "--series", "2"]).status == 0)
        #expect(try desk.run(["request", "list"]).stdout.split(separator: "\n").map { $0.prefix(3) } == ["1  ", "2  "])
        #expect(try desk.run(["request", "cancel", "1"]).status == 0)
        #expect(try desk.run(["request", "cancel", "1"]).status == 3)
        let plan = try desk.run(["plan", "--to", "2026-12-20", "--dry-run"])
        #expect(plan.status == 0 && plan.stderr.contains("would book 1 of 1 pending request"), "\(plan.stderr)")
    }

    /// The week's plan places the first appointments in the week and the rest of each series after
    /// it (with the default period it left out every series, "too soon"); where the booking horizon
    /// cuts the sessions short, the reasons say so (issue 12, item 5).
    @Test func theWeeksPlanBooksWholeSeriesAndNamesTheHorizon() throws {
        let desk = try Desk(jobSeekers: 4)
        for j in 1...4 { #expect(try desk.run(["request", "add", "--job-seeker", "J\(j)", "--series", "3", "--gap", "7..14"]).status == 0) }
        let plan = try desk.run(["plan", "--dry-run"])
        #expect(plan.stderr.contains("would book 4 of 4 pending request(s)"), "\(plan.stdout)\(plan.stderr)")
        let firsts = plan.stdout.split(separator: "\n").filter { $0.hasSuffix("#1") }
        let days = firsts.map { String($0.split(separator: " ")[1]) }
        #expect(days.count == 4 && days.allSatisfy { "2026-11-23" <= $0 && $0 <= "2026-11-29" }, "\(days)")
        #expect(plan.stdout.contains("#3"))
        #expect(try desk.run(["rules", "set", "--horizon", "2"]).status == 0)
        let cut = try desk.run(["plan", "--dry-run"])
        #expect(cut.stdout.contains("sessions from 2026-12-08 on are beyond the booking horizon"), "\(cut.stdout)")
    }

    /// A language is one of the sessions' codes, in any case; a name is refused with the code meant,
    /// at the desk, in the queue and in a profile (issue 12, item 6).
    @Test func languagesAreTheSessionsCodes() throws {
        let desk = try Desk(jobSeekers: 1)
        #expect(try desk.run(["slots", "--job-seeker", "J1", "--language", "NL", "--count", "1"]).status == 0)
        for command in [["slots", "--job-seeker", "J1"], ["request", "add", "--job-seeker", "J1"], ["job-seeker", "update", "J1"]] {
            let refused = try desk.run(command + ["--language", "Nederlands"])
            #expect(refused.status == 2 && refused.stderr.contains("--language: \"Nederlands\" is not a language code the sessions use"), "\(command)")
            #expect(refused.stderr.contains("did you mean nl?"))
        }
        #expect(try desk.run(["job-seeker", "update", "J1", "--language", "EN"]).stdout.contains("language en"))
    }

    @Test func slotsBookAgendaAndCancelWorkTogether() throws {
        let desk = try Desk()
        let slots = try desk.run(["slots", "--job-seeker", "J1", "--count", "2"])
        #expect(slots.status == 0)
        #expect(slots.stdout.hasPrefix("1. Tue 2026-11-24 09:00-10:00 in C1-2026-11-24-0900"))
        let booked = try desk.run(["book", "--job-seeker", "J1", "--at", "2026-11-24 09:00", "--json"])
        #expect(booked.status == 0)
        let appointments = try #require(try JSONSerialization.jsonObject(with: Data(booked.stdout.utf8)) as? [[String: Any]])
        #expect(appointments.map { $0["status"] as? String } == ["booked"])
        #expect(appointments.first?["start"] as? String == "2026-11-24T09:00:00")
        let agenda = try desk.run(["agenda", "--coach", "C1", "--week", "2026-11-24"])
        #expect(agenda.stdout.contains("#1  Tue 2026-11-24 09:00-10:00  C1-2026-11-24-0900  J1 (AB)  1/1"))
        // Dates and times as the web desk writes them are taken too; a weekday that is not the date's is not.
        #expect(try desk.run(["agenda", "--coach", "C1", "--week", "di 24/11/2026"]).stdout == agenda.stdout)
        let wrongDay = try desk.run(["agenda", "--coach", "C1", "--week", "wo 24/11/2026"])
        #expect(wrongDay.status == 2 && wrongDay.stderr.contains("is not a date YYYY-MM-DD or DD/MM/YYYY"), "\(wrongDay.stderr)")
        #expect(try desk.run(["book", "--job-seeker", "J2", "--at", "di 24/11/2026 10:00"]).status == 0)
        #expect(try desk.run(["cancel", "1"]).status == 0)
        #expect(try desk.run(["cancel", "1"]).stderr == "zitdag: appointment 1 is cancelled, not booked\n")
    }

    @Test func processesRacingForTheLastSeatEndWithOneBooking() throws {
        let desk = try Desk()
        // A three-hour appointment fills Tuesday's one seat: eight consultants try at once.
        let racers = try (1...8).map { j in
            try desk.process(["book", "--job-seeker", "J\(j)", "--duration", "210", "--at", "2026-11-24 09:00"])
        }
        for racer in racers { racer.waitUntilExit() }
        let statuses = racers.map(\.terminationStatus)
        #expect(statuses.filter { $0 == 0 }.count == 1, "\(statuses)")
        #expect(statuses.filter { $0 == 3 }.count == 7, "\(statuses)")
        let agenda = try desk.run(["agenda", "--coach", "C1", "--week", "2026-11-24", "--json"])
        #expect(try bookedCount(agendaJSON: agenda.stdout) == 1)
    }

    @Test func aTakenSlotTellsTheNextFreeOnes() throws {
        let desk = try Desk()
        #expect(try desk.run(["book", "--job-seeker", "J1", "--duration", "210", "--at", "2026-11-24 09:00"]).status == 0)
        let second = try desk.run(["book", "--job-seeker", "J2", "--at", "2026-11-24 09:00"])
        #expect(second.status == 3)
        // The Digipunt's Wednesday keeps a seat for walk-in and holds one back, and has a third.
        #expect(second.stderr.hasPrefix("zitdag: the slot at Tue 2026-11-24 09:00 is taken; next free: Wed 2026-11-25 13:30 in C3-2026-11-25-1330, Thu 2026-11-26 13:00 in C2-2026-11-26-1300"))
    }

    /// A move is checked as a booking is; one that cannot keep the consultant along says so, and a
    /// refused one names what is free after the time asked, not "nothing else is free" (issue 12, item 3).
    @Test func aMoveSaysWhatItChangesAndWhatIsFreeInstead() throws {
        let desk = try Desk()
        let agenda = desk.folder.appendingPathComponent("k1.ics")
        try Data("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:1\r\nDTSTART;TZID=Europe/Brussels:20261126T130000\r\nDURATION:PT2H\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n".utf8)
            .write(to: agenda)
        #expect(try desk.run(["import", "busy", "K1", agenda.path, "--save"]).status == 0)
        let booked = try desk.run(["book", "--job-seeker", "J1", "--consultant", "K1", "--attendance", "preferred", "--at", "2026-11-24 09:00", "--json"])
        #expect(booked.status == 0 && booked.stdout.contains("\"consultant_attends\" : true"), "\(booked.stdout)")
        let moved = try desk.run(["move", "1", "--to", "2026-11-26 13:00"])
        #expect(moved.status == 0 && moved.stderr.contains("note: consultant K1 no longer comes along: not free at the new time"), "\(moved.stderr)")
        #expect(try desk.run(["book", "--job-seeker", "J2", "--duration", "210", "--at", "2026-11-24 09:00"]).status == 0)
        let refused = try desk.run(["move", "1", "--to", "2026-11-24 09:00"])
        #expect(refused.status == 3)
        // Next free after the time asked; with K1 along (busy Thursday until 15:00) ranked first, as the slots are.
        #expect(refused.stderr.hasPrefix("zitdag: the slot at Tue 2026-11-24 09:00 is taken; next free: Wed 2026-11-25 13:30 in C3-2026-11-25-1330, Thu 2026-11-26 15:00"), "\(refused.stderr)")
        let offGrid = try desk.run(["move", "1", "--to", "2026-11-26 13:05"])
        #expect(offGrid.status == 2 && offGrid.stderr.contains("--to: Thu 2026-11-26 13:05 is off the 15-minute grid"), "\(offGrid.stderr)")
    }

    @Test func aProcessKilledInTheMiddleOfABookingLeavesNothingBehind() throws {
        let desk = try Desk()
        // The booking waits 20 s inside its transaction, after writing its rows: kill it there.
        let victim = try desk.process(["book", "--job-seeker", "J1", "--series", "3", "--at", "2026-11-24 09:00"], environment: ["ZITDAG_TEST_STALL_MS": "20000"])
        Thread.sleep(forTimeInterval: 3)
        #expect(victim.isRunning)
        kill(victim.processIdentifier, SIGKILL)
        victim.waitUntilExit()
        #expect(victim.terminationReason == .uncaughtSignal)
        let agenda = try desk.run(["agenda", "--coach", "C1", "--from", "2026-11-23", "--to", "2026-12-31", "--json"])
        #expect(agenda.status == 0)
        #expect(try bookedCount(agendaJSON: agenda.stdout) == 0)
        // The lock died with the process: the next booking goes through.
        #expect(try desk.run(["book", "--job-seeker", "J1", "--series", "3", "--at", "2026-11-24 09:00"]).status == 0)
    }

    @Test func aCorruptDatabaseFileGetsAClearErrorAndExitOne() throws {
        let folder = try scratchFolder()
        let path = folder.appendingPathComponent("broken.sqlite").path
        try Data(repeating: 0x5A, count: 8192).write(to: URL(fileURLWithPath: path))
        let outcome = try Binary.run(["agenda", "--coach", "C1", "--db", path])
        #expect(outcome.status == 1)
        #expect(outcome.stderr == "zitdag: database \(path): not a zitdag database, or damaged\n")
    }

    @Test func theWeekPlanBooksQueuedRequests() throws {
        let desk = try Desk()
        for j in 1...4 {
            #expect(try desk.run(["request", "add", "--job-seeker", "J\(j)"]).status == 0)
        }
        let dry = try desk.run(["plan", "--from", "2026-11-23", "--to", "2026-11-29", "--dry-run", "--time-limit", "0.2"])
        #expect(dry.stderr.contains("would book 4 of 4 pending request(s)"))
        let plan = try desk.run(["plan", "--from", "2026-11-23", "--to", "2026-11-29", "--time-limit", "0.2"])
        #expect(plan.status == 0 && plan.stderr.contains("booked 4 of 4 pending request(s)"))
        let csv = try desk.run(["export", "appointments", "--from", "2026-11-23", "--to", "2026-11-29"])
        #expect(csv.stdout.split(separator: "\r\n").count == 5)
    }
}

extension BookingCommandTests {
    @Test func theCoachFeedFromTheStoreShowsMovesAndCancellations() throws {
        let desk = try Desk()
        #expect(try desk.run(["book", "--job-seeker", "J1", "--at", "2026-11-24 09:00"]).status == 0)
        #expect(try desk.run(["book", "--job-seeker", "J2", "--at", "2026-11-24 10:00"]).status == 0)
        #expect(try desk.run(["move", "1", "--to", "2026-12-01 09:00"]).status == 0)
        #expect(try desk.run(["cancel", "2"]).status == 0)
        let feed = try desk.run(["feed", "coach", "C1"])
        #expect(feed.status == 0)
        let text = feed.stdout.replacingOccurrences(of: "\r\n ", with: "")
        #expect(text.contains("UID:appointment-1@zitdag\r\n"))
        #expect(text.contains("SEQUENCE:1\r\n"))
        #expect(text.contains("STATUS:CANCELLED\r\n"))
        #expect(!text.contains("J1") && !text.contains("J2"))
    }
}

extension BookingCommandTests {
    /// `zitdag serve` finishes a booking in flight when told to stop, then exits cleanly.
    @Test func sigtermLetsTheBookingInFlightFinish() async throws {
        let desk = try Desk()
        let token = try desk.run(["token", "create", "--coordinator", "test"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let port = 18_000 + Int.random(in: 0..<2_000)
        // Every write waits 3 s before it commits, holding the database's write lock.
        let server = try desk.process(["serve", "--port", String(port)], environment: ["ZITDAG_TEST_STALL_MS": "3000"])
        defer { if server.isRunning { kill(server.processIdentifier, SIGKILL) } }
        // Deadlines, not counts of tries: in the whole suite the first health answer came after 29 s,
        // the machine busy with the other tests.
        let up = try await eventually(within: .seconds(120), every: .milliseconds(100)) {
            (try? Data(contentsOf: URL(string: "http://127.0.0.1:\(port)/health")!)) != nil
        }
        try #require(up)
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/v1/bookings")!)
        request.httpMethod = "POST"
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        request.httpBody = Data(#"{"job_seeker": "J1", "starts": [{"start": "2026-11-24T09:00"}]}"#.utf8)
        // A session of its own, so that nothing queued on the shared one holds the request back.
        let session = URLSession(configuration: .ephemeral)
        async let answer = session.data(for: request)
        // SIGTERM once the booking is in its transaction, not after a fixed wait: on a machine busy
        // with the other tests the request once came after the signal, to a server no longer listening.
        let inFlight = try await eventually(within: .seconds(60), every: .milliseconds(10)) { try desk.isWriteLocked() }
        try #require(inFlight)
        kill(server.processIdentifier, SIGTERM)
        let (body, response) = try await answer
        #expect((response as? HTTPURLResponse)?.statusCode == 201, "\(String(decoding: body, as: UTF8.self))")
        _ = try await eventually(within: .seconds(60), every: .milliseconds(100)) { !server.isRunning }
        #expect(!server.isRunning && server.terminationStatus == 0)
        let agenda = try desk.run(["agenda", "--coach", "C1", "--week", "2026-11-24", "--json"])
        #expect(try bookedCount(agendaJSON: agenda.stdout) == 1)
    }

    /// Whether `condition` holds, asked every `interval` until it does or `limit` has passed.
    func eventually(within limit: Duration, every interval: Duration, _ condition: () throws -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            try await Task.sleep(for: interval)
            if try condition() { return true }
        }
        return false
    }

    /// How many booked appointments an agenda printed with `--json` lists (the API's agenda entries).
    func bookedCount(agendaJSON text: String) throws -> Int {
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        return entries.flatMap { $0["appointments"] as? [[String: Any]] ?? [] }.filter { $0["status"] as? String == "booked" }.count
    }
}
