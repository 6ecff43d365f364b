import ZitdagCore
import Hummingbird
import ZitdagStore

/// The request context of the API: who is calling, once the bearer token is checked.
public struct APIContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set by ``Authentication`` on `/v1` routes.
    public var principal: Principal?
    /// Set by ``PageSignIn`` on the pages under `/desk`.
    var visit: PageVisit?

    public init(source: Source) {
        coreContext = .init(source: source)
        principal = nil
        visit = nil
    }

    /// Bodies are small JSON objects: anything larger is refused with 413 before it is read.
    public var maxUploadSize: Int { 64 * 1024 }

    /// The caller, or 401 (the authentication middleware makes this unreachable on `/v1`).
    func caller() throws -> Principal {
        guard let principal else { throw APIProblem(.unauthorized, Text("a bearer token is required")) }
        return principal
    }
}
