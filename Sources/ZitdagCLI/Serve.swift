import ArgumentParser
import Foundation
import Logging
import ZitdagCore
import ZitdagHTTP
import ZitdagStore

/// `zitdag serve`: the booking API and feeds over HTTP.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: Text("Serve the booking API (/v1), feeds (/feeds), /health and /openapi.yaml over HTTP.").cli,
        discussion: Text("""
            Uses the same database as the other commands. Stops gracefully on SIGTERM or SIGINT: requests in
            flight, bookings among them, finish first. Logs one JSON-free structured line per request on
            stderr, with no personal data. With --demo, an empty database is first seeded with the zitdagen
            of Calendars/ and demo people and requests, and fresh demo tokens are printed.
            """).cli)

    @Option(help: ArgumentHelp(Text("Address to listen on."))) var host = "127.0.0.1"
    @Option(help: ArgumentHelp(Text("Port to listen on."))) var port = 8080
    @Option(help: ArgumentHelp(Text("Requests per second each API token may make."))) var rate: Double = 50
    @Option(help: ArgumentHelp(Text("Requests each API token may make in a burst."))) var burst: Double = 100
    @Flag(help: ArgumentHelp(Text("Seed an empty database with demo data, and print demo tokens, feed URLs and curl lines."))) var demo = false
    @Option(help: ArgumentHelp(Text("The folder of .ics files defining the zitdagen (for --demo)."))) var calendars = "Calendars"
    @Option(help: ArgumentHelp(Text("The folder of capacity scenarios the web desk's simulation page offers."))) var scenarios = "Scenarios"
    @Option(help: ArgumentHelp(Text("Log level: trace, debug, info, notice, warning, error."))) var logLevel = "info"
    @OptionGroup var store: StoreOptions

    func run() async throws {
        guard (1...65_535).contains(port) else { throw ValidationError(Text("--port must be 1 to 65535")) }
        guard rate > 0, burst >= 1 else { throw ValidationError(Text("--rate must be positive and --burst at least 1")) }
        let desk: Desk
        do { desk = try store.desk() } catch { throw ExitCode(error.report()) }
        if demo {
            do { try Demo(desk: desk, calendars: calendars, host: host, port: port).prepare() } catch { throw ExitCode(error.report()) }
        }
        var logger = Logger(label: "zitdag")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        let api = API(desk: desk, options: .init(ratePerSecond: rate, rateBurst: burst, scenarios: scenarios), logger: logger)
        let app = api.application(host: host, port: port) { port in
            printError(Text("zitdag: serving \(desk.store.path) on http://\(host):\(port)"))
        }
        // Expired offers of freed places go on to the next waiting request within a minute, and
        // held-back seats to the waiting list on their release day, not only at the next change at the desk.
        let settler = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(60))
                _ = try? desk.settleOffers(actor: "zitdag serve")
            }
        }
        defer { settler.cancel() }
        try await app.runService()
    }
}

extension Error {
    /// Prints a command error and returns its exit status.
    func report() -> Int32 {
        let error = CommandError.store(self)
        printError(Text("zitdag: \(Text.of(error))"))
        return error.status
    }
}
