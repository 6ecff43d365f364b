import ArgumentParser
import ZitdagCore
import ZitdagStore

/// `zitdag offers`: freed places held for a waiting request until its consultant answers (`rules set --backfill offer`).
struct OffersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "offers", abstract: "List, accept or decline offers of freed places.", subcommands: [List.self, Accept.self, Decline.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The open offers, oldest first (expired ones are settled first).")
        @Option(help: "Only this consultant's.") var consultant: String?
        @OptionGroup var store: StoreOptions

        func run() throws {
            try reporting {
                let desk = try store.desk()
                do {
                    let offers = try desk.offers(consultant: consultant, actor: store.who)
                    if store.json { return Render.printJSON(offers.map { OfferSummary($0, zone: desk.store.zone, viewer: .coordinator) }) }
                    for offer in offers { OffersCommand.show(offer, zone: desk.store.zone) }
                    if offers.isEmpty { print("no open offers") }
                } catch { throw CommandError.store(error) }
            }
        }
    }

    struct Accept: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Accept an offer: its appointments stay booked.")
        @Argument(help: "The offer's number.") var offer: Int64
        @OptionGroup var store: StoreOptions
        func run() throws { try OffersCommand.decide(offer, .accept, store, self) }
    }

    struct Decline: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Decline an offer: its appointments are cancelled, the request waits again and the place goes to the next.")
        @Argument(help: "The offer's number.") var offer: Int64
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
        let until = offer.state == .open ? ", until \(zone.local(at: offer.expires).withWeekday)" : ""
        print("offer \(offer.id)  request \(offer.request)\(open.consultant.map { " for \($0)" } ?? "")  \(offer.state.rawValue)\(until)")
        for a in open.appointments { print("  " + Render.appointmentLine(a, zone: zone)) }
    }
}
