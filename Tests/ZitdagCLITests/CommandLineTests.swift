import ArgumentParser
import Foundation
import Synchronization
import Testing
import ZitdagCLI
import ZitdagCore

/// Runs the built `zitdag` binary, as a user would.
struct Binary {
    static let url = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("zitdag")

    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The command line in English, as these tests read it, unless a test asks for another language
    /// (Dutch is the default: ``DutchCommandLineTests``).
    static func environment(_ extra: [String: String]) -> [String: String] {
        ProcessInfo.processInfo.environment.merging(["ZITDAG_LANG": "en"]) { $1 }.merging(extra) { $1 }
    }

    /// Runs the binary to its end. `full` sends stdout (1) or stderr (2) to `/dev/full`, where every
    /// write fails as on a full disk; that stream then reads as empty.
    static func run(_ arguments: [String], environment: [String: String] = [:], full: Int32? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.environment = Self.environment(environment)
        let out = Pipe()
        let err = Pipe()
        let devFull = FileHandle(forWritingAtPath: "/dev/full")
        process.standardOutput = full == 1 ? devFull : out
        process.standardError = full == 2 ? devFull : err
        try process.run()
        try out.fileHandleForWriting.close()
        try err.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }
}

extension Binary {
    /// Starts the binary without waiting; its output is discarded.
    static func start(_ arguments: [String], environment: [String: String] = [:]) throws -> Process {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.environment = Self.environment(environment)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }
}

/// A fresh folder for one test's files, removed when the test process ends.
func scratchFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("zitdag-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    scratchFolders.withLock { folders in
        if folders.isEmpty { atexit { removeScratchFolders() } }
        folders.append(url)
    }
    return url
}

/// The folders ``scratchFolder()`` made. They go at exit, not at the end of each test: a path taken
/// from a folder may outlive the last use of the folder itself, and a server a test started may
/// still be writing there until the test stops it.
private let scratchFolders = Mutex<[URL]>([])

private func removeScratchFolders() {
    for url in scratchFolders.withLock({ $0 }) { try? FileManager.default.removeItem(at: url) }
}

@Suite struct CommandLineTests {
    /// A command without a name of its own is named after its type by ArgumentParser, through a
    /// dynamic cast that scans every protocol conformance in the binary, at every start: 13 of the
    /// 48 ms a short command took. So every command names itself.
    @Test func everyCommandNamesItself() {
        func unnamed(_ command: any ParsableCommand.Type) -> [String] {
            (command.configuration.commandName == nil ? [String(describing: command)] : [])
                + command.configuration.subcommands.flatMap(unnamed)
        }
        #expect(unnamed(Zitdag.self) == [])
    }

    @Test func generateSolveCheckAndShowWorkTogether() throws {
        let folder = try scratchFolder()
        let problem = folder.appendingPathComponent("p.json").path
        let plan = folder.appendingPathComponent("plan.json").path
        #expect(try Binary.run(["generate", "--size", "jobteam", "--seed", "4", "--start", "2026-03-23", "--out", problem]).status == 0)
        let solved = try Binary.run(["solve", problem, "--out", plan, "--steps", "200"])
        #expect(solved.status == 0)
        #expect(solved.stderr.contains("/60 requests, objective"))
        let checked = try Binary.run(["check", problem, plan])
        #expect(checked.status == 0)
        #expect(checked.stdout.contains("plan is valid"))
        let shown = try Binary.run(["show", problem, plan])
        #expect(shown.status == 0)
        #expect(shown.stdout.contains("Week of Mon 2026-03-23"))
    }

