import ArgumentParser
import ZitdagCore
import ZitdagStore

/// `zitdag device`: the inventory of devices lent to job seekers.
struct DeviceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "device", abstract: Text("Keep the inventory of laptops, tablets, dongles and SIM cards.").cli,
        subcommands: [Add.self, List.self, State.self, History.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: Text("Add a device to the inventory; it is available to lend.").cli)
        @Argument(help: ArgumentHelp(Text("The inventory number on its sticker."))) var id: String
        @Option(help: ArgumentHelp(Text("laptop, tablet, dongle or sim."))) var kind: Device.Kind
        @Option(help: ArgumentHelp(Text("The day it was bought (it is due for replacement five years later)."))) var bought: String
        @Option(help: ArgumentHelp(Text("The location it is kept and lent from."))) var location: String?
        @OptionGroup var store: StoreOptions

        func run() throws {
            try store.run(self) { db in
                let device = Device(id: id, kind: kind, bought: try WallClock.date(bought, option: "--bought"), location: location)
                try db.addDevice(device, at: StoreOptions.clock(), actor: store.who)
                if store.json { return Render.printJSON(DeviceSummary(device)) }
                say(DeviceCommand.line(device))
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: Text("List the devices, with their state and replacement date.").cli)
        @Option(help: ArgumentHelp(Text("Only devices in this state: available, on_loan, in_repair, retired."))) var state: Device.State?
        @OptionGroup var store: StoreOptions

        func run() throws {
            try store.run(self) { db in
                let devices = try db.devices().filter { state == nil || $0.state == state }
                if store.json { return Render.printJSON(devices.map(DeviceSummary.init)) }
                for device in devices { say(DeviceCommand.line(device)) }
                if devices.isEmpty { say(Text("no devices")) }
            }
        }
    }

    struct State: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "state",
            abstract: Text("Send a device to repair (in_repair), back (available), or retire it (retired).").cli,
            discussion: Text("A device on loan changes only by being taken back (`zitdag loan return`); a retired one stays retired.").cli)
        @Argument(help: ArgumentHelp(Text("The device."))) var id: String
        @Argument(help: ArgumentHelp(Text("available, in_repair or retired."))) var state: Device.State
        @OptionGroup var store: StoreOptions

        func run() throws {
            try store.run(self) { db in
                let device = try db.changeDevice(id, to: state, at: StoreOptions.clock(), actor: store.who)
                if store.json { return Render.printJSON(DeviceSummary(device)) }
                say(DeviceCommand.line(device))
            }
        }
    }

    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "history", abstract: Text("Every loan of a device, oldest first (kept when a borrower is erased).").cli)
        @Argument(help: ArgumentHelp(Text("The device."))) var id: String
        @OptionGroup var store: StoreOptions

        func run() throws {
            try store.run(self) { db in
                let loans = try db.history(ofDevice: id)
                if store.json { return Render.printJSON(loans.map(LoanSummary.init)) }
                for loan in loans { say(LoanCommand.line(loan)) }
                if loans.isEmpty { say(Text("device \(id) was never lent")) }
            }
        }
    }

    /// "L-001  laptop  available  bought 2024-03-01, replace by 2029-03-01  Gent".
    static func line(_ device: Device) -> Text {
        let place = device.location.map { Text("  \($0)") } ?? Text(verbatim: "")
        return Text("\(device.id)  \(device.kind.words)  \(device.state.words)  bought \(device.bought), replace by \(device.replaceOn)\(place)")
    }
}

extension Device.Kind: ExpressibleByArgument {}
extension Device.State: ExpressibleByArgument {}
extension Loan.Condition: ExpressibleByArgument {}
extension DigitalLevel: ExpressibleByArgument {}
extension CancellationCause.Party: ExpressibleByArgument {}
extension CancellationCause.Reason: ExpressibleByArgument {}
