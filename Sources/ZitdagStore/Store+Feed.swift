import GRDB
import ZitdagCore

extension Store {
    /// The entries of a coach's, consultant's or location's feed from the store: their half-days
    /// (coaches and locations) and appointments on days `from...to`. Each appointment keeps its UID
    /// for life and its SEQUENCE grows with every change; a cancelled one stays in the feed with
    /// STATUS:CANCELLED for `lingerDays` after it was cancelled, then drops out. Job seekers appear as
    /// the audience's ``Viewer`` sees them, with the topic.
    public func feedEntries(
        for audience: FeedAudience, from: LocalDate, to: LocalDate, now: Instant, lingerDays: Int = 14
    ) throws(StoreError) -> [CalendarEntry] {
        let owner: AgendaOwner = switch audience {
        case .coach(let id): .coach(id)
        case .consultant(let id): .consultant(id)
        case .location(let id): .location(id)
        }
        let agenda = try agenda(of: owner, from: from, to: to, includeCancelled: true)
        // Appointments held by an open offer (`backfill offer`) show as tentative until it is answered.
        let offered = try read { db in try OfferTable.open(db, consultant: nil) }
        let held = Dictionary(offered.flatMap { offer in offer.appointments.map { ($0, offer) } }, uniquingKeysWith: { first, _ in first })
        let cutoff = now.adding(seconds: -lingerDays * 86_400)
        var entries: [CalendarEntry] = []
        for item in agenda {
            let session = item.session
            let live = item.appointments.filter { $0.status != .cancelled }
            if case .consultant = audience {} else {
                var description = Text("Coach \(session.coach), \(count: session.seats, "seat")")
                for reservation in session.reserved where reservation.channel == .urgent {
                    description = Text(
                        "\(description), \(reservation.seats) held back for urgent bookings until \(reservation.releaseDay(sessionDay: session.day))")
                }
                entries.append(CalendarEntry(
                    uid: "session-\(session.id)@zitdag", span: session.span,
                    summary: Text("Coaching half-day (\(count: live.count, "appointment"))"), location: session.location,
                    description: description))
                // Walk-in time, for the coach to see when the door is open to everyone.
                for (index, reservation) in session.reserved.enumerated() where reservation.channel == .walkIn {
                    let summary = reservation.seats == session.seats
                        ? Text("Walk-in") : Text("Walk-in (\(reservation.seats) of \(session.seats) seats)")
                    entries.append(CalendarEntry(
                        uid: "walk-in-\(session.id)-\(index)@zitdag", span: reservation.span, summary: summary,
                        location: session.location, description: Text("Walk-in during coach \(session.coach)'s half-day: no appointment needed")))
                }
            }
            for a in item.appointments where a.status != .cancelled || a.changed >= cutoff {
                let who = audience.viewer.jobSeeker(id: a.jobSeeker, initials: a.initials).map { Text(verbatim: $0) } ?? Text("(erased)")
                let along = a.consultantAttends ? Text("with consultant \(a.consultant ?? "")") : Text("without consultant")
                let offer = a.status == .booked ? held[a.id] : nil
                var summary = Text("Coaching \(who) (\(a.index + 1)/\(a.seriesLength))")
                if let topic = a.topic { summary = Text("\(summary): \(topic)") }
                var description = Text("Appointment \(a.index + 1) of \(a.seriesLength), coach \(a.coach), \(along)")
                if let offer {
                    summary = Text("Offer: \(summary)")
                    description = Text(
                        "\(description), freed place offered (offer \(offer.id)), to accept until \(weekday: zone.local(at: offer.expires))")
                }
                entries.append(CalendarEntry(
                    uid: "appointment-\(a.id)@zitdag", span: a.span, summary: summary, location: a.location, description: description,
                    cancelled: a.status == .cancelled, tentative: offer != nil, sequence: a.sequence))
            }
        }
        if case .consultant(let id) = audience { entries += try loanEnds(of: id, from: from, to: to, viewer: audience.viewer) }
        return entries.sorted { ($0.span.start, $0.uid) < ($1.span.start, $1.uid) }
    }

    /// The last days of the open loans of a consultant's job seekers, as all-day entries: the UID
    /// stays with the loan, and an extension moves the day and raises the sequence.
    private func loanEnds(of consultant: String, from: LocalDate, to: LocalDate, viewer: Viewer) throws(StoreError) -> [CalendarEntry] {
        try read { db in
            let loans = try LoanTable.loans(
                db, where: "l.returned IS NULL AND l.until BETWEEN ? AND ? AND l.job_seeker_id IN (SELECT id FROM job_seeker WHERE consultant_id = ?)",
                [from.daysSinceEpoch, to.daysSinceEpoch, consultant])
            return try LoanTable.withKinds(loans, db).map { loan, kind in
                let seeker = try loan.jobSeeker.flatMap { try JobSeekerTable.profile(db, $0) }
                let who = viewer.jobSeeker(id: loan.jobSeeker, initials: seeker?.initials) ?? ""
                func midnight(_ day: LocalDate) -> Instant { zone.instant(for: LocalDateTime(date: day, secondOfDay: 0))! }
                return CalendarEntry(
                    uid: "loan-end-\(loan.id)@zitdag", span: Span(start: midnight(loan.until), end: midnight(loan.until.adding(days: 1))),
                    summary: Text("Loan ends: \(PersonPath.what(loan, kind)), \(who)"),
                    description: Text("Loan \(loan.id) from \(loan.from) until \(loan.until): take the device back or extend the loan"),
                    sequence: loan.extensions.count, allDay: true)
            }
        }
    }
}
