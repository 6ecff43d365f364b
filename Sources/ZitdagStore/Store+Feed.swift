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
                let held = session.reserved.filter { $0.channel == .urgent }.map { reservation in
                    ", \(reservation.seats) voorbehouden voor dringende boekingen tot \(reservation.releaseDay(sessionDay: session.day))"
                }
                entries.append(CalendarEntry(
                    uid: "session-\(session.id)@zitdag", span: session.span,
                    summary: "Zitdag digitale coaching (\(live.count) afspra\(live.count == 1 ? "ak" : "ken"))", location: session.location,
                    description: "Coach \(session.coach), \(session.seats) plaats\(session.seats == 1 ? "" : "en")" + held.joined()))
                // Walk-in time, for the coach to see when the door is open to everyone.
                for (index, reservation) in session.reserved.enumerated() where reservation.channel == .walkIn {
                    let part = reservation.seats == session.seats ? "" : " (\(reservation.seats) van \(session.seats) plaatsen)"
                    entries.append(CalendarEntry(
                        uid: "walk-in-\(session.id)-\(index)@zitdag", span: reservation.span, summary: "Vrije inloop\(part)",
                        location: session.location, description: "Vrije inloop tijdens de zitdag van coach \(session.coach): zonder afspraak"))
                }
            }
            for a in item.appointments where a.status != .cancelled || a.changed >= cutoff {
                let who = audience.viewer.jobSeeker(id: a.jobSeeker, initials: a.initials) ?? ""
                let along = a.consultantAttends ? "met consulent \(a.consultant ?? "")" : "zonder consulent"
                let offer = a.status == .booked ? held[a.id] : nil
                entries.append(CalendarEntry(
                    uid: "appointment-\(a.id)@zitdag", span: a.span,
                    summary: (offer == nil ? "" : "Aanbod: ") + "Coaching \(who.isEmpty ? "(gewist)" : who) (\(a.index + 1)/\(a.seriesLength))"
                        + (a.topic.map { ": \($0)" } ?? ""),
                    location: a.location,
                    description: "Afspraak \(a.index + 1) van \(a.seriesLength), coach \(a.coach), \(along)"
                        + (offer.map { ", vrijgekomen plaats aangeboden (aanbod \($0.id)), te aanvaarden tot \(zone.local(at: $0.expires).withWeekday)" } ?? ""),
                    cancelled: a.status == .cancelled, tentative: offer != nil, sequence: a.sequence))
            }
        }
        return entries.sorted { ($0.span.start, $0.uid) < ($1.span.start, $1.uid) }
    }
}
