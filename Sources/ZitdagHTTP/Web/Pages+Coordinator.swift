import Foundation
import Hummingbird
import ZitdagCore
import ZitdagStore

/// The coordinator's pages: the week's occupancy by location and coach, the queue and the week's
/// plan (a dry run first, then commit), and tokens and feed links.
extension API {
    func addCoordinatorPages(to desk: RouterGroup<APIContext>) {
        desk.get("grid") { request, context in try await page(context) { visit in try await gridPage(request, visit) } }
        desk.get("plan") { _, context in try await page(context) { visit in try await planPage(visit, result: nil) } }
        desk.post("plan") { _, context in try await page(context) { visit in try await runPlan(visit) } }
        desk.get("tokens") { _, context in try await page(context) { visit in try await tokensPage(visit, made: nil) } }
        desk.post("tokens") { request, context in try await page(context) { visit in try await createToken(request, visit) } }
        desk.post("tokens/:id/revoke") { _, context in try await page(context) { visit in try await revokeToken(context, visit) } }
        desk.post("feeds") { request, context in try await page(context) { visit in try await createFeed(request, visit) } }
    }

    /// Rows of locations and coaches, a column a day; each cell the half-days there that day with
    /// the share of their seat time booked.
    private func gridPage(_ request: Request, _ visit: PageVisit) async throws -> Response {
        try requireRole(visit, .coordinator)
        let monday = try monday(request)
        let store = self.store
        let sessions = try await work { try store.sessions(from: monday, to: monday.adding(days: 6)) }
        let catalog = pages.catalog
        let days = (0..<7).map { monday.adding(days: $0) }.filter { day in day.weekday <= 5 || sessions.contains { $0.day == day } }
        let rows = Dictionary(grouping: sessions) { "\($0.location)\u{1F}\($0.coach)" }.sorted { $0.key < $1.key }.map { _, held -> [String: Any] in
            let byDay = Dictionary(grouping: held, by: \.day)
            return [
                "location": held[0].location, "coach": held[0].coach,
                "cells": days.map { day -> [String: Any] in
                    let halfDays = (byDay[day] ?? []).sorted { $0.span.start < $1.span.start }.map { session -> [String: Any] in
                        let capacity = session.seats * (session.span.end.seconds - session.span.start.seconds)
                        let booked = session.booked.reduce(0) { $0 + $1.end.seconds - $1.start.seconds }
                        let percent = capacity > 0 ? booked * 100 / capacity : 0
                        return [
                            "time": "\(catalog.time(zone.local(at: session.span.start)))-\(catalog.time(zone.local(at: session.span.end)))",
                            "percent": percent, "appointments": session.booked.count,
                            "level": percent >= 90 ? "full" : percent >= 50 ? "busy" : "open",
                        ]
                    }
                    return ["half_days": halfDays]
                },
            ]
        }
        var data = weekData(monday, visit.language)
        data["days"] = days.map { catalog.day($0, visit.language) }
        data["rows"] = rows
        data["empty"] = rows.isEmpty
        return pages.render("grid", data, visit: visit, language: visit.language, title: catalog.text("grid_title", visit.language))
    }

    /// The queue, and the plan's form; after a run, what it scheduled and why the rest stays out.
    private func planPage(_ visit: PageVisit, result: WeekPlan?, from: LocalDate? = nil, to: LocalDate? = nil) async throws -> Response {
        try requireRole(visit, .coordinator)
        let store = self.store
        let queue = try await work { try store.queuedRequests() }
        let today = zone.local(at: desk.now()).date
        let catalog = pages.catalog
        var data: [String: Any] = [
            "queue": queue.map { item -> [String: Any] in
                [
                    "id": item.id, "job_seeker": item.draft.jobSeeker, "consultant": item.draft.consultant ?? "",
                    "appointments": item.draft.appointments, "duration": item.draft.durationMinutes,
                    "release": catalog.day(item.release, visit.language), "due": item.draft.due.map { catalog.day($0, visit.language) } ?? "",
                ]
            },
            "queue_empty": queue.isEmpty, "from": (from ?? today).description, "to": (to ?? today.adding(days: 27)).description,
        ]
        if let result {
            data["result"] = [
                "committed": result.committed,
                "summary": catalog.text(result.committed ? "plan_summary_committed" : "plan_summary_dry_run", visit.language, ["scheduled": String(result.scheduled), "requests": String(result.requests)]),
                "unscheduled": result.plan.unscheduled.map { ["request": String($0.request.dropFirst()), "reason": $0.reason] },
                "has_unscheduled": !result.plan.unscheduled.isEmpty,
            ] as [String: Any]
        }
        return pages.render("plan", data, visit: visit, language: visit.language, title: catalog.text("plan_title", visit.language))
    }

