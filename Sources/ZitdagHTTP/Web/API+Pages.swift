import Foundation
import HTTPTypes
import Hummingbird
import ZitdagCore
import ZitdagStore

/// The web desk: pages rendered on the server for consultants, coaches and coordinators, over the
/// same ``Desk`` and permission rules as the API. Signing in (`/sign-in`) turns a token into a
/// session cookie; everything else is under `/desk`.
extension API {
    func addPageRoutes(to router: Router<APIContext>) {
        router.get("/") { _, _ in Pages.redirect("/desk") }
        router.get("/sign-in") { request, _ in
            let language = PageSignIn.language(of: request)
            return pages.render("sign-in", [:], visit: nil, language: language, title: pages.catalog.text("sign_in_title", language))
        }
        router.post("/sign-in") { request, context in try await signIn(request, context) }
        router.post("/language") { request, context in
            var request = request
            let form = Form(encoded: String(buffer: try await request.collectBody(upTo: context.maxUploadSize)))
            let language = form["language"].flatMap(Language.init(rawValue:)) ?? .nl
            // Back to the page it came from, on this site only.
            let back = form["back"].flatMap { $0.hasPrefix("/") && !$0.hasPrefix("//") ? $0 : nil } ?? "/desk"
            var response = Pages.redirect(back)
            response.setCookie(
                Cookie(name: PageSignIn.languageCookie, value: language.rawValue, maxAge: 365 * 86_400, path: "/", secure: Self.secure(request), httpOnly: true, sameSite: .lax))
            return response
        }
        router.get("/static/:file") { _, context in try StaticFiles.response(context.parameters.get("file") ?? "") }

        let desk = router.group("desk")
            .add(middleware: PageSignIn(store: store, signedIn: signedIn, pages: pages))
            .add(middleware: RateLimiter(perSecond: options.ratePerSecond, burst: options.rateBurst, now: { ProcessInfo.processInfo.systemUptime }))
        desk.get("") { _, context in
            switch context.visit?.principal.role {
            case .consultant: Pages.redirect("/desk/agenda")
            case .coach: Pages.redirect("/desk/week")
            case .coordinator: Pages.redirect("/desk/grid")
            case nil: Pages.redirect("/sign-in")
            }
        }
        desk.post("sign-out") { request, context in
            if let visit = context.visit { signedIn.close(visit.session) }
            var response = Pages.redirect("/sign-in")
            response.setCookie(Cookie(name: PageSignIn.cookie, value: "", maxAge: 0, path: "/", secure: Self.secure(request), httpOnly: true, sameSite: .strict))
            return response
        }
        addConsultantPages(to: desk)
        addCoachPages(to: desk)
        addCoordinatorPages(to: desk)
        addSimulationPages(to: desk)
        addDevicePages(to: desk)
        addReportPages(to: desk)
    }

    /// Signing in with a token: a session cookie (HttpOnly, SameSite=Strict, Secure behind TLS) and
    /// on to the person's first page; an unknown or revoked token gets the form again, 401.
    private func signIn(_ request: Request, _ context: APIContext) async throws -> Response {
        let language = PageSignIn.language(of: request)
        var request = request
        let form = Form(encoded: String(buffer: try await request.collectBody(upTo: context.maxUploadSize)))
        // Signing someone in from another site (into the sender's account) is refused like any foreign form.
        guard PageSignIn.sameOrigin(request) else { return pages.problem(PageProblem(.forbidden, key: "error_csrf"), visit: nil, language: language) }
        let store = self.store
        let secret = form["token"] ?? ""
        guard !secret.isEmpty, secret.count < 200, let principal = try await Offload.run({ try store.principal(forToken: secret) }) else {
            let data: [String: Any] = ["error": pages.catalog.text("sign_in_refused", language)]
            return pages.render("sign-in", data, visit: nil, language: language, title: pages.catalog.text("sign_in_title", language), status: .unauthorized)
        }
        let id = signedIn.open(principal)
        var response = Pages.redirect("/desk")
        response.setCookie(Cookie(name: PageSignIn.cookie, value: id, path: "/", secure: Self.secure(request), httpOnly: true, sameSite: .strict))
        return response
    }

    /// Whether the browser reached us over TLS (directly, or through a proxy that says so).
    static func secure(_ request: Request) -> Bool {
        request.headers[HTTPField.Name("X-Forwarded-Proto")!] == "https"
    }

    /// A page for the signed-in person: store refusals and permission refusals become problem pages
    /// with the API's status.
    func page(_ context: APIContext, _ body: (PageVisit) async throws -> Response) async throws -> Response {
        guard let visit = context.visit else { return Pages.redirect("/sign-in") }
        do {
            return try await body(visit)
        } catch let problem as PageProblem {
            return pages.problem(problem, visit: visit, language: visit.language)
        } catch let problem as APIProblem {
            return pages.problem(.from(problem), visit: visit, language: visit.language)
        }
    }

    /// The actor the audit log names for a page's change.
    static func actor(_ visit: PageVisit) -> String { "\(visit.principal.role.rawValue) \(visit.principal.subject) (web)" }

    /// The Monday of the week a page shows: `week=YYYY-MM-DD` (any day of it), or this week.
    func monday(_ request: Request) throws -> LocalDate {
        let today = zone.local(at: desk.now()).date
        let day = try Query(request: request).date("week") ?? today
        return day.adding(days: 1 - day.weekday)
    }

    /// The week's title and the links to the weeks before and after.
    func weekData(_ monday: LocalDate, _ language: Language) -> [String: Any] {
        [
            "week_title": pages.catalog.text("week_of", language, ["from": pages.catalog.day(monday, language), "to": pages.catalog.day(monday.adding(days: 6), language)]),
            "previous_week": monday.adding(days: -7).description, "next_week": monday.adding(days: 7).description, "week": monday.description,
        ]
    }

    /// An appointment as a page row, seen as `viewer` may see it (the one rule of ``Viewer``).
    func row(_ appointment: BookedAppointment, viewer: Viewer, language: Language, profile: JobSeeker? = nil) -> [String: Any] {
        let summary = AppointmentSummary(appointment, zone: zone).seen(by: viewer)
        let catalog = pages.catalog
        var row: [String: Any] = [
            "id": appointment.id, "when": catalog.moment(zone.local(at: appointment.span.start), language),
            "start_time": catalog.time(zone.local(at: appointment.span.start)), "end_time": catalog.time(zone.local(at: appointment.span.end)),
            "location": appointment.location, "coach": appointment.coach, "series": summary.series,
            "initials": summary.initials ?? "", "with_consultant": appointment.consultantAttends,
            "consultant": appointment.consultant ?? "", "status": catalog.text("status_\(appointment.status.rawValue)", language),
            "open": appointment.status == .booked,
        ]
        if let id = summary.jobSeeker { row["job_seeker"] = id }
        if let topic = appointment.topic { row["topic"] = topic }
        if let level = profile?.digitalLevel { row["level"] = level.words.rendered(by: catalog.renderer(language)) }
        if let spoken = profile?.language { row["language"] = spoken }
        return row
    }
}
