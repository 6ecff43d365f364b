import Foundation
import ZitdagCore
import ZitdagHTTP
import ZitdagStore

/// The demo behind `make run`: on an empty database, the zitdagen of Calendars/, three consultants,
/// twelve job seekers, a few bookings and queued requests; then fresh tokens and feed links.
struct Demo {
    let desk: Desk
    let calendars: String
    let host: String
    let port: Int

    func prepare() throws {
        let store = desk.store
        let now = desk.now()
        let zone = store.zone
        let today = zone.local(at: now).date
        if try store.sessions(from: today, to: today.adding(days: 90)).isEmpty {
            let window = Span(
                start: zone.instant(for: LocalDateTime(date: today, secondOfDay: 0))!,
                end: zone.instant(for: LocalDateTime(date: today.adding(days: 91), secondOfDay: 0))!)
            let schedule = try SessionCalendarFiles.schedule(in: calendars, window: window, zone: zone)
            _ = try store.syncSessions(schedule.open, closed: schedule.closed, from: today, to: today.adding(days: 90), at: now, actor: "demo")
            for k in 1...3 { try store.addConsultant("K\(k)", at: now, actor: "demo") }
            let languages = ["nl", "nl", "nl", "fr", "ar", "en"]
            for j in 1...12 {
                try store.saveJobSeeker(
                    JobSeeker(id: "J\(j)", initials: ["AB", "CD", "EF", "GH"][j % 4], language: languages[j % languages.count],
                              consultant: "K\((j % 3) + 1)"), at: now, actor: "demo")
                // An intake each: skills rising with j, so the levels vary; every third has no computer at home.
                let skill = { (key: Int) in min(3, max(0, (j + key) / 4)) }
                _ = try store.recordIntake(
                    jobSeeker: "J\(j)",
                    answers: ["computer": skill(3), "email": skill(1), "internet": skill(2), "forms": skill(0), "jobs": skill(-1),
                              "device": j % 3 == 0 ? 0 : 1, "connection": j % 4 == 0 ? 0 : 1],
                    at: now, actor: "demo")
            }
            let today = store.zone.local(at: now).date
            for d in 1...6 {
                try store.addDevice(Device(id: "L-00\(d)", kind: d <= 4 ? .laptop : .tablet, bought: today.adding(months: -12 * d + 2)), at: now, actor: "demo")
            }
            try store.addDevice(Device(id: "D-001", kind: .dongle, bought: today.adding(months: -8)), at: now, actor: "demo")
            // Loans of six months: one ending in two weeks, one lately begun, one overdue (extended once).
            for (device, j, from) in [("L-001", 3, today.adding(months: -6).adding(days: 14)), ("L-002", 6, today.adding(months: -2)), ("D-001", 4, today.adding(months: -7))] {
                let loan = try store.lend(device: device, to: "J\(j)", from: from, at: now, actor: "demo")
                if device == "D-001" { _ = try store.extendLoan(loan.id, until: today.adding(days: -10), at: now, actor: "demo") }
            }
            for j in 1...4 {
                let draft = RequestDraft(jobSeeker: "J\(j)", consultant: "K\((j % 3) + 1)", attendance: .preferred, appointments: j % 2 + 1, topic: "mail en agenda")
                if let offer = try desk.slots(for: draft, count: 1).options.first {
                    _ = try desk.book(draft, at: [SlotChoice(start: offer.assignments[0].span.start, session: offer.assignments[0].session)], actor: "demo")
                }
            }
            for j in 5...10 {
                _ = try store.queue(RequestDraft(jobSeeker: "J\(j)", consultant: "K\((j % 3) + 1)", attendance: .preferred), at: now, actor: "demo")
            }
            printError(Text("zitdag: demo database seeded: \(count: schedule.open.count, "session"), 3 consultants, 12 job seekers, 7 devices"))
        }
        var random = SystemRandomNumberGenerator()
        let base = "http://\(host):\(port)"
        let coordinator = try store.createToken(role: .coordinator, subject: "demo", at: now, actor: "demo", using: &random)
        let consultant = try store.createToken(role: .consultant, subject: "K2", at: now, actor: "demo", using: &random)
        let coach = try store.createToken(role: .coach, subject: "C1", at: now, actor: "demo", using: &random)
        let coachFeed = try store.createFeedToken(for: .coach("C1"), rotate: true, at: now, actor: "demo", using: &random)
        let consultantFeed = try store.createFeedToken(for: .consultant("K2"), rotate: true, at: now, actor: "demo", using: &random)
        // A slot that is free now, for the booking example.
        let offer = try desk.slots(for: RequestDraft(jobSeeker: "J1", consultant: "K2", attendance: .preferred), count: 1).options.first
        let example = offer.map { zone.local(at: $0.assignments[0].span.start).description }
            ?? "\(today.adding(days: 8 - today.weekday))T10:00:00"

        let text = Text("""
            The web desk, in a browser (sign-in links, new on every start):
              as coordinator:   \(SignInLink.url(base: base, secret: coordinator.secret))
              as consultant K2: \(SignInLink.url(base: base, secret: consultant.secret))
              as coach C1:      \(SignInLink.url(base: base, secret: coach.secret))
            Demo tokens (new on every start):
              coordinator: \(coordinator.secret)
              consultant K2: \(consultant.secret)
              coach C1: \(coach.secret)
            Feeds (subscribe in a calendar app):
              coach C1:      \(FeedLinks(base: base, secret: coachFeed.secret).webcal)
              consultant K2: \(FeedLinks(base: base, secret: consultantFeed.secret).webcal)
            Try:
              curl -s \(base)/health
              curl -s -H 'Authorization: Bearer \(consultant.secret)' '\(base)/v1/slots?job_seeker=J1&attendance=preferred&count=3'
              curl -s -H 'Authorization: Bearer \(consultant.secret)' -H 'Content-Type: application/json' -H 'Idempotency-Key: demo-1' \\
                -d '{"job_seeker": "J1", "attendance": "preferred", "starts": [{"start": "\(example)"}]}' \(base)/v1/bookings
              curl -s -H 'Authorization: Bearer \(coordinator.secret)' -H 'Content-Type: application/json' \\
                -d '{"from": "\(today)", "to": "\(today.adding(days: 13))"}' \(base)/v1/plan
              curl -s \(FeedLinks(base: base, secret: coachFeed.secret).url)

            """)
        // Straight to the file descriptor: stdout may be a pipe, and the server runs until stopped.
        Terminal.put(text.cli, to: .output)
    }
}
