import Foundation
import Hummingbird
import ZitdagCore
import ZitdagStore

/// The coach's pages: their week, each half-day with its appointments, attended and no-show in one
/// click, their feed link, and a printable day list.
extension API {
    func addCoachPages(to desk: RouterGroup<APIContext>) {
        desk.get("week") { request, context in try await page(context) { visit in try await weekPage(request, visit) } }
        desk.get("day/:date") { _, context in try await page(context) { visit in try await dayPage(context, visit) } }
        desk.post("appointments/:id/attended") { _, context in try await page(context) { visit in try await mark(context, visit, .attended) } }
        desk.post("appointments/:id/no-show") { _, context in try await page(context) { visit in try await mark(context, visit, .noShow) } }
        desk.get("feed") { _, context in try await page(context) { visit in try await feedPage(visit, secret: nil) } }
        desk.post("feed") { request, context in try await page(context) { visit in try await newFeed(request, visit) } }
    }

    /// A coach's half-days from `from` through `to` as page data: each with its appointments as the
    /// coach sees them (initials, topic, level, language, whether the consultant comes).
    private func halfDays(_ visit: PageVisit, from: LocalDate, to: LocalDate) async throws -> [[String: Any]] {
        let (store, coach) = (self.store, visit.principal.subject)
        let (agenda, profiles) = try await work { () throws -> ([AgendaSession], [String: JobSeeker]) in
            let agenda = try store.agenda(of: .coach(coach), from: from, to: to)
            let ids = Set(agenda.flatMap(\.appointments).compactMap(\.jobSeeker))
            return (agenda, Dictionary(uniqueKeysWithValues: try ids.compactMap { try store.jobSeeker($0) }.map { ($0.id, $0) }))
        }
        let catalog = pages.catalog
        return agenda.map { item in
            let start = zone.local(at: item.session.span.start)
            let appointments = item.appointments.map { appointment in
                var data = row(appointment, viewer: .coach, language: visit.language, profile: appointment.jobSeeker.flatMap { profiles[$0] })
                data["may_mark"] = appointment.status == .booked && appointment.span.start <= desk.now()
                return data
            }
            return [
                "day": catalog.day(start.date, visit.language), "date": start.date.description, "start_time": catalog.time(start),
                "end_time": catalog.time(zone.local(at: item.session.span.end)), "location": item.session.location, "session": item.session.id,
                "seats": item.session.seats, "appointments": appointments, "empty": appointments.isEmpty,
                "booked": catalog.text("booked_count", visit.language, ["count": String(appointments.count)]),
            ]
        }
    }

    private func weekPage(_ request: Request, _ visit: PageVisit) async throws -> Response {
        try requireRole(visit, .coach)
        let monday = try monday(request)
        var data = weekData(monday, visit.language)
        let sessions = try await halfDays(visit, from: monday, to: monday.adding(days: 6))
        data["sessions"] = sessions
        data["empty"] = sessions.isEmpty
        return pages.render("week", data, visit: visit, language: visit.language, title: pages.catalog.text("week_title", visit.language))
    }

    /// One day's half-days as a list to print (the layout's print style hides the navigation).
    private func dayPage(_ context: APIContext, _ visit: PageVisit) async throws -> Response {
        try requireRole(visit, .coach)
        let day = try Fields.date(context.parameters.get("date") ?? "", field: "date")
        let sessions = try await halfDays(visit, from: day, to: day)
        let data: [String: Any] = ["printing": true, "sessions": sessions, "empty": sessions.isEmpty, "day": pages.catalog.day(day, visit.language), "week": day.description]
        return pages.render("day", data, visit: visit, language: visit.language, title: pages.catalog.text("day_title", visit.language, ["day": pages.catalog.day(day, visit.language)]))
    }

    /// Attended or no-show, from the coach's week (or by whoever may change the appointment). Where
    /// the rules end a series at a no-show, the page says what it ended.
    private func mark(_ context: APIContext, _ visit: PageVisit, _ status: BookedAppointment.Status) async throws -> Response {
        let id = try await changeable(context, visit, rule: Permission.mayMark).id
        let (desk, actor) = (self.desk, Self.actor(visit))
        let marking = try await work { try desk.marking(appointment: id, as: status, actor: actor) }
        var message = pages.catalog.text("marked_\(status.rawValue)", visit.language, ["initials": marking.marked.initials ?? ""])
        if !marking.ended.isEmpty {
            message += " " + pages.catalog.text("series_ended", visit.language, ["count": String(marking.ended.count)])
        }
        signedIn.flash(visit.session, message)
        return Pages.redirect("/desk/week?week=\(zone.local(at: marking.marked.span.start).date)")
    }

    /// The coach's feed: a new link (shown once; earlier links stop working) to copy, or to open in a
    /// calendar app with `webcal://`.
    private func feedPage(_ visit: PageVisit, secret: String?, base: String = "") async throws -> Response {
        try requireRole(visit, .coach)
        var data: [String: Any] = [:]
        if let secret {
            let links = FeedLinks(base: base, secret: secret)
            data["feed_url"] = links.url
            data["webcal"] = links.webcal
        }
        return pages.render("feed", data, visit: visit, language: visit.language, title: pages.catalog.text("feed_title", visit.language))
    }

    private func newFeed(_ request: Request, _ visit: PageVisit) async throws -> Response {
        try requireRole(visit, .coach)
        let (store, coach, now, actor) = (self.store, visit.principal.subject, desk.now(), Self.actor(visit))
        let token = try await work {
            var random = SystemRandomNumberGenerator()
            return try store.createFeedToken(for: .coach(coach), rotate: true, at: now, actor: actor, using: &random)
        }
        return try await feedPage(visit, secret: token.secret, base: base(request))
    }
}
