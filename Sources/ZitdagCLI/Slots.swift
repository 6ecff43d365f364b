import ArgumentParser
import Foundation
import ZitdagCore
import ZitdagStore

/// `zitdag slots`: the best free slots for a job seeker, as the allocator ranks them.
struct Slots: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slots",
        abstract: Text("List the best free slots (or series) for a job seeker, best first.").cli,
        discussion: Text("""
            Ranked by the allocator's own objective under its constraints and the booking rules:
            seats, the job seeker's other appointments, the consultant's agenda, language, gaps.
            When nothing fits, says why. Exit status: 0 slots found, 3 none, 2 bad input, 1 database.
            """).cli)

    @OptionGroup var request: DraftOptions
    @Option(help: ArgumentHelp(Text("How many options to list."))) var count: Int = 5
    @Flag(help: ArgumentHelp(Text("For a coordinator's urgent booking: seats held back for urgent bookings count as free."))) var urgent = false
    @OptionGroup var store: StoreOptions

    func run() throws {
        try reporting {
            let desk = try store.desk()
            let offers: Offers
            var draft = try request.draft()
            draft.urgent = urgent
            do { offers = try desk.slots(for: draft, count: count) } catch { throw CommandError.store(error) }
            let zone = desk.store.zone
            if store.json {
                print(JSONWriter.write(.object([
                    "options": .array(offers.options.map { Render.offer($0, zone: zone) }),
                    "reason": offers.reason.map { JSON(.string($0.cli)) } ?? JSON(.null),
                ])), terminator: "")
            } else {
                for (number, offer) in offers.options.enumerated() {
                    say(Text("\(number + 1). \(Render.offerLine(offer, zone: zone))"))
                }
            }
            if let reason = offers.reason { throw CommandError(text: Text("no free slot: \(reason)"), status: 3) }
        }
    }
}

/// Text and JSON for offers and appointments.
enum Render {
    static func offerLine(_ offer: Offer, zone: Zone) -> Text {
        let appointments = offer.assignments.map { a in
            let when = Text("\(weekday: zone.local(at: a.span.start))-\(zone.local(at: a.span.end).hourMinute) in \(a.session)")
            return a.consultantAttends ? Text("\(when) (consultant along)") : when
        }
        return Text("\(Text.joined(appointments, separator: "; "))  [score \(offer.value)]")
    }

    static func offer(_ offer: Offer, zone: Zone) -> JSON {
        .object([
            "value": JSON(.integer(offer.value)),
            "appointments": .array(offer.assignments.map { a in
                .object([
                    "session": JSON(.string(a.session)),
                    "start": JSON(.string(zone.local(at: a.span.start).description)),
                    "end": JSON(.string(zone.local(at: a.span.end).description)),
                    "consultant_attends": JSON(.bool(a.consultantAttends)),
                ])
            }),
        ])
    }

    /// What a half-day keeps from ordinary booking, in a line.
    static func reserved(_ reserved: [Reservation], of session: Session, zone: Zone) -> Text {
        Text.joined(reserved.map { $0.words(in: session, zone: zone) }, separator: "; ")
    }

    /// Prints what the API would answer, indented: the same fields, the same keys.
    static func printJSON(_ value: some Encodable) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        print(String(decoding: (try? encoder.encode(value)) ?? Data("null".utf8), as: UTF8.self))
    }

    static func appointmentLine(_ a: BookedAppointment, zone: Zone) -> Text {
        let who = a.jobSeeker.map { Text(verbatim: "\($0) (\(a.initials ?? "?"))") } ?? Text("(erased)")
        var line = Text(
            "#\(a.id)  \(weekday: zone.local(at: a.span.start))-\(zone.local(at: a.span.end).hourMinute)  \(a.session)  \(who)  \(a.index + 1)/\(a.seriesLength)")
        if a.consultantAttends { line = a.consultant.map { Text("\(line)  with \($0)") } ?? Text("\(line)  with consultant") }
        if a.status != .booked { line = Text("\(line)  [\(a.status.words)]") }
        if let topic = a.topic { line = Text("\(line)  \(topic)") }
        return line
    }

    /// What filled freed places from the waiting list, told on stderr (stdout keeps the command's own
    /// answer, `--json` included): appointments booked, and those held for an offer.
    static func filled(_ filled: Store.Backfilled, zone: Zone) {
        let offered = Set(filled.offers.flatMap(\.appointments))
        let booked = filled.appointments.filter { !offered.contains($0.id) }
        if !booked.isEmpty {
            printError(Text("the freed place went to the waiting list (backfill):"))
            for a in booked { printError(Text("  \(appointmentLine(a, zone: zone))")) }
        }
        for offer in filled.offers {
            printError(Text("the freed place is offered (offer \(offer.id), until \(weekday: zone.local(at: offer.expires))) and held:"))
            for a in filled.appointments where offer.appointments.contains(a.id) { printError(Text("  \(appointmentLine(a, zone: zone))")) }
        }
    }

    static func appointments(_ list: [BookedAppointment], zone: Zone, json: Bool) {
        if json {
            printJSON(list.map { AppointmentSummary($0, zone: zone) })
        } else {
            for a in list { say(appointmentLine(a, zone: zone)) }
        }
    }
}