    private func runPlan(_ visit: PageVisit) async throws -> Response {
        try requireRole(visit, .coordinator)
        let form = visit.form
        let from = try Fields.date(form["from"] ?? "", field: "from")
        let to = try Fields.date(form["to"] ?? "", field: "to")
        let (desk, dryRun, actor) = (self.desk, !form.checked("commit"), Self.actor(visit))
        let result = try await work { try desk.plan(from: from, to: to, dryRun: dryRun, timeLimit: .seconds(2), actor: actor) }
        return try await planPage(visit, result: result, from: from, to: to)
    }

    /// Tokens and feed links; a token or link just made is shown once, with a sign-in link.
    private func tokensPage(_ visit: PageVisit, made: [String: Any]?) async throws -> Response {
        try requireRole(visit, .coordinator)
        let store = self.store
        let tokens = try await work { try store.tokens() }
        var data: [String: Any] = [
            "tokens": tokens.map { token -> [String: Any] in
                [
                    "id": token.id, "kind": token.kind, "subject": token.subject, "created": pages.catalog.moment(zone.local(at: token.created), visit.language),
                    "live": token.revoked == nil,
                ]
            },
            "roles": Role.allCases.map { ["value": $0.rawValue, "label": pages.catalog.text("role_\($0.rawValue)", visit.language)] },
        ]
        if let made { data["made"] = made }
        return pages.render("tokens", data, visit: visit, language: visit.language, title: pages.catalog.text("tokens_title", visit.language))
    }

    private func createToken(_ request: Request, _ visit: PageVisit) async throws -> Response {
        try requireRole(visit, .coordinator)
        let form = visit.form
        guard let role = form["role"].flatMap(Role.init(rawValue:)) else { throw PageProblem.missing("role") }
        guard let subject = form["subject"] else { throw PageProblem.missing("subject") }
        let (store, now, actor) = (self.store, desk.now(), Self.actor(visit))
        let token = try await work {
            var random = SystemRandomNumberGenerator()
            return try store.createToken(role: role, subject: subject, at: now, actor: actor, using: &random)
        }
        let made: [String: Any] = ["secret": token.secret, "link": SignInLink.url(base: base(request), secret: token.secret), "what": "\(role.rawValue) \(subject)"]
        return try await tokensPage(visit, made: made)
    }

    private func revokeToken(_ context: APIContext, _ visit: PageVisit) async throws -> Response {
        try requireRole(visit, .coordinator)
        let id = context.parameters.get("id") ?? ""
        let (store, now, actor) = (self.store, desk.now(), Self.actor(visit))
        try await work { try store.revokeToken(id: id, at: now, actor: actor) }
        signedIn.flash(visit.session, pages.catalog.text("token_revoked", visit.language, ["id": id]))
        return Pages.redirect("/desk/tokens")
    }

    /// A feed link for a coach, consultant or location; earlier links of theirs stop working.
    private func createFeed(_ request: Request, _ visit: PageVisit) async throws -> Response {
        try requireRole(visit, .coordinator)
        let form = visit.form
        guard let subject = form["subject"] else { throw PageProblem.missing("subject") }
        guard let audience = FeedAudience(kind: form["kind"] ?? "", subject: subject) else {
            throw PageProblem.missing("kind")
        }
        let (store, now, actor) = (self.store, desk.now(), Self.actor(visit))
        let token = try await work {
            var random = SystemRandomNumberGenerator()
            return try store.createFeedToken(for: audience, rotate: true, at: now, actor: actor, using: &random)
        }
        let links = FeedLinks(base: base(request), secret: token.secret)
        return try await tokensPage(visit, made: ["feed_url": links.url, "webcal": links.webcal, "what": "\(form["kind"] ?? "") \(subject)"])
    }

    /// This server's address as the browser reached it.
    func base(_ request: Request) -> String {
        "\(Self.secure(request) ? "https" : "http")://\(request.head.authority ?? "127.0.0.1")"
    }
}
