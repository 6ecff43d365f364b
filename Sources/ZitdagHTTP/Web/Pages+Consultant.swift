import Foundation
import Hummingbird
import ZitdagCore
import ZitdagStore

/// The consultant's pages: their job seekers, finding and booking slots, their agenda by week,
/// moving and cancelling with the consequences shown first.
extension API {
    func addConsultantPages(to desk: RouterGroup<APIContext>) {
        desk.get("agenda") { request, context in try await page(context) { visit in try await agendaPage(request, visit) } }
        desk.get("job-seekers") { _, context in try await page(context) { visit in try await jobSeekersPage(visit) } }
        desk.post("job-seekers") { _, context in try await page(context) { visit in try await addJobSeeker(visit) } }
        desk.get("job-seekers/:id") { _, context in
            try await page(context) { visit in try await jobSeekerPage(context.parameters.get("id") ?? "", visit) }
        }
        desk.post("job-seekers/:id") { _, context in
            try await page(context) { visit in try await editJobSeeker(context.parameters.get("id") ?? "", visit) }
        }
        desk.post("job-seekers/:id/intakes") { _, context in
            try await page(context) { visit in try await recordIntake(context.parameters.get("id") ?? "", visit) }
        }
        desk.post("job-seekers/:id/loans") { _, context in
            try await page(context) { visit in try await lend(context.parameters.get("id") ?? "", visit) }
        }
        desk.post("loans/:id/extend") { _, context in try await page(context) { visit in try await changeLoan(context, visit, extend: true) } }
        desk.post("loans/:id/return") { _, context in try await page(context) { visit in try await changeLoan(context, visit, extend: false) } }
        desk.get("slots") { request, context in try await page(context) { visit in try await slotsPage(request, visit) } }
        desk.post("bookings") { _, context in try await page(context) { visit in try await bookPage(visit) } }
        desk.get("appointments/:id/move") { _, context in try await page(context) { visit in try await movePage(context, visit) } }
        desk.post("appointments/:id/move") { _, context in try await page(context) { visit in try await moveAppointment(context, visit) } }
        desk.get("appointments/:id/cancel") { _, context in try await page(context) { visit in try await cancelPage(context, visit) } }
        desk.post("appointments/:id/cancel") { _, context in try await page(context) { visit in try await cancelAppointment(context, visit) } }
    }

    /// Consultants' pages answer consultants only.
    func requireRole(_ visit: PageVisit, _ roles: Role...) throws {
        guard roles.contains(visit.principal.role) else { throw PageProblem(.forbidden, key: "error_role") }
    }

    private func agendaPage(_ request: Request, _ visit: PageVisit) async throws -> Response {
        try requireRole(visit, .consultant)
        let monday = try monday(request)
        let (store, subject) = (self.store, visit.principal.subject)
        let agenda = try await work { try store.agenda(of: .consultant(subject), from: monday, to: monday.adding(days: 6)) }
        let rows = agenda.flatMap(\.appointments).sorted { $0.span.start < $1.span.start }
            .map { row($0, viewer: .consultant, language: visit.language) }
        var data = weekData(monday, visit.language)
        data["appointments"] = rows
        data["empty"] = rows.isEmpty
        return pages.render("agenda", data, visit: visit, language: visit.language, title: pages.catalog.text("agenda_title", visit.language))
    }

    /// The job seekers of the consultant signed in.
    private func ownJobSeekers(_ visit: PageVisit) async throws -> [JobSeeker] {
        let (store, subject) = (self.store, visit.principal.subject)
        return try await work { try store.jobSeekers(of: subject) }
    }

    private func jobSeekersPage(_ visit: PageVisit, status: HTTPResponse.Status = .ok, error: Text? = nil) async throws -> Response {
        try requireRole(visit, .consultant)
        let (store, subject) = (self.store, visit.principal.subject)
        let renderer = pages.catalog.renderer(visit.language)
        let loans = try await work { try store.openLoans(consultant: subject) }
        let seekers = try await ownJobSeekers(visit).map { seeker in
            var row = profileData(seeker, visit.language)
            row["loans"] = (loans[seeker.id] ?? []).map { $0.rendered(by: renderer) }.joined(separator: "; ")
            return row
        }
        var data: [String: Any] = ["job_seekers": seekers, "empty": seekers.isEmpty, "levels": levelOptions(nil, visit.language)]
        if let error { data["error"] = error.rendered(by: pages.catalog.renderer(visit.language)) }
        return pages.render("job-seekers", data, visit: visit, language: visit.language, title: pages.catalog.text("job_seekers_title", visit.language), status: status)
    }

