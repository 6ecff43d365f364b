import ZitdagCore
import HTTPTypes
import Hummingbird

/// The API's paths and the methods each answers, as the OpenAPI document lists them (the tests hold
/// the two to each other). A known path asked with another method is answered 405 with `Allow`, not
/// 404: the client has the right address and the wrong verb.
enum Routes {
    /// Path patterns (`:name` matches one segment) and their methods; HEAD goes with GET.
    static let table: [(pattern: String, methods: [HTTPRequest.Method])] = [
        ("/health", [.get]),
        ("/openapi.yaml", [.get]),
        ("/feeds/:file", [.get]),
        ("/v1/sessions", [.get]),
        ("/v1/slots", [.get]),
        ("/v1/bookings", [.post]),
        ("/v1/appointments/:id/move", [.post]),
        ("/v1/appointments/:id/cancel", [.post]),
        ("/v1/appointments/:id/attended", [.post]),
        ("/v1/appointments/:id/no-show", [.post]),
        ("/v1/appointments/:id/earlier", [.post]),
        ("/v1/agenda/consultants/:id", [.get]),
        ("/v1/agenda/coaches/:id", [.get]),
        ("/v1/plan", [.post]),
        ("/v1/sessions/:id/walk-ins", [.get, .post]),
        ("/v1/sessions/:id/walk-ins/next", [.post]),
        ("/v1/walk-ins/:id/outcome", [.post]),
        ("/v1/reports/walk-ins", [.get]),
        ("/v1/offers", [.get]),
        ("/v1/offers/:id/accept", [.post]),
        ("/v1/offers/:id/decline", [.post]),
        ("/v1/devices", [.get, .post]),
        ("/v1/devices/:id/state", [.post]),
        ("/v1/loans", [.get, .post]),
        ("/v1/loans/:id/extend", [.post]),
        ("/v1/loans/:id/return", [.post]),
        ("/v1/job-seekers/:id/intakes", [.get, .post]),
        ("/v1/job-seekers/:id/path", [.get]),
        ("/v1/reports/funders", [.get]),
    ]

    /// The table's patterns split into segments once, not at every request.
    private static let split = table.map { (parts: $0.pattern.split(separator: "/", omittingEmptySubsequences: false), methods: $0.methods) }

    /// The methods `path` answers, or `nil` when no route has that path.
    static func methods(for path: String) -> [HTTPRequest.Method]? {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        for (parts, methods) in split {
            guard parts.count == segments.count else { continue }
            if zip(parts, segments).allSatisfy({ part, segment in part.hasPrefix(":") ? !segment.isEmpty : part == segment }) {
                return methods.contains(.get) ? methods + [.head] : methods
            }
        }
        return nil
    }
}

/// Answers 405 with `Allow` for a known path asked with a method it does not have, and answers HEAD
/// without a body, refusals included (the router strips only the body of a GET's success). A request
/// without a Host header is refused with 400, as HTTP/1.1 requires (the HTTP version does not reach
/// the router, so an HTTP/1.0 request without one is refused too).
struct RequestCheck<Context: RequestContext>: RouterMiddleware {
    static var host: HTTPField.Name { HTTPField.Name("Host")! }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.head.authority.map({ !$0.isEmpty }) == true else {
            throw APIProblem(.badRequest, Text("the request has no Host header"))
        }
        // The first Host becomes the authority; one left among the fields means there were two.
        guard request.headers[Self.host] == nil else { throw APIProblem(.badRequest, Text("the request has more than one Host header")) }
        guard let methods = Routes.methods(for: request.uri.path), !methods.contains(request.method) else {
            guard request.method == .head else { return try await next(request, context) }
            do {
                return try await next(request, context)
            } catch let error as any HTTPResponseError {
                return try error.response(from: request, context: context).createHeadResponse()
            }
        }
        var problem = APIProblem(.methodNotAllowed, Text("\(request.method.rawValue) is not allowed here; use \(methods.map(\.rawValue).joined(separator: " or "))"))
        problem.headers[.allow] = methods.map(\.rawValue).joined(separator: ", ")
        throw problem
    }
}