    @Test func anInvalidProblemExitsWithTwoAndWritesNothing() throws {
        let folder = try scratchFolder()
        let problem = folder.appendingPathComponent("bad.json")
        let plan = folder.appendingPathComponent("plan.json")
        try Data("{\"format\": \"zitdag-problem/1\", \"timezone\": \"Europe/Brussels\",\n \"sessions\": [], \"consultants\": [],\n \"requests\": [{\"id\": \"R1\", \"job_seeker\": \"J\", \"duration_minutes\": 7, \"release\": \"2026-11-23\"}]}".utf8).write(to: problem)
        let outcome = try Binary.run(["solve", problem.path, "--out", plan.path])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("bad.json:3: requests[0].duration_minutes (id R1): 7 is not a multiple of grid_minutes (15)"))
        #expect(!FileManager.default.fileExists(atPath: plan.path))
    }

    @Test("hostile files end in a clear error", arguments: [
        String(repeating: "[", count: 200_000), "{\"format\": 1e999}", "\u{FEFF}", "{\"a\":", "null",
    ])
    func hostileFiles(text: String) throws {
        let folder = try scratchFolder()
        let problem = folder.appendingPathComponent("hostile.json")
        try Data(text.utf8).write(to: problem)
        let outcome = try Binary.run(["solve", problem.path])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("hostile.json"))
    }

    @Test func aMissingFileIsNamed() throws {
        let outcome = try Binary.run(["solve", "/nonexistent/problem.json"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("/nonexistent/problem.json: no such file"))
    }

    @Test func aTamperedPlanFailsTheCheck() throws {
        let folder = try scratchFolder()
        let problem = folder.appendingPathComponent("p.json").path
        let plan = folder.appendingPathComponent("plan.json")
        _ = try Binary.run(["generate", "--seed", "2", "--start", "2026-11-23", "--out", problem])
        _ = try Binary.run(["solve", problem, "--out", plan.path, "--steps", "50"])
        let text = try String(contentsOf: plan, encoding: .utf8)
        let tampered = text.replacingOccurrences(of: "\"objective\": ", with: "\"objective\": 1")
        try Data(tampered.utf8).write(to: plan)
        let outcome = try Binary.run(["check", problem, plan.path])
        #expect(outcome.status == 1)
        #expect(outcome.stdout.contains("[objective]"))
    }

    @Test func badOptionsAreRefusedBeforeAnythingRuns() {
        #expect(throws: (any Error).self) { try Zitdag.parseAsRoot(["solve", "p.json", "--time-limit", "-1"]) }
        #expect(throws: (any Error).self) { try Zitdag.parseAsRoot(["generate", "--size", "galaxy"]) }
        #expect(throws: (any Error).self) { try Zitdag.parseAsRoot(["generate", "--start", "2026-02-30"]) }
    }

    @Test func solveIsDeterministicForASeed() throws {
        let folder = try scratchFolder()
        let problem = folder.appendingPathComponent("p.json").path
        _ = try Binary.run(["generate", "--size", "city", "--seed", "3", "--start", "2026-11-23", "--out", problem])
        let first = try Binary.run(["solve", problem, "--seed", "9", "--steps", "300"])
        let second = try Binary.run(["solve", problem, "--seed", "9", "--steps", "300"])
        #expect(first.status == 0)
        #expect(first.stdout == second.stdout)
    }

    @Test func importBusyPrintsAConsultantForTheProblemFile() throws {
        let folder = try scratchFolder()
        let agenda = folder.appendingPathComponent("agenda.ics")
        try Data("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:1\r\nDTSTART;TZID=Europe/Brussels:20261124T100000\r\nDURATION:PT1H\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n".utf8).write(to: agenda)
        let outcome = try Binary.run(["import", "busy", "K1", agenda.path, "--from", "2026-11-01", "--to", "2026-12-01"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("\"start\": \"2026-11-24T10:00:00\", \"end\": \"2026-11-24T11:00:00\""))
    }

    @Test func importBusyRefusesABrokenAgendaNamingTheLine() throws {
        let folder = try scratchFolder()
        let agenda = folder.appendingPathComponent("broken.ics")
        try Data("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20261124T100000Z\nEND:VTODO\nEND:VCALENDAR\n".utf8).write(to: agenda)
        let outcome = try Binary.run(["import", "busy", "K1", agenda.path])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("broken.ics:4: END:VTODO closes BEGIN:VEVENT of line 2"))
    }

    static let calendars = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Calendars").path

    @Test func sessionsListsTheShippedZitdagen() throws {
        let outcome = try Binary.run(["sessions", "--calendars", Self.calendars, "--from", "2026-12-28", "--to", "2027-01-04"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.split(separator: "\n") == [
            "Mon 2026-12-28 09:00-12:00  coach C2 at L2, 2 seats, any language  [C2-2026-12-28-0900]",
            "Wed 2026-12-30 09:00-12:30  coach C1 at L1, 1 seat, en,nl  [C1-2026-12-30-0900]",
            "Wed 2026-12-30 13:30-16:30  coach C3 at L3, 3 seats, en,nl,uk  [C3-2026-12-30-1330]",
            "    keeps 1 seat 13:30-16:30 for walk-in; 1 seat 13:30-16:30 held back for urgent bookings until 2026-12-28",
            "Thu 2026-12-31 13:00-16:30  coach C2 at L1, 1 seat, ar,fr,nl  [C2-2026-12-31-1300]",
        ])
    }

    @Test func problemJoinsCalendarsAndRequestsIntoAPlanOfTheirOwn() throws {
        let folder = try scratchFolder()
        let requests = folder.appendingPathComponent("requests.json")
        let problem = folder.appendingPathComponent("problem.json").path
        let plan = folder.appendingPathComponent("plan.json").path
        try Data("""
            {"consultants": [{"id": "K1"}],
             "requests": [{"id": "R1", "job_seeker": "J1", "consultant": "K1", "attendance": "preferred",
                           "duration_minutes": 60, "appointments": 2, "release": "2026-11-23", "language": "fr"}]}
            """.utf8).write(to: requests)
        let made = try Binary.run(["problem", "--requests", requests.path, "--calendars", Self.calendars,
                                   "--from", "2026-11-23", "--to", "2027-01-04", "--out", problem])
        #expect(made.status == 0)
        #expect(try Binary.run(["solve", problem, "--out", plan]).status == 0)
        let checked = try Binary.run(["check", problem, plan])
        #expect(checked.stdout.contains("plan is valid: 1/1 requests scheduled"))
    }

    @Test func problemNamesTheLineOfABadRequest() throws {
        let folder = try scratchFolder()
        let requests = folder.appendingPathComponent("requests.json")
        try Data("{\"consultants\": [],\n \"requests\": [{\"id\": \"R1\", \"job_seeker\": \"J1\", \"consultant\": \"K9\",\n \"duration_minutes\": 60, \"release\": \"2026-11-23\"}]}".utf8).write(to: requests)
        let outcome = try Binary.run(["problem", "--requests", requests.path, "--calendars", Self.calendars, "--from", "2026-11-23", "--to", "2026-12-01"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("requests.json:2: requests[0].consultant (id R1): unknown consultant \"K9\""))
    }

    @Test func feedWritesACoachCalendarAndRefusesUnknownPeople() throws {
        let folder = try scratchFolder()
        let problem = folder.appendingPathComponent("p.json").path
        let plan = folder.appendingPathComponent("plan.json").path
        _ = try Binary.run(["generate", "--seed", "6", "--start", "2026-11-23", "--out", problem])
        _ = try Binary.run(["solve", problem, "--out", plan, "--steps", "50"])
        let feed = try Binary.run(["feed", "coach", "C1", "--problem", problem, "--plan", plan])
        #expect(feed.status == 0)
        #expect(feed.stdout.hasPrefix("BEGIN:VCALENDAR\r\n") && feed.stdout.contains("X-WR-CALNAME:Zitdagen coach C1\r\n"))
        let unknown = try Binary.run(["feed", "coach", "C9", "--problem", problem, "--plan", plan])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no coach C9"))
    }
}

extension CommandLineTests {
    static let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scenarios")

    @Test func aSimulationIsTheSameOnOneThreadAndOnMany() throws {
        let file = Self.scenarios.appendingPathComponent("jobteam.json").path
        let one = try Binary.run(["simulate", file, "--replications", "12", "--threads", "1"])
        let many = try Binary.run(["simulate", file, "--replications", "12", "--threads", "4"])
        #expect(one.status == 0)
        let figures = { (text: String) in text.split(separator: "\n").filter { !$0.contains(" s\n") && !$0.hasSuffix(" s") } }
        #expect(figures(one.stdout) == figures(many.stdout))
        #expect(one.stdout.contains("days to first appointment, mean"))
    }

    @Test func aComparisonWritesChartsAndExports() throws {
        let folder = try scratchFolder()
        let file = Self.scenarios.appendingPathComponent("jobteam.json").path
        let outcome = try Binary.run([
            "simulate", file, "--replications", "8", "--vary", "seats=1,2", "--svg", folder.path,
            "--csv", folder.appendingPathComponent("s.csv").path, "--json", folder.appendingPathComponent("s.json").path,
        ])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.hasPrefix("figure") && outcome.stdout.contains("seats=2"))
        for name in ["waits.svg", "backlog.svg", "utilisation.svg"] {
            let svg = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
            // Both axes titled.
            #expect(svg.contains("rotate(-90)") && (svg.contains(">week starting<") || svg.contains(">days waited<")))
        }
        // The time axis shows the Mondays' dates (the scenario starts on 2027-01-04, six warm-up weeks).
        let backlog = try String(contentsOf: folder.appendingPathComponent("backlog.svg"), encoding: .utf8)
        #expect(backlog.contains(">2027-02-15<"))
        #expect(try String(contentsOf: folder.appendingPathComponent("s.csv"), encoding: .utf8).hasPrefix("scenario,figure,week,mean,low,high\r\n"))
    }

    /// "What if we add a half-day?" on one file: the table says which half-day each variant adds, and a
    /// figure with nothing to count says so.
    @Test func addingAHalfDayNeedsNoSecondFile() throws {
        let file = Self.scenarios.appendingPathComponent("jobteam.json").path
        let outcome = try Binary.run(["simulate", file, "--replications", "6", "--vary", "halfdays=+0,+1"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("halfdays=+1: 6 replications") && outcome.stdout.contains("adds C1 mon 09:00-12:30"))
        #expect(!outcome.stdout.contains("inf"))
        let wrong = try Binary.run(["simulate", file, "--vary", "halfdays=9"])
        #expect(wrong.status != 0 && wrong.stderr.contains("halfdays=9: the scenario lists 3 half-days; halfdays=+6 adds to them"))
    }

    @Test func aBrokenScenarioRunsNothingAndExitsTwo() throws {
        let folder = try scratchFolder()
        let file = folder.appendingPathComponent("broken.json")
        try Data(#"{"format": "zitdag-scenario/1", "start": "2027-01-04", "sessions": [], "demand": {"per_week": -2}, "levels": [], "attendance": {}}"#.utf8).write(to: file)
        let outcome = try Binary.run(["simulate", file.path])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("sessions: must list at least one weekly half-day"))
        #expect(outcome.stderr.contains("demand.per_week: must be from 0.0 to 10000.0, got -2.0"))
        #expect(outcome.stdout.isEmpty)
    }
}