    private func profileData(_ seeker: JobSeeker, _ language: Language) -> [String: Any] {
        [
            "id": seeker.id, "initials": seeker.initials, "language": seeker.language ?? "",
            "level": seeker.digitalLevel.map { $0.words.rendered(by: pages.catalog.renderer(language)) } ?? "",
            "levels": levelOptions(seeker.digitalLevel, language),
        ]
    }

    /// The level's choices for a form: none yet, then each level, `current` selected.
    private func levelOptions(_ current: DigitalLevel?, _ language: Language) -> [[String: Any]] {
        let renderer = pages.catalog.renderer(language)
        return [["value": "", "name": pages.catalog.text("level_none", language), "selected": current == nil]]
            + DigitalLevel.allCases.map { ["value": $0.rawValue, "name": $0.words.rendered(by: renderer), "selected": $0 == current] }
    }

    /// The level a form gives: empty for none, else one of the levels.
    private func formLevel(_ form: Form) throws -> DigitalLevel? {
        guard let text = form["level"] else { return nil }
        guard let level = DigitalLevel(rawValue: text) else {
            throw PageProblem(.unprocessableContent, message: Text("level: \"\(text)\" is not starter, basic or advanced"))
        }
        return level
    }

    /// Adds a job seeker of the consultant's own; a refusal shows the list again with what is wrong.
    private func addJobSeeker(_ visit: PageVisit) async throws -> Response {
        try requireRole(visit, .consultant)
        let form = visit.form
        guard let id = form["id"] else { throw PageProblem.missing("id") }
        let seeker = JobSeeker(
            id: id, initials: form["initials"] ?? "", language: form["language"], digitalLevel: try formLevel(form),
            consultant: visit.principal.subject)
        let (store, now, actor) = (self.store, desk.now(), Self.actor(visit))
        do {
            try await work { try store.addJobSeeker(seeker, at: now, actor: actor) }
        } catch let problem as APIProblem {
            return try await jobSeekersPage(visit, status: problem.status, error: problem.detail)
        }
        signedIn.flash(visit.session, pages.catalog.text("job_seeker_added", visit.language, ["id": id]))
        return Pages.redirect("/desk/job-seekers")
    }

    /// One of the consultant's own job seekers; another's is answered as unknown (as the API does).
    private func ownJobSeeker(_ id: String, _ visit: PageVisit) async throws -> JobSeeker {
        try requireRole(visit, .consultant)
        let store = self.store
        guard let seeker = try await work({ try store.jobSeeker(id) }), seeker.consultant == visit.principal.subject else {
            throw PageProblem(.notFound, key: "error_no_job_seeker", values: ["id": id])
        }
        return seeker
    }

    private func jobSeekerPage(_ id: String, _ visit: PageVisit, status: HTTPResponse.Status = .ok, error: Text? = nil) async throws -> Response {
        let seeker = try await ownJobSeeker(id, visit)
        let (store, today) = (self.store, store.zone.local(at: desk.now()).date)
        let path = try await work { try store.path(of: id) }
        let renderer = pages.catalog.renderer(visit.language)
        let (loans, devices, locations) = try await work { (try store.loans(of: id).filter(\.isOpen), try store.devices(), try store.locations()) }
        let kinds = Dictionary(uniqueKeysWithValues: devices.map { ($0.id, $0.kind) })
        var data: [String: Any] = [
            "seeker": profileData(seeker, visit.language),
            "loans": loans.map { loan -> [String: Any] in
                [
                    "id": loan.id, "words": Text("\(PersonPath.what(loan, loan.device.flatMap { kinds[$0] })) until \(loan.until)").rendered(by: renderer),
                    "conditions": Loan.Condition.allCases.map { ["value": $0.rawValue, "name": $0.words.rendered(by: renderer)] },
                ]
            },
            "available": devices.filter { $0.state == .available }.map { ["id": $0.id, "words": Text("\($0.kind.words) \($0.id)").rendered(by: renderer)] },
            "has_available": devices.contains { $0.state == .available }, "has_steps": !path.steps.isEmpty, "locations": locations,
            "questions": Questionnaire.questions.map { question -> [String: Any] in
                [
                    "key": question.id, "text": question.text.rendered(by: renderer),
                    "answers": (0...question.highest).map { ["value": $0, "name": Questionnaire.words(for: $0, on: question.scale).rendered(by: renderer)] },
                ]
            },
            "standing": path.standing(on: today).map { $0.rendered(by: renderer) },
            "steps": path.steps.map { ["day": Catalog.date($0.day), "text": $0.text.rendered(by: renderer)] },
        ]
        if let error { data["error"] = error.rendered(by: pages.catalog.renderer(visit.language)) }
        return pages.render("job-seeker", data, visit: visit, language: visit.language, title: pages.catalog.text("job_seeker_title", visit.language, ["id": id]), status: status)
    }

