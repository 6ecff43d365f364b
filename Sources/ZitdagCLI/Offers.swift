import ArgumentParser
import ZitdagCore
import ZitdagStore

/// `zitdag offers`: freed places held for a waiting request until its consultant answers (`rules set --backfill offer`).
struct OffersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "offers", abstract: Text("List, accept or decline offers of freed places.").cli, subcommands: [List.self, Accept.self, Decline.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: Text("The open offers, oldest first (expired ones are settled first).").cli)
        @Option(help: ArgumentHelp(Text("Only this consultant's."))) var consultant: String?
        @OptionGroup var store: StoreOptions

        func run() throws {
            try reporting {
                let desk = try store.desk()
                do {
                    let offers = try desk.offers(consultant: consultant, actor: store.who)
                    if store.json { return Render.printJSON(offers.map { OfferSummary($0, zone: desk.store.zone, viewer: .coordinator) }) }
                    for offer in offers { OffersCommand.show(offer, zone: desk.store.zone) }
                    if offers.isEmpty { say(Text("no open offers")) }
                } catch { throw CommandError.store(error) }
            }
        }
    }

    struct Accept: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "accept", abstract: Text("Accept an offer: its appointments stay booked.").cli)
        @Argument(help: ArgumentHelp(Text("The offer's number."))) var offer: Int64
        @OptionGroup var store: StoreOptions
        func run() throws { try OffersCommand.decide(offer, .accept, store, self) }
    }

    struct Decline: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "decline",
            abstract: Text("Decline an offer: its appointments are cancelled, the request waits again and the place goes to the next.").cli)
        @Argument(help: ArgumentHelp(Text("The offer's number."))) var offer: Int64
        @OptionGroup var store: StoreOptions
        func run() throws { try OffersCommand.decide(offer, .decline, store, self) }
    }

    static func decide(_ id: Int64, _ decision: PlaceOffer.Decision, _ store: StoreOptions, _ command: some ParsableCommand) throws {
        try command.reporting {
            let desk = try store.desk()
            do {
                let decided = try desk.decide(offer: id, decision, actor: store.who)
                if store.json { return Render.printJSON(OfferSummary(decided, zone: desk.store.zone, viewer: .coordinator)) }
                show(decided, zone: desk.store.zone)
            } catch { throw CommandError.store(error) }
        }
    }

    static func show(_ open: Desk.OfferDetail, zone: Zone) {
        let offer = open.offer
        var line = open.consultant.map { Text("offer \(offer.id)  request \(offer.request) for \($0)") } ?? Text("offer \(offer.id)  request \(offer.request)")
        line = Text("\(line)  \(offer.state.rawValue)")
        if offer.state == .open { line = Text("\(line), until \(weekday: zone.local(at: offer.expires))") }
        say(line)
        for a in open.appointments { say(Text("  \(Render.appointmentLine(a, zone: zone))")) }
    }
}
