import Foundation
import HTTPTypes
import Hummingbird
import ZitdagStore

/// Lets through to `/desk` only those signed in: a live session cookie whose token is still live
/// (a revoked token ends its sessions). Anyone else is sent to the sign-in page. Every POST must
/// carry the session's form token (`_csrf`) and, when the browser names one, come from this origin;
/// otherwise 403 and nothing is done.
struct PageSignIn: RouterMiddleware {
    typealias Context = APIContext
    let store: Store
    let signedIn: SignedIn
    let pages: Pages

    static let cookie = "zitdag_session"
    static let languageCookie = "zitdag_lang"

    func handle(_ request: Request, context: APIContext, next: (Request, APIContext) async throws -> Response) async throws -> Response {
        let language = Self.language(of: request)
        let store = store
        guard let id = request.cookies[Self.cookie]?.value, let entry = signedIn.find(id),
            let principal = try await Offload.run({ try store.principal(tokenId: entry.principal.tokenId) })
        else {
            return Pages.redirect("/sign-in")
        }
        var visit = PageVisit(session: id, principal: principal, csrf: entry.csrf, language: language)
        visit.path = request.uri.path + (request.uri.query.map { "?\($0)" } ?? "")
        var request = request
        if request.method == .post {
            let body = try await request.collectBody(upTo: context.maxUploadSize)
            visit.form = Form.parse(body: String(buffer: body), contentType: request.headers[.contentType])
            guard visit.form["_csrf"] == entry.csrf, Self.sameOrigin(request) else {
                return pages.problem(PageProblem(.forbidden, key: "error_csrf"), visit: visit, language: language)
            }
        } else {
            visit.flash = signedIn.takeFlash(id)
        }
        var context = context
        context.principal = principal
        context.visit = visit
        return try await next(request, context)
    }

    /// The language a request is answered in (see ``Language/chosen(cookie:acceptLanguage:)``).
    static func language(of request: Request) -> Language {
        Language.chosen(cookie: request.cookies[languageCookie]?.value, acceptLanguage: request.headers[.acceptLanguage])
    }

    /// A form posted from another site names its origin; one without Origin (older browsers, curl
    /// with the form token) is judged by the form token alone.
    static func sameOrigin(_ request: Request) -> Bool {
        guard let origin = request.headers[HTTPField.Name("Origin")!] else { return true }
        guard let host = request.head.authority else { return false }
        return origin == "http://\(host)" || origin == "https://\(host)"
    }
}