    /// Changes the fields of the form, keeping the rest of the profile (an emptied field is cleared).
    private func editJobSeeker(_ id: String, _ visit: PageVisit) async throws -> Response {
        _ = try await ownJobSeeker(id, visit)
        let form = visit.form
        let (store, now, actor) = (self.store, desk.now(), Self.actor(visit))
        let (initials, language, level) = (form["initials"] ?? "", form["language"], try formLevel(form))
        do {
            _ = try await work {
                try store.updateJobSeeker(id, at: now, actor: actor) { seeker in
                    seeker.initials = initials
                    seeker.language = language
                    seeker.digitalLevel = level
                }
            }
        } catch let problem as APIProblem {
            return try await jobSeekerPage(id, visit, status: problem.status, error: problem.detail)
        }
        signedIn.flash(visit.session, pages.catalog.text("job_seeker_saved", visit.language, ["id": id]))
        return Pages.redirect("/desk/job-seekers")
    }

    /// The slot finder: the form, and for a chosen job seeker the best places (single or series) with
    /// a button to book each, or the reason nothing fits.
    private func slotsPage(_ request: Request, _ visit: PageVisit) async throws -> Response {
        try requireRole(visit, .consultant)
        let form = Form(encoded: request.uri.query ?? "")
        let seekers = try await ownJobSeekers(visit)
        var data: [String: Any] = [
            "job_seekers": seekers.map { ["id": $0.id, "initials": $0.initials, "selected": $0.id == form["job_seeker"]] },
            "appointments": form["appointments"] ?? "1", "duration_minutes": form["duration_minutes"] ?? "60",
            "min_gap_days": form["min_gap_days"] ?? "7", "max_gap_days": form["max_gap_days"] ?? "14", "topic": form["topic"] ?? "",
            "attendance": Attendance.allCases.map { ["value": $0.rawValue, "label": pages.catalog.text("attendance_\($0.rawValue)", visit.language), "selected": $0.rawValue == (form["attendance"] ?? "preferred")] },
        ]
        if form["job_seeker"] != nil {
            var draft = try Query(form: form).draft()
            draft.consultant = visit.principal.subject
            draft.topic = form["topic"]
            let (desk, store, caller, frozen) = (self.desk, self.store, visit.principal, draft)
            let offers = try await work {
                try Permission.mayBook(caller, jobSeeker: frozen.jobSeeker, consultant: frozen.consultant, store: store)
                return try desk.slots(for: frozen)
            }
            data["searched"] = true
            data["once"] = SignedIn.random()
            data["options"] = offers.options.map { offer in
                [
                    "places": offer.assignments.map { assignment -> [String: Any] in
                        [
                            "when": pages.catalog.moment(zone.local(at: assignment.span.start), visit.language),
                            "end_time": pages.catalog.time(zone.local(at: assignment.span.end)),
                            "session": assignment.session, "start": zone.local(at: assignment.span.start).description,
                            "with_consultant": assignment.consultantAttends,
                        ]
                    }
                ] as [String: Any]
            }
            data["reason"] = offers.options.isEmpty ? (offers.reason?.rendered(by: pages.catalog.renderer(visit.language)) ?? pages.catalog.text("slots_none", visit.language)) : nil
            data["hidden"] = ["job_seeker", "appointments", "duration_minutes", "min_gap_days", "max_gap_days", "attendance", "topic"]
                .compactMap { name in form[name].map { ["name": name, "value": $0] } }
        }
        return pages.render("slots", data, visit: visit, language: visit.language, title: pages.catalog.text("slots_title", visit.language))
    }

    /// Books the places chosen on the slot page, once (the form's key makes a second click a repeat,
    /// not a second booking), then shows the agenda of that week.
    private func bookPage(_ visit: PageVisit) async throws -> Response {
        try requireRole(visit, .consultant)
        let form = visit.form
        var draft = try Query(form: form).draft()
        draft.consultant = visit.principal.subject
        draft.topic = form["topic"]
        draft.from = nil
        let sessions = form.all("session")
        let choices = try form.all("start").enumerated().map { index, start in
            SlotChoice(start: try Fields.instant(start, field: "start", zone: zone), session: index < sessions.count ? sessions[index] : nil)
        }
        guard let first = choices.first else { throw PageProblem.missing("start") }
        let idempotency = form["once"].map {
            Idempotency(scope: visit.principal.tokenId, key: "web \($0)", fingerprint: Idempotency.fingerprint(of: draft, at: choices))
        }
        let (desk, store, caller, frozen, actor) = (self.desk, self.store, visit.principal, draft, Self.actor(visit))
        let booked = try await work {
            try Permission.mayBook(caller, jobSeeker: frozen.jobSeeker, consultant: frozen.consultant, store: store)
            return try desk.book(frozen, at: choices, actor: actor, idempotency: idempotency)
        }
        let when = booked.map { pages.catalog.moment(zone.local(at: $0.span.start), visit.language) }.joined(separator: ", ")
        signedIn.flash(visit.session, pages.catalog.text("booked", visit.language, ["id": draft.jobSeeker, "when": when]))
        return Pages.redirect("/desk/agenda?week=\(zone.local(at: first.start).date)")
    }

