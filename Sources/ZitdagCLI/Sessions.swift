import ArgumentParser
import Foundation
import ZitdagCalendar
import ZitdagCore

/// `zitdag sessions`: the zitdagen of `Calendars/` as concrete sessions.
struct Sessions: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sessions",
        abstract: Text("Expand the zitdagen defined in Calendars/ into concrete sessions.").cli,
        discussion: Text("Public holidays and other closed days (X-ZITDAG-CLOSED) remove sessions. Exit status 2 on a broken calendar.").cli)

    @OptionGroup(title: Text("Sessions to list (default: today and the next 52 weeks)").cli)
    var window: DateWindow

    @Option(help: ArgumentHelp(Text("The folder of .ics files defining the zitdagen.")))
    var calendars: String = "Calendars"

    @Flag(help: ArgumentHelp(Text("Print the sessions as the problem file's sessions[] array.")))
    var json = false

    func run() throws {
        try reporting {
            let zone = Zone.brussels
            let sessions = try SessionCalendarFiles.sessions(in: calendars, window: try window.span(in: zone), zone: zone)
            if json {
                print(JSONWriter.write(.array(sessions.map { ProblemFile.encode($0, zone: zone) })), terminator: "")
                return
            }
            for session in sessions {
                let start = zone.local(at: session.span.start)
                let end = zone.local(at: session.span.end)
                let languages = session.languages.map { Text(verbatim: $0.sorted().joined(separator: ",")) } ?? Text("any language")
                let line = Text(
                    "\(weekday: start)-\(end.hourMinute)  coach \(session.coach) at \(session.location), \(count: session.seats, "seat"), \(languages)  [\(session.id)]")
                say(session.reserved.isEmpty ? line : Text("\(line)\n    keeps \(Render.reserved(session.reserved, of: session, zone: zone))"))
            }
            printError(Text("\(count: sessions.count, "session")"))
        }
    }
}

/// Reading every calendar of a folder.
enum SessionCalendarFiles {
    static func sessions(in folder: String, window: Span, zone: Zone) throws(CommandError) -> [Session] {
        try schedule(in: folder, window: window, zone: zone).open
    }

    /// The sessions held, and the half-days the calendars take back (for the desk's reasons).
    static func schedule(in folder: String, window: Span, zone: Zone) throws(CommandError) -> SessionCalendar.Schedule {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".ics") }.sorted()
        guard !names.isEmpty else { throw CommandError.input(Text("\(folder): no .ics files")) }
        var files: [(name: String, bytes: [UInt8])] = []
        for name in names {
            let path = (folder as NSString).appendingPathComponent(name)
            files.append((path, try Files.read(path)))
        }
        do {
            return try SessionCalendar(zone: zone).schedule(in: files, window: window)
        } catch {
            throw CommandError.input(Text.of(error))
        }
    }
}
