import Benchmark
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import NIOEmbedded
import Synchronization
import ZitdagCore
import ZitdagHTTP
import ZitdagStore

/// The web desk's pages on the region database, answered by the server's own router (signing in,
/// the session cookie, the store's reads and the template), without the socket: server-side time.
///
/// - "consultant's agenda / job seekers / slots page": p99 is the goal (20 ms);
/// - "coordinator's week grid (200 coaches)": p99 is the goal (100 ms).
func pageBenchmarks(_ region: RegionDatabase) {
    let desk = try! PageDesk(region)
    for (name, path) in [
        ("consultant's agenda page", "/desk/agenda?week=2026-11-30"), ("consultant's job seekers page", "/desk/job-seekers"),
        ("consultant's slots page, a series of 3", "/desk/slots?job_seeker=P0&appointments=3&attendance=preferred"),
    ] {
        Benchmark(
            "\(name) (region database)",
            configuration: .init(metrics: [.wallClock, .throughput], timeUnits: .microseconds, warmupIterations: 5, maxDuration: .seconds(15), maxIterations: 1_000)
        ) { _ in
            blackHole(try await desk.get(path, as: desk.consultant))
        }
    }
    Benchmark(
        "coordinator's week grid, 200 coaches (region database)",
        configuration: .init(metrics: [.wallClock, .throughput], timeUnits: .milliseconds, warmupIterations: 3, maxDuration: .seconds(15), maxIterations: 500)
    ) { _ in
        blackHole(try await desk.get("/desk/grid?week=2026-11-30", as: desk.coordinator))
    }
}

/// The API's router over the region database, with a consultant (K7, with forty job seekers of their own)
/// and a coordinator signed in.
final class PageDesk: Sendable {
    let responder: RouterResponder<APIContext>
    let channel: any Channel
    let logger: Logger
    let consultant: String
    let coordinator: String

    init(_ region: RegionDatabase) throws {
        var logger = Logger(label: "bench")
        logger.logLevel = .critical
        let api = API(desk: region.desk, options: .init(ratePerSecond: 1e9, rateBurst: 1e9), logger: logger)
        responder = api.router().buildResponder()
        channel = EmbeddedChannel()
        self.logger = logger
        var random = SystemRandomNumberGenerator()
        // A consultant's caseload: forty job seekers of their own among the region's sixty thousand.
        for i in 0..<40 {
            try region.store.saveJobSeeker(
                JobSeeker(id: "P\(i)", initials: "PE", language: "nl", digitalLevel: .basic, consultant: "K7"), at: region.now, actor: "bench")
        }
        let consultantToken = try region.store.createToken(role: .consultant, subject: "K7", at: region.now, actor: "bench", using: &random).secret
        let coordinatorToken = try region.store.createToken(role: .coordinator, subject: "bench", at: region.now, actor: "bench", using: &random).secret
        let (responder, channel) = (responder, channel)
        // Signing in happens once, outside the measurement: its cookie is what each page sends.
        func signIn(_ token: String) throws -> String {
            let semaphore = DispatchSemaphore(value: 0)
            let found = Mutex<String?>(nil)
            Task { [logger] in
                let request = Request(
                    head: HTTPRequest(method: .post, scheme: "http", authority: "bench", path: "/sign-in", headerFields: [.contentType: "application/x-www-form-urlencoded"]),
                    body: RequestBody(buffer: ByteBuffer(string: "token=\(token)")))
                let response = try await responder.respond(
                    to: request, context: APIContext(source: ApplicationRequestContextSource(channel: channel, logger: logger)))
                found.withLock { $0 = response.headers[.setCookie]?.split(separator: ";").first.map(String.init) }
                semaphore.signal()
            }
            semaphore.wait()
            guard let cookie = found.withLock({ $0 }) else { throw StoreError.conflict(Text("signing in failed")) }
            return cookie
        }
        consultant = try signIn(consultantToken)
        coordinator = try signIn(coordinatorToken)
    }

    /// A page as `cookie` sees it; anything but 200 stops the benchmark.
    func get(_ path: String, as cookie: String) async throws -> Response {
        let request = Request(
            head: HTTPRequest(method: .get, scheme: "http", authority: "bench", path: path, headerFields: [.cookie: cookie]),
            body: RequestBody(buffer: ByteBuffer()))
        let response = try await responder.respond(
            to: request, context: APIContext(source: ApplicationRequestContextSource(channel: channel, logger: logger)))
        precondition(response.status == .ok, "\(path): \(response.status)")
        return response
    }
}