    /// The appointment a page changes, after the API's rule for who may change it (``Permission/mayChange``
    /// unless another rule is given).
    func changeable(
        _ context: APIContext, _ visit: PageVisit,
        rule: @escaping Permission.AppointmentRule = Permission.mayChange
    ) async throws -> BookedAppointment {
        guard let text = context.parameters.get("id"), let id = Int64(text), id > 0 else { throw PageProblem(.notFound, key: "error_no_appointment") }
        let (store, caller) = (self.store, visit.principal)
        return try await work { try rule(caller, try store.appointment(id), id, store) }
    }

    private func movePage(_ context: APIContext, _ visit: PageVisit) async throws -> Response {
        let appointment = try await changeable(context, visit)
        let desk = self.desk
        let options = try await work { try desk.moveOptions(appointment: appointment.id) }
        let catalog = pages.catalog
        let data: [String: Any] = [
            "appointment": row(appointment, viewer: visit.principal.role.viewer, language: visit.language),
            "options": options.map { offer -> [String: Any] in
                let place = offer.assignments[0]
                // The consequence shown before the move: the consultant who came along no longer can.
                let dropsConsultant = appointment.consultantAttends && !place.consultantAttends
                return [
                    "when": catalog.moment(zone.local(at: place.span.start), visit.language), "end_time": catalog.time(zone.local(at: place.span.end)),
                    "start": zone.local(at: place.span.start).description, "session": place.session, "with_consultant": place.consultantAttends,
                    "drops_consultant": dropsConsultant,
                ]
            },
            "none": options.isEmpty,
        ]
        return pages.render("move", data, visit: visit, language: visit.language, title: catalog.text("move_title", visit.language))
    }

    private func moveAppointment(_ context: APIContext, _ visit: PageVisit) async throws -> Response {
        let appointment = try await changeable(context, visit)
        guard let start = visit.form["start"] else { throw PageProblem.missing("start") }
        let choice = SlotChoice(start: try Fields.instant(start, field: "start", zone: zone), session: visit.form["session"])
        let (desk, actor) = (self.desk, Self.actor(visit))
        let moved = try await work { try desk.move(appointment: appointment.id, to: choice, actor: actor) }
        var message = pages.catalog.text("moved", visit.language, ["when": pages.catalog.moment(zone.local(at: moved.span.start), visit.language)])
        if appointment.consultantAttends && !moved.consultantAttends {
            message += " " + pages.catalog.text("moved_without_consultant", visit.language)
        }
        signedIn.flash(visit.session, message)
        return Pages.redirect(visit.principal.role == .consultant ? "/desk/agenda?week=\(zone.local(at: moved.span.start).date)" : "/desk")
    }

    private func cancelPage(_ context: APIContext, _ visit: PageVisit) async throws -> Response {
        let appointment = try await changeable(context, visit)
        let store = self.store
        // The consequence shown before cancelling: the later appointments of the series, if chosen.
        let later = try await work { try store.series(of: appointment.request) }
            .filter { $0.index > appointment.index && $0.status == .booked }
        let viewer = visit.principal.role.viewer
        let renderer = pages.catalog.renderer(visit.language)
        let parties: [CancellationCause.Party] = [.jobSeeker, .consultant, .coach, .coordinator]
        let mine: CancellationCause.Party = visit.principal.role == .coordinator ? .coordinator : .consultant
        let data: [String: Any] = [
            "appointment": row(appointment, viewer: viewer, language: visit.language),
            "later": later.map { row($0, viewer: viewer, language: visit.language) }, "has_later": !later.isEmpty,
            "parties": parties.map { ["value": $0.rawValue, "name": $0.words.rendered(by: renderer), "selected": $0 == mine] },
            "reasons": CancellationCause.Reason.given.map { ["value": $0.rawValue, "name": $0.words.rendered(by: renderer), "selected": $0 == .notGiven] },
        ]
        return pages.render("cancel", data, visit: visit, language: visit.language, title: pages.catalog.text("cancel_title", visit.language))
    }

