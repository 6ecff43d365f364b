import ZitdagCore
import Hummingbird
import ZitdagStore

/// Checks the `Authorization: Bearer <token>` of every `/v1` request against the store's hashed
/// tokens: no token or an unknown or revoked one gets 401, the same answer for each.
struct Authentication: RouterMiddleware {
    typealias Context = APIContext
    let store: Store

    func handle(_ request: Request, context: APIContext, next: (Request, APIContext) async throws -> Response) async throws -> Response {
        // The scheme is case-insensitive and may be followed by more than one space (RFC 9110, 11.1).
        guard let header = request.headers[.authorization], header.count < 200,
            let space = header.firstIndex(of: " "), header[..<space].lowercased() == "bearer"
        else {
            throw Self.unauthorized
        }
        let secret = String(header[space...].drop { $0 == " " })
        let store = self.store
        guard let principal = try await Offload.run({ try store.principal(forToken: secret) }) else { throw Self.unauthorized }
        var context = context
        context.principal = principal
        return try await next(request, context)
    }

    static var unauthorized: APIProblem {
        var problem = APIProblem(.unauthorized, Text("a valid bearer token is required"))
        problem.headers[.wwwAuthenticate] = "Bearer realm=\"zitdag\""
        return problem
    }
}
