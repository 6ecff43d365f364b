import ArgumentParser
import ZitdagCore

/// `zitdag problem`: a problem file from the zitdagen of `Calendars/` and a file of requests.
struct MakeProblem: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "problem",
        abstract: Text("Build a zitdag-problem/1 file from Calendars/ and a file of consultants and requests.").cli,
        discussion: Text("""
            The requests file is a JSON object with the problem format's "consultants" and "requests" (and
            optionally "grid_minutes", "weights" and "today", the day held-back seats are released by); the
            sessions, with what they keep for walk-in and urgent bookings, come from the calendars between --from and
            --to, in Europe/Brussels. Everything is checked as for solve: exit status 2 names each error.
            """).cli)

    @Option(help: ArgumentHelp(Text("The JSON file of consultants and requests.")))
    var requests: String

    @OptionGroup(title: Text("Sessions to include").cli)
    var window: DateWindow

    @Option(help: ArgumentHelp(Text("The folder of .ics files defining the zitdagen.")))
    var calendars: String = "Calendars"

    @Option(name: .shortAndLong, help: ArgumentHelp(Text("Where to write the problem (default: standard output).")))
    var out: String?

    func run() throws {
        try reporting {
            let zone = Zone.brussels
            let input: JSON
            do {
                input = try JSONParser.parse(try Files.read(requests))
            } catch let error as JSONSyntaxError {
                throw CommandError.input(Text("\(requests):\(error.line): \(error.message) (column \(error.column))"))
            }
            guard case .object(let members) = input.value else {
                throw CommandError.input(Text("\(requests): must be a JSON object with \"consultants\" and \"requests\""))
            }
            if let taken = members.first(where: { ["format", "timezone", "sessions"].contains($0.key) }) {
                throw CommandError.input(Text("\(requests):\(taken.value.line): \"\(taken.key)\" is not for this file: zitdag problem sets it"))
            }
            let sessions = try SessionCalendarFiles.sessions(in: calendars, window: try window.span(in: zone), zone: zone)
            let combined = JSON(.object(
                [("format", JSON(.string(ProblemFile.format))), ("timezone", JSON(.string(zone.identifier)))] + members
                    + [("sessions", .array(sessions.map { ProblemFile.encode($0, zone: zone) }))]))
            let problem: Problem
            do throws(FormatError) {
                problem = try ProblemFile.decode(combined)
            } catch {
                throw CommandError.format(requests, error)
            }
            let text = JSONWriter.write(ProblemFile.encode(problem))
            if let out { try Files.write(text, to: out) } else { print(text, terminator: "") }
            printError(Text("\(count: problem.sessions.count, "session"), \(count: problem.consultants.count, "consultant"), \(count: problem.requests.count, "request")"))
        }
    }
}