    private func cancelAppointment(_ context: APIContext, _ visit: PageVisit) async throws -> Response {
        let appointment = try await changeable(context, visit)
        let (desk, actor, series) = (self.desk, Self.actor(visit), visit.form.checked("series"))
        // The form's choices, read as the API reads its body's.
        let cause = try CancelRequestBody(series: series, cancelledBy: visit.form["by"], reason: visit.form["reason"]).cause(of: visit.principal)
        let cancelled = try await work { try desk.cancel(appointment: appointment.id, wholeSeries: series, cause: cause, actor: actor) }
        signedIn.flash(visit.session, pages.catalog.text(cancelled.count == 1 ? "cancelled_one" : "cancelled_many", visit.language, ["count": String(cancelled.count)]))
        return Pages.redirect(visit.principal.role == .consultant ? "/desk/agenda?week=\(zone.local(at: appointment.span.start).date)" : "/desk")
    }

    /// Records an intake from the form's answers (every question); the level it gives becomes theirs.
    private func recordIntake(_ id: String, _ visit: PageVisit) async throws -> Response {
        _ = try await ownJobSeeker(id, visit)
        var answers: [String: Int] = [:]
        for question in Questionnaire.questions {
            guard let text = visit.form[question.id] else { throw PageProblem.missing(question.id) }
            guard let value = Int(text) else { throw PageProblem(.unprocessableContent, message: Text("\(question.id): \"\(text)\" is not an answer")) }
            answers[question.id] = value
        }
        let (store, now, actor, given, location) = (self.store, desk.now(), Self.actor(visit), answers, visit.form["location"])
        let intake = try await work { try store.recordIntake(jobSeeker: id, answers: given, location: location, at: now, actor: actor) }
        let renderer = pages.catalog.renderer(visit.language)
        signedIn.flash(visit.session, Text("intake: \(intake.level.words), score \(intake.score) of \(Questionnaire.maximumScore)").rendered(by: renderer))
        return Pages.redirect("/desk/job-seekers/\(id)")
    }

    /// Lends the chosen device to one of the consultant's job seekers.
    private func lend(_ id: String, _ visit: PageVisit) async throws -> Response {
        _ = try await ownJobSeeker(id, visit)
        guard let device = visit.form["device"] else { throw PageProblem.missing("device") }
        let until = try visit.form["until"].map { try Fields.date($0, field: "until") }
        let (store, now, actor) = (self.store, desk.now(), Self.actor(visit))
        let loan = try await work { try store.lend(device: device, to: id, until: until, at: now, actor: actor) }
        signedIn.flash(visit.session, Text("loan \(loan.id): \(device) until \(loan.until)").rendered(by: pages.catalog.renderer(visit.language)))
        return Pages.redirect("/desk/job-seekers/\(id)")
    }

    /// Extends or takes back a loan of one of the consultant's job seekers (a coordinator's too).
    private func changeLoan(_ context: APIContext, _ visit: PageVisit, extend: Bool) async throws -> Response {
        try requireRole(visit, .consultant, .coordinator)
        guard let text = context.parameters.get("id"), let id = Int(text), id > 0 else { throw PageProblem(.notFound, message: Text("no such loan")) }
        let form = visit.form
        let until = try form["until"].map { try Fields.date($0, field: "until") }
        let condition = try form["condition"].map { text in
            guard let condition = Loan.Condition(rawValue: text) else {
                throw PageProblem(.unprocessableContent, message: Text("condition: \"\(text)\" is not good, damaged or lost"))
            }
            return condition
        }
        if !extend && condition == nil { throw PageProblem.missing("condition") }
        let (store, now, actor, caller) = (self.store, desk.now(), Self.actor(visit), visit.principal)
        let loan = try await work { () throws -> Loan in
            _ = try Permission.mayChange(caller, loan: try store.loan(id), id: id, store: store)
            return extend
                ? try store.extendLoan(id, until: until, at: now, actor: actor)
                : try store.returnLoan(id, condition: condition!, at: now, actor: actor)
        }
        let renderer = pages.catalog.renderer(visit.language)
        signedIn.flash(
            visit.session,
            (extend ? Text("loan \(id) extended to \(loan.until)") : Text("loan \(id): returned, \(loan.condition?.words ?? Text("good"))")).rendered(by: renderer))
        return Pages.redirect(caller.role == .coordinator || loan.jobSeeker == nil ? "/desk/devices" : "/desk/job-seekers/\(loan.jobSeeker!)")
    }
}
