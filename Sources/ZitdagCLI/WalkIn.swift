import ArgumentParser
import ZitdagCore
import ZitdagStore

/// `zitdag walk-in`: the register of a half-day's walk-in hours, kept by whoever hosts it.
struct WalkInCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "walk-in", abstract: Text("Keep the walk-in register of a half-day: arrivals, the queue, outcomes, counts.").cli,
        subcommands: [Arrive.self, Next.self, Done.self, Queue.self, Report.self])

    struct Arrive: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "arrive", abstract: Text("Someone walked in (anonymous unless initials are given).").cli)
        @Option(help: ArgumentHelp(Text("The session (half-day) they came to."))) var session: String
        @Option(help: ArgumentHelp(Text("Their initials, if they give them (never a name)."))) var initials: String?
        @Option(help: ArgumentHelp(Text("What they came for: \(WalkInTopic.codes)."))) var topic: WalkInTopic?
        @OptionGroup var store: StoreOptions

        func run() throws {
            try store.run(self) { db in
                let turn = try db.walkInArrive(session: session, initials: initials, topic: topic, at: StoreOptions.clock(), actor: store.who)
                if store.json { return Render.printJSON(WalkInSummary(turn.visit, turn: turn, zone: db.zone)) }
                say(Text("visit \(turn.visit.id) waiting, \(WalkInCommand.turnWords(turn, zone: db.zone))"))
            }
        }
    }

    struct Next: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "next", abstract: Text("Call in the one waiting longest.").cli)
        @Option(help: ArgumentHelp(Text("The session."))) var session: String
        @OptionGroup var store: StoreOptions

        func run() throws {
            try store.run(self) { db in
                let visit = try db.walkInCallNext(session: session, at: StoreOptions.clock(), actor: store.who)
                if store.json { return Render.printJSON(WalkInSummary(visit, zone: db.zone)) }
                say(Text("visit \(visit.id) called in\(WalkInCommand.about(visit))"))
            }
        }
    }

    struct Done: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "done", abstract: Text("Record how a visit ended.").cli)
        @Argument(help: ArgumentHelp(Text("The visit's number."))) var visit: Int
        @Option(help: ArgumentHelp(Text("helped, left (without help) or referred (sent on)."))) var outcome: WalkInOutcome
        @Option(help: ArgumentHelp(Text("What it was about: \(WalkInTopic.codes)."))) var topic: WalkInTopic?
        @OptionGroup var store: StoreOptions

        func run() throws {
            try store.run(self) { db in
                let ended = try db.walkInFinish(visit: visit, outcome: outcome, topic: topic, at: StoreOptions.clock(), actor: store.who)
                if store.json { return Render.printJSON(WalkInSummary(ended, zone: db.zone)) }
                say(Text("visit \(ended.id): \(outcome.rawValue)\(WalkInCommand.about(ended))"))
            }
        }
    }

    struct Queue: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "queue",
            abstract: Text("Who is being helped and who waits, with the expected turn from the session's free time left.").cli)
        @Option(help: ArgumentHelp(Text("The session."))) var session: String
        @OptionGroup var store: StoreOptions

        func run() throws {
            try store.run(self) { db in
                let (register, turns) = try db.walkInQueue(session: session, at: StoreOptions.clock())
                let helped = register.visits.filter { $0.state == .beingHelped }
                if store.json { return Render.printJSON(WalkInQueueSummary(register, turns: turns, zone: db.zone)) }
                for visit in helped { say(Text("visit \(visit.id)  being helped since \(db.zone.local(at: visit.called!).hourMinute)\(about(visit))")) }
                for turn in turns { say(Text("visit \(turn.visit.id)  \(WalkInCommand.turnWords(turn, zone: db.zone))\(about(turn.visit))")) }
                if helped.isEmpty && turns.isEmpty { say(Text("nobody is waiting")) }
                say(Text("(usual time per walk-in: \(register.usualMinutes) minutes)"))
            }
        }

        private func about(_ visit: WalkInVisit) -> String { WalkInCommand.about(visit) }
    }

    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report", abstract: Text("Walk-in counts per month and location, or per session (counts only).").cli)
        @OptionGroup var window: DateWindow
        @Option(help: ArgumentHelp(Text("location or session."))) var by: WalkInReport.Grouping = .location
        @OptionGroup var store: StoreOptions

        func run() throws {
            try reporting {
                let db = try store.open()
                let span = try window.span(in: db.zone)
                let first = db.zone.local(at: span.start).date
                let last = db.zone.local(at: span.end).date.adding(days: -1)
                do {
                    let report = try db.walkInReport(from: first, to: last, by: by)
                    if store.json { return Render.printJSON(report.rows.map(WalkInReportSummary.init)) }
                    say(by == .session
                        ? Text("month    location  session                  arrivals  helped  left  referred  open  median wait")
                        : Text("month    location  arrivals  helped  left  referred  open  median wait"))
                    for row in report.rows {
                        let cells = [row.month.padding(7), row.location.padding(8), by == .session ? (row.session ?? "").padding(24) : nil,
                                     "\(row.arrivals)".padding(8, left: true), "\(row.helped)".padding(6, left: true), "\(row.left)".padding(4, left: true),
                                     "\(row.referred)".padding(8, left: true), "\(row.open)".padding(4, left: true),
                                     row.medianWaitMinutes.map { "\($0) min" } ?? "-"]
                        print(cells.compactMap { $0 }.joined(separator: "  "))
                    }
                    if report.rows.isEmpty { say(Text("no walk-ins from \(first) to \(last)")) }
                } catch { throw CommandError.store(error) }
            }
        }
    }

    /// "2nd in line, expected at 10:40" (or "after the session's time runs out").
    static func turnWords(_ turn: WalkInRegister.Turn, zone: Zone) -> Text {
        turn.expected.map { Text("number \(turn.position) in line, expected at \(zone.local(at: $0).hourMinute)") }
            ?? Text("number \(turn.position) in line, not expected before the session ends")
    }

    static func about(_ visit: WalkInVisit) -> String {
        (visit.initials.map { "  \($0)" } ?? "") + (visit.topic.map { "  \($0.rawValue)" } ?? "")
    }
}

extension WalkInTopic: ExpressibleByArgument {}
extension WalkInOutcome: ExpressibleByArgument {}
extension WalkInReport.Grouping: ExpressibleByArgument {}

extension String {
    fileprivate func padding(_ width: Int, left: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - count))
        return left ? fill + self : self + fill
    }
}
