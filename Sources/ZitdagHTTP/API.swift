import Foundation
import Hummingbird
import Logging
import ZitdagCore
import ZitdagStore

/// The HTTP endpoint: the booking API under `/v1`, the web desk's pages under `/desk` (signing in at
/// `/sign-in`), subscribable feeds under `/feeds`, `/health` and `/openapi.yaml`. A thin shell over
/// the same ``Desk`` and ``Store`` as the command line.
public struct API: Sendable {
    public struct Options: Sendable {
        /// Requests a token may make per second, and in a burst.
        public var ratePerSecond: Double
        public var rateBurst: Double
        /// How long a request's store work may take before it is answered 503.
        public var deadline: Duration
        /// How often a feed checks whether the store changed.
        public var feedRecheck: Duration
        /// The folder of capacity scenarios the coordinator's simulation page offers.
        public var scenarios: String

        public init(
            ratePerSecond: Double = 50, rateBurst: Double = 100, deadline: Duration = .seconds(30), feedRecheck: Duration = .milliseconds(250),
            scenarios: String = "Scenarios"
        ) {
            self.ratePerSecond = ratePerSecond
            self.rateBurst = rateBurst
            self.deadline = deadline
            self.feedRecheck = feedRecheck
            self.scenarios = scenarios
        }
    }

    public let desk: Desk
    public let options: Options
    public let logger: Logger
    let feeds: FeedCache
    /// The web desk's templates and texts, and who is signed in to it.
    let pages: Pages
    let signedIn: SignedIn

    public init(desk: Desk, options: Options = Options(), logger: Logger) {
        self.desk = desk
        self.options = options
        self.logger = logger
        feeds = FeedCache(desk: desk, recheck: options.feedRecheck)
        pages = .shipped
        signedIn = SignedIn(now: { ProcessInfo.processInfo.systemUptime })
    }

    var store: Store { desk.store }
    var zone: Zone { desk.store.zone }

    public func router() -> Router<APIContext> {
        // HEAD answers every GET route, with the GET's headers and no body.
        let router = Router(context: APIContext.self, options: .autoGenerateHeadEndpoints)
        router.add(middleware: RequestLog(logger: logger))
        router.add(middleware: RequestCheck())
        router.get("/health") { _, _ in
            let store = self.store
            let revision = try await Offload.run { try store.revision() }
            return Response.json(HealthBody(status: "ok", revision: revision))
        }
        router.get("/openapi.yaml") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.text)))
        }
        router.get("/feeds/:file") { request, context in try await self.feed(request, context) }
        addPageRoutes(to: router)
        let v1 = router.group("v1")
            .add(middleware: Authentication(store: store))
            .add(middleware: RateLimiter(perSecond: options.ratePerSecond, burst: options.rateBurst, now: { ProcessInfo.processInfo.systemUptime }))
        addSessionRoutes(to: v1)
        addBookingRoutes(to: v1)
        addAgendaRoutes(to: v1)
        addWalkInRoutes(to: v1)
        addOfferRoutes(to: v1)
        addLoanRoutes(to: v1)
        addJobSeekerRoutes(to: v1)
        return router
    }

    /// The application on `host:port`, shutting down gracefully on SIGTERM and SIGINT (in-flight
    /// requests, bookings among them, finish first).
    public func application(host: String, port: Int, onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        Application(
            router: router(), server: .http1(configuration: .init(additionalChannelHandlers: [HTTPVersionRules.Installer()], idleTimeout: .seconds(60))),
            configuration: .init(address: .hostname(host, port: port), serverName: "zitdag"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? port) },
            logger: logger)
    }

    /// Runs blocking store work off the cooperative threads, turning the store's refusals into problem
    /// details (with the store's field names mapped by `fields` where this route's differ). Work that
    /// outlasts the deadline is answered 503; it still ends in a committed or rolled-back transaction
    /// of its own.
    func work<T: Sendable>(fields: [String: String] = [:], _ body: @escaping @Sendable () throws -> T) async throws -> T {
        let deadline = options.deadline
        do {
            return try await withThrowingTaskGroup(of: T?.self) { group in
                group.addTask { try await Offload.run(body) }
                group.addTask {
                    try await Task.sleep(for: deadline)
                    return nil
                }
                defer { group.cancelAll() }
                guard let first = try await group.next(), let result = first else {
                    throw APIProblem(.serviceUnavailable, Text("the request took longer than \(deadline.components.seconds) s"))
                }
                return result
            }
        } catch let error as StoreError {
            throw APIProblem.from(error, zone: zone, fields: fields)
        }
    }
}

struct HealthBody: Codable, Sendable {
    var status: String
    var revision: Int
}

extension Response {
    /// A JSON response with the API's encoding.
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        let data = (try? JSONEncoder.api.encode(value)) ?? Data("{}".utf8)
        return Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
